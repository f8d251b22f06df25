"""Starting, writing and publishing an annual report: permissions, versions and the frozen published copy."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.learning.national_reports import actions
from safeguarding.learning.national_reports.models import AnnualReport
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 1)


@pytest.fixture
def analyst(db):
    return person_with_role(Role.NATIONAL_ANALYST)


@pytest.fixture
def administrator(db):
    return person_with_role(Role.NATIONAL_ADMINISTRATOR)


@pytest.fixture
def draft(analyst):
    return actions.assemble(analyst, 2025, today=TODAY)


def test_starting_a_year_assembles_its_figures_and_is_audited(draft):
    assert draft.status == "draft" and draft.data["year"] == 2025 and draft.version == 1
    event = AuditEvent.objects.filter(verb="national_report.started").get()
    assert event.target_label == "Annual report 2025" and event.role == Role.NATIONAL_ANALYST


def test_a_year_is_started_once_then_assembled_again(analyst, draft):
    again = actions.assemble(analyst, 2025, today=TODAY)
    assert again.pk == draft.pk and again.version == 2
    assert AnnualReport.objects.count() == 1
    assert AuditEvent.objects.filter(verb="national_report.assembled").count() == 1


def test_assembling_again_from_a_stale_page_is_refused(analyst, draft):
    actions.edit(analyst, draft, 1, foreword="First")
    with pytest.raises(StaleEdit):
        actions.assemble(analyst, 2025, expected_version=1, today=TODAY)


@pytest.mark.parametrize("year", [2015, 2027])
def test_a_year_outside_the_platform_is_refused(analyst, year):
    with pytest.raises(ValidationError) as error:
        actions.assemble(analyst, year, today=TODAY)
    assert "year" in error.value.message_dict
    assert not AnnualReport.objects.exists()


def test_people_without_a_national_role_may_not_start_one(area):
    with pytest.raises(PermissionDenied):
        actions.assemble(person_with_role(Role.AREA_ADMINISTRATOR, area), 2025, today=TODAY)


def test_the_second_of_two_edits_of_the_same_version_is_refused(analyst, administrator, draft):
    first = AnnualReport.objects.get(pk=draft.pk)
    second = AnnualReport.objects.get(pk=draft.pk)
    actions.edit(analyst, first, 1, foreword="The analyst's foreword")
    with pytest.raises(StaleEdit):
        actions.edit(administrator, second, 1, foreword="The administrator's foreword")
    draft.refresh_from_db()
    assert draft.foreword == "The analyst's foreword" and draft.version == 2


def test_publication_needs_the_lessons_for_government(administrator, draft):
    with pytest.raises(ValidationError) as error:
        actions.publish(administrator, draft, draft.version, today=TODAY)
    assert "lessons_for_government" in error.value.message_dict
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_only_a_national_administrator_publishes(analyst, draft):
    actions.edit(analyst, draft, draft.version, lessons_for_government="Fund the national body")
    with pytest.raises(PermissionDenied):
        actions.publish(analyst, draft, draft.version, today=TODAY)


def test_a_published_report_is_frozen(analyst, administrator, draft):
    actions.edit(analyst, draft, draft.version, lessons_for_government="Fund the national body")
    actions.publish(administrator, draft, draft.version, today=TODAY)
    draft.refresh_from_db()
    assert (draft.status, draft.published_on, draft.published_by) == ("published", TODAY, administrator)
    assert AuditEvent.objects.filter(verb="national_report.published").exists()
    with pytest.raises(ValidationError):
        actions.edit(analyst, draft, draft.version, foreword="Later")
    with pytest.raises(ValidationError):
        actions.assemble(analyst, 2025, today=TODAY)
    with pytest.raises(ValidationError):
        actions.publish(administrator, draft, draft.version, today=TODAY)
