from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "safeguarding.incidents"
    label = "incidents"
    verbose_name = "Serious incidents"
