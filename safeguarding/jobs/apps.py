from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "safeguarding.jobs"
    label = "jobs"
    verbose_name = "Background jobs, schedules and the worker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions  # noqa: F401 (registers this app's rules)
