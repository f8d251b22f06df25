"""Changes to the register: validation names the field and the rule, nothing is half-written, all audited."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.audit import AuditEvent
from safeguarding.core.concurrency import StaleEdit
from safeguarding.learning.reviewers import actions
from safeguarding.learning.reviewers.models import Accreditation, Availability, CpdRecord, Employment, Reviewer
from safeguarding.organisations.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 26)


def _errors(call):
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.message_dict


def test_a_national_administrator_adds_a_reviewer_and_it_is_audited(national_admin):
    person = UserFactory(full_name="Ann Able")
    reviewer = actions.save_reviewer(national_admin, user=person, specialisms=["neglect", "infants"], today=TODAY)
    assert reviewer.specialisms == ["infants", "neglect"]  # kept in the list's order
    assert AuditEvent.objects.filter(verb="reviewers.reviewer_added").count() == 1


def test_adding_refuses_a_person_already_on_the_register_and_unknown_specialisms(national_admin, reviewer):
    errors = _errors(lambda: actions.save_reviewer(national_admin, user=reviewer.user, specialisms=["astrology"]))
    assert "already on the register" in errors["user"][0]
    assert "astrology" in errors["specialisms"][0]


def test_an_analyst_may_not_change_the_register(national_analyst):
    with pytest.raises(PermissionDenied):
        actions.save_reviewer(national_analyst, user=UserFactory())


def test_editing_checks_the_version(national_admin, reviewer):
    opened = reviewer.version
    actions.save_reviewer(national_admin, reviewer, opened, availability=Availability.LIMITED)
    with pytest.raises(StaleEdit):
        actions.save_reviewer(national_admin, reviewer, opened, availability=Availability.AVAILABLE)
    reviewer.refresh_from_db()
    assert reviewer.availability == Availability.LIMITED


def test_not_available_from_a_past_date_is_refused(national_admin, reviewer):
    errors = _errors(
        lambda: actions.save_reviewer(
            national_admin,
            reviewer,
            reviewer.version,
            availability=Availability.NOT_AVAILABLE,
            available_from=date(2026, 1, 1),
            today=TODAY,
        )
    )
    assert "future" in errors["available_from"][0]


def test_accreditation_must_expire_after_award_and_not_start_in_the_future(national_admin, reviewer):
    errors = _errors(
        lambda: actions.add_accreditation(
            national_admin,
            reviewer,
            level="grand",
            awarding_body=" ",
            accredited_on=date(2027, 1, 1),
            expires_on=date(2026, 1, 1),
            today=TODAY,
        )
    )
    assert set(errors) == {"level", "awarding_body", "accredited_on", "expires_on"}
    assert "after the date of accreditation" in errors["expires_on"][0]
    assert Accreditation.objects.filter(reviewer=reviewer).count() == 1  # only the factory's


@pytest.mark.parametrize("hours", [0, -2, "100.5", "many", None])
def test_cpd_hours_must_be_more_than_0_and_at_most_100(national_admin, reviewer, hours):
    errors = _errors(
        lambda: actions.record_cpd(
            national_admin, reviewer, completed_on=date(2026, 5, 1), hours=hours, activity="Course", today=TODAY
        )
    )
    assert "more than 0 and no more than 100" in errors["hours"][0]
    assert not CpdRecord.objects.exists()


def test_cpd_cannot_be_in_the_future_and_needs_an_activity(national_admin, reviewer):
    errors = _errors(
        lambda: actions.record_cpd(
            national_admin, reviewer, completed_on=date(2026, 12, 1), hours=3, activity="", today=TODAY
        )
    )
    assert set(errors) == {"completed_on", "activity"}
    row = actions.record_cpd(national_admin, reviewer, completed_on=TODAY, hours="3.5", activity="Course", today=TODAY)
    assert row.hours == 3.5
    assert AuditEvent.objects.filter(verb="reviewers.cpd_recorded").count() == 1


def test_employment_needs_an_employer_and_an_end_after_its_start(national_admin, reviewer):
    errors = _errors(
        lambda: actions.add_employment(
            national_admin,
            reviewer,
            role_title="",
            started_on=date(2020, 5, 1),
            ended_on=date(2020, 4, 30),
            today=TODAY,
        )
    )
    assert set(errors) == {"organisation", "role_title", "ended_on"}
    assert "on or after the start date" in errors["ended_on"][0]


def test_employment_dates_cannot_be_in_the_future(national_admin, reviewer):
    council = OrganisationFactory(name="Leeds City Council")
    errors = _errors(
        lambda: actions.add_employment(
            national_admin,
            reviewer,
            organisation=council,
            role_title="Manager",
            started_on=date(2027, 1, 1),
            ended_on=date(2027, 2, 1),
            today=TODAY,
        )
    )
    assert set(errors) == {"started_on", "ended_on"}
    job = actions.add_employment(
        national_admin, reviewer, organisation=council, role_title="Manager", started_on=date(2020, 1, 1), today=TODAY
    )
    assert job.is_current and str(job) == "Manager, Leeds City Council"
    assert Employment.objects.count() == 1 and Reviewer.objects.count() == 1


def test_ending_a_job_checks_dates_and_the_version(national_admin, reviewer):
    council = OrganisationFactory(name="Leeds City Council")
    job = actions.add_employment(
        national_admin, reviewer, organisation=council, role_title="Manager", started_on=date(2020, 1, 1), today=TODAY
    )
    opened = job.version
    fields = {"organisation": council, "role_title": "Manager", "started_on": date(2020, 1, 1)}
    errors = _errors(
        lambda: actions.change_employment(national_admin, job, opened, ended_on=date(2019, 1, 1), **fields, today=TODAY)
    )
    assert "on or after the start date" in errors["ended_on"][0]
    actions.change_employment(national_admin, job, opened, ended_on=date(2024, 3, 3), **fields, today=TODAY)
    with pytest.raises(StaleEdit):
        actions.change_employment(national_admin, job, opened, ended_on=None, **fields, today=TODAY)
    job.refresh_from_db()
    assert job.ended_on == date(2024, 3, 3)
    assert AuditEvent.objects.filter(verb="reviewers.employment_changed").count() == 1
