from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "safeguarding.incidents"
    label = "incidents"
    verbose_name = "Serious incidents"

    def ready(self):
        from . import clocks  # noqa: F401 (recomputes the stored clocks when the policy table changes)
