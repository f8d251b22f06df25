"""The demo's recurrence alerts: raised from the demo corpus once, nothing new on a second run, and only for
the themes that rise (some but not all)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from safeguarding.demo.seeding import SeedReport
from safeguarding.learning.intelligence.demo import seed_demo_intelligence
from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.repository.demo import seed_demo_repository
from safeguarding.learning.repository.models import Theme

pytestmark = pytest.mark.django_db

# The demo is seeded on the day `make run` runs; the corpus's last report is from 30 October 2026.
SEEDED_AT = datetime.datetime(2026, 12, 6, 9, tzinfo=datetime.UTC)
# The generator's recent clusters (synthetic.CLUSTERS): risk to infants with unknown men, the exploitation of
# adolescents, and online harm with exploitation.
RISING_THEMES = {"risk-to-infants", "unknown-adult-males", "exploitation", "adolescents-extra-familial", "online-harm"}


@pytest.fixture(autouse=True)
def _national_recurrence_thresholds():
    """The policy table as a fresh database has it (the other tests here use smaller thresholds)."""
    from safeguarding.core.clocks import defaults
    from safeguarding.core.clocks.models import PolicySetting

    for key, _name, value, _description in defaults.SETTINGS:
        if key.startswith("recurrence-"):
            PolicySetting.objects.filter(key=key).update(value=value)


@time_machine.travel(SEEDED_AT, tick=False)
def test_seeding_raises_alerts_from_the_demo_corpus_and_twice_creates_nothing_new(area):
    seed_demo_repository(SeedReport())
    first = seed_demo_intelligence(SeedReport())
    raised = RecurrenceAlert.objects.count()
    assert raised > 0 and first.created["recurrence alerts"] == raised

    second = seed_demo_intelligence(SeedReport())
    assert second.created["recurrence alerts"] == 0
    assert RecurrenceAlert.objects.count() == raised
    assert all(alert.window_end <= timezone.localdate() for alert in RecurrenceAlert.objects.all())


@time_machine.travel(SEEDED_AT, tick=False)
def test_the_demo_alerts_on_the_rising_themes_not_on_every_theme(area):
    seed_demo_repository(SeedReport())
    seed_demo_intelligence(SeedReport())

    alerted = set(RecurrenceAlert.objects.values_list("theme__slug", flat=True))
    assert 0 < len(alerted) < Theme.objects.count() / 2
    assert alerted <= RISING_THEMES
    for alert in RecurrenceAlert.objects.all():
        assert alert.report_count * 100 >= alert.rise_percent * (alert.expected_reports or 0)
