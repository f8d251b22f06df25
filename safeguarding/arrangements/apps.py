from django.apps import AppConfig


class ArrangementsConfig(AppConfig):
    name = "safeguarding.arrangements"
    label = "arrangements"
    verbose_name = "Multi-agency arrangements"
