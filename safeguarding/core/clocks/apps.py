from django.apps import AppConfig


class ClocksConfig(AppConfig):
    name = "safeguarding.core.clocks"
    label = "clocks"
    verbose_name = "Working-day clocks and the national policy table"
