from django.apps import AppConfig


class NationalReportsConfig(AppConfig):
    name = "safeguarding.learning.national_reports"
    label = "national_reports"
    verbose_name = "Reports of the national body"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions  # noqa: F401 (registers this app's rules)
