"""The demo's recurrence alerts: raised from the demo corpus once, nothing new on a second run."""

import pytest
from django.utils import timezone

from safeguarding.demo.seeding import SeedReport
from safeguarding.learning.intelligence.demo import seed_demo_intelligence
from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.repository.demo import seed_demo_repository

pytestmark = pytest.mark.django_db


def test_seeding_raises_alerts_from_the_demo_corpus_and_twice_creates_nothing_new(area):
    seed_demo_repository(SeedReport())
    first = seed_demo_intelligence(SeedReport())
    raised = RecurrenceAlert.objects.count()
    assert raised > 0 and first.created["recurrence alerts"] == raised

    second = seed_demo_intelligence(SeedReport())
    assert second.created["recurrence alerts"] == 0
    assert RecurrenceAlert.objects.count() == raised
    assert all(alert.window_end <= timezone.localdate() for alert in RecurrenceAlert.objects.all())
