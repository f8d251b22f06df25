from django.apps import AppConfig


class IntelligenceConfig(AppConfig):
    name = "safeguarding.learning.intelligence"
    label = "intelligence"
    verbose_name = "National intelligence: themes, recurrence alerts and repeated recommendations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions  # noqa: F401 (registers this app's rules)
