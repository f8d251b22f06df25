from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "safeguarding.returns"
    label = "returns"
    verbose_name = "Agency returns by secure link"
    default_auto_field = "django.db.models.BigAutoField"
