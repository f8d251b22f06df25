"""sync_from_child_deaths: every notified death reaches the national table once, pseudonymised."""

import io

from django.core.management import call_command

from safeguarding.child_deaths.factories import make_case
from safeguarding.core import audit
from safeguarding.mortality.actions.ingest import sync_from_child_deaths
from safeguarding.mortality.models import MortalityRecord, Origin
from safeguarding.organisations.models import LocalAuthority


def test_a_notified_death_is_copied_once_with_derived_fields_only(geography, area):
    area.local_authorities.set(LocalAuthority.objects.filter(code__in=["E06000004", "E06000001"]))
    case = make_case(area)
    assert sync_from_child_deaths(audit.Actor.system("tests")) == (1, 0, 0)
    record = MortalityRecord.objects.get()
    assert record.origin == Origin.REVIEW
    assert record.pseudonym == case.child.pseudonym
    # The first authority by code stands for a multi-authority area; its region and quintile follow.
    assert (record.la_code, record.region_code) == ("E06000001", "E12000001")
    assert record.deprivation_quintile in {1, 2, 3, 4, 5}
    assert (record.year_of_death, record.month_of_death, record.financial_year) == (2026, 11, 2026)
    assert record.reviewed is False and record.category == "" and record.days_to_review is None
    # Hospitals other than the specialist centres are not named.
    assert record.hospital == ""
    assert sync_from_child_deaths(audit.Actor.system("tests")) == (0, 0, 1)


def test_a_changed_case_is_refreshed(geography, area):
    case = make_case(area)
    sync_from_child_deaths(audit.Actor.system("tests"))
    type(case).objects.filter(pk=case.pk).update(circumstances="Updated account from the coroner.")
    assert sync_from_child_deaths(audit.Actor.system("tests")) == (0, 1, 0)
    assert MortalityRecord.objects.get().circumstances == "Updated account from the coroner."


def test_command_reports_and_audits(db, area):
    from safeguarding.core.models import AuditEvent

    make_case(area)
    out = io.StringIO()
    call_command("sync_child_deaths", stdout=out)
    assert "1 created" in out.getvalue()
    assert AuditEvent.objects.filter(verb="mortality.synced").exists()
