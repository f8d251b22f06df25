from django.apps import AppConfig


class NsciConfig(AppConfig):
    name = "safeguarding.learning.nsci"
    label = "nsci"
    verbose_name = "National serious case inquiries"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions  # noqa: F401 (registers this app's rules)
