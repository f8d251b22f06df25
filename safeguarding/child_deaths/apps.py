from django.apps import AppConfig


class ChildDeathsConfig(AppConfig):
    name = "safeguarding.child_deaths"
    label = "child_deaths"
    verbose_name = "Child death review"
    default_auto_field = "django.db.models.BigAutoField"
