from django.apps import AppConfig


class MortalityConfig(AppConfig):
    name = "safeguarding.mortality"
    label = "mortality"
    verbose_name = "National child mortality database"
    default_auto_field = "django.db.models.BigAutoField"
