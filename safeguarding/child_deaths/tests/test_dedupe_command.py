"""The Splink batch proposes links between notifications the arrival score did not connect."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from safeguarding.core.models import AuditEvent

from ..factories import notify
from ..models import LinkCandidate

pytestmark = pytest.mark.django_db

NO_NHS = {"nhs_number": "", "nhs_number_unavailable_reason": "Not known at the scene"}


def test_the_batch_proposes_the_same_child_and_prints_bands(area):
    first = notify(area).case
    # Notified before the first was linked: no proposal on arrival because it came first in another window.
    LinkCandidate.objects.all().delete()
    second = notify(area, family_name="Hartigen", postcode="TS18 3AD", **NO_NHS).case
    LinkCandidate.objects.all().delete()
    notify(
        area,
        given_names="Idris",
        family_name="Okonkwo",
        date_of_birth=datetime.date(2012, 6, 2),
        postcode="TS1 4XY",
        sex="male",
        nhs_number="9990000085",
    )
    out = StringIO()
    call_command("dedupe_death_notifications", stdout=out)
    text = out.getvalue()
    assert "Compared 3 open notifications with Splink (DuckDB), linkage model version 1" in text
    assert "New proposed links for review: 1" in text
    assert "probability 0.99 and above: 1" in text
    candidate = LinkCandidate.objects.get()
    assert (candidate.case, candidate.notification.case, candidate.method) == (first, second, "splink")
    fields = {field["comparison"]: field for field in candidate.reasons["fields"]}
    assert fields["family_name"]["outcome"] == "nearly the same (one or two letters differ)"
    assert candidate.model.version == 1 and candidate.reasons["model_version"] == 1
    assert AuditEvent.objects.filter(verb="child_death.linkage.batch_compared").count() == 1
    # Run again: nothing new.
    out = StringIO()
    call_command("dedupe_death_notifications", stdout=out)
    assert "New proposed links for review: 0 (already proposed or decided: 1)" in out.getvalue()


def test_dry_run_stores_nothing(area):
    notify(area)
    notify(area, family_name="Hartigen", **NO_NHS)
    LinkCandidate.objects.all().delete()
    out = StringIO()
    call_command("dedupe_death_notifications", "--dry-run", stdout=out)
    assert "Dry run" in out.getvalue()
    assert not LinkCandidate.objects.exists()
