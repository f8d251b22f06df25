from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _restore_missing_defaults(sender, using="default", **kwargs):
    """After `migrate` or `flush` (which empties every table, as test runs do), the policy table
    gets back any default row it lacks, so no clock is ever without its length."""
    from . import defaults
    from .models import ClockPolicy, PolicySetting

    defaults.load(ClockPolicy.objects.db_manager(using), PolicySetting.objects.db_manager(using))


class ClocksConfig(AppConfig):
    name = "safeguarding.core.clocks"
    label = "clocks"
    verbose_name = "Working-day clocks and the national policy table"

    def ready(self):
        post_migrate.connect(_restore_missing_defaults, sender=self)
