from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "safeguarding.api"
    label = "api"
    verbose_name = "REST API"

    def ready(self):
        # drf-spectacular finds extensions by their import; the schema needs ours.
        from . import schema  # noqa: F401
