import pytest

from safeguarding.core.clocks.models import PolicySetting


@pytest.fixture(autouse=True)
def _small_recurrence_thresholds(db):
    """These tests build a handful of reports, so they use thresholds of 5 reports from 3 areas in 24 months
    (the national defaults are higher); a test that needs others sets them itself."""
    for key, value in (
        ("recurrence-minimum-reports", 5),
        ("recurrence-minimum-areas", 3),
        ("recurrence-window-months", 24),
    ):
        PolicySetting.objects.filter(key=key).update(value=value)
