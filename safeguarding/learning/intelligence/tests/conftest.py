import pytest

from safeguarding.core.clocks.models import PolicySetting


@pytest.fixture(autouse=True)
def _small_recurrence_thresholds(db):
    """These tests build a handful of reports, so they use a floor of 5 reports from 3 areas in 24 months (the
    national defaults are higher), with the national rise: 150% of what the 2 earlier windows predict; a test
    that needs others sets them itself."""
    for key, value in (
        ("recurrence-minimum-reports", 5),
        ("recurrence-minimum-areas", 3),
        ("recurrence-window-months", 24),
        ("recurrence-baseline-windows", 2),
        ("recurrence-rise-percent", 150),
    ):
        PolicySetting.objects.filter(key=key).update(value=value)
