from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "safeguarding.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        # Registers the service's access rules with django-rules.
        from . import permissions  # noqa: F401
