"""The local learning inquiry: set-up from the maintained list and the area's eligible reviewers, involvement,
moving on."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.concurrency import StaleEdit
from safeguarding.incidents.actions import lli as actions
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import LocalLearningInquiry, Methodology
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.reviewers.factories import add_employment, make_reviewer
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import Role

from .conftest import verified

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def inquiry(area):
    return LocalLearningInquiry.objects.create(incident=make_incident(area, IncidentStatus.LLI))


@pytest.fixture
def reviewer(area):
    """A reviewer of the area who is on the national register, accredited and independent of it."""
    person = verified(person_with_role(Role.REVIEWER, area))
    make_reviewer(person)
    return person


def test_the_methodology_list_is_seeded_with_guidance():
    names = list(Methodology.objects.values_list("slug", flat=True))
    assert names[:3] == ["systems-learning-together", "silp", "practitioner-learning-event"]
    assert all(m.guidance for m in Methodology.objects.all())


def test_set_up_then_move_on_to_findings(inquiry, inquiry_lead, reviewer):
    actions.save_set_up(
        inquiry_lead,
        inquiry,
        inquiry.version,
        terms_of_reference="How did information about the plan reach universal services?",
        methodology=Methodology.objects.get(slug="silp"),
        lead_reviewer=reviewer,
    )
    incident = actions.begin_findings(inquiry_lead, inquiry.incident)
    assert incident.status == IncidentStatus.FINDINGS


def test_findings_wait_for_a_complete_set_up(inquiry, inquiry_lead):
    with pytest.raises(ValidationError, match="terms of reference"):
        actions.begin_findings(inquiry_lead, inquiry.incident)


def test_the_lead_reviewer_must_be_a_reviewer_of_the_area(inquiry, inquiry_lead, other_area):
    outsider = person_with_role(Role.REVIEWER, other_area)
    with pytest.raises(ValidationError) as refused:
        actions.save_set_up(
            inquiry_lead, inquiry, inquiry.version, terms_of_reference="", methodology=None, lead_reviewer=outsider
        )
    assert "reviewer role" in refused.value.message_dict["lead_reviewer"][0]


def test_a_stale_set_up_is_refused(inquiry, inquiry_lead, reviewer):
    opened = inquiry.version
    actions.save_set_up(inquiry_lead, inquiry, opened, terms_of_reference="First", methodology=None, lead_reviewer=None)
    with pytest.raises(StaleEdit):
        actions.save_set_up(
            reviewer, inquiry, opened, terms_of_reference="Second", methodology=None, lead_reviewer=None
        )
    inquiry.refresh_from_db()
    assert inquiry.terms_of_reference == "First"


def test_involvement_needs_dates_in_order(inquiry, inquiry_lead):
    with pytest.raises(ValidationError) as refused:
        actions.record_involvement(
            inquiry_lead,
            inquiry.incident,
            kind="family",
            who="Mother",
            response="accepted",
            offered_on=D(2026, 11, 20),
            responded_on=D(2026, 11, 19),
        )
    assert "responded_on" in refused.value.message_dict
    row = actions.record_involvement(
        inquiry_lead,
        inquiry.incident,
        kind="family",
        who="Mother",
        response="declined",
        offered_on=D(2026, 11, 20),
        responded_on=D(2026, 11, 23),
    )
    assert row.get_response_display() == "Declined"


def test_practitioners_cannot_run_the_inquiry(inquiry, social_worker):
    with pytest.raises(PermissionDenied):
        actions.record_involvement(
            social_worker, inquiry.incident, kind="family", who="Mother", response="offered", offered_on=D(2026, 11, 20)
        )


def test_the_page_shows_guidance_and_only_area_reviewers(client, sign_in, inquiry, reviewer, other_area):
    person_with_role(Role.REVIEWER, other_area, email="elsewhere@example.org")
    sign_in(reviewer)
    page = client.get(reverse("incidents:lli", args=[inquiry.incident.pk])).content.decode()
    assert "When each methodology fits" in page and "Significant Incident Learning Process" in page
    assert reviewer.full_name in page


def _set_up(actor, inquiry, lead_reviewer):
    return actions.save_set_up(
        actor, inquiry, inquiry.version, terms_of_reference="", methodology=None, lead_reviewer=lead_reviewer
    )


def test_a_reviewer_not_on_the_register_is_refused(inquiry, inquiry_lead, area):
    unregistered = person_with_role(Role.REVIEWER, area)
    with pytest.raises(ValidationError) as refused:
        _set_up(inquiry_lead, inquiry, unregistered)
    assert "Not on the national reviewer register" in refused.value.message_dict["lead_reviewer"][0]


def test_a_reviewer_who_worked_for_an_agency_involved_is_refused_naming_why(inquiry, inquiry_lead, area):
    agency = OrganisationFactory(name="Northgate Youth Justice Service")
    inquiry.incident.agencies_involved.add(agency)
    tied = person_with_role(Role.REVIEWER, area)
    add_employment(make_reviewer(tied), organisation=agency, started_on=D(2018, 1, 8), ended_on=D(2024, 7, 31))
    with pytest.raises(ValidationError) as refused:
        _set_up(inquiry_lead, inquiry, tied)
    message = refused.value.message_dict["lead_reviewer"][0]
    assert "cannot lead this inquiry" in message
    assert "Worked for Northgate Youth Justice Service until 31 July 2024: less than 5 years ago" in message
    inquiry.refresh_from_db()
    assert inquiry.lead_reviewer is None


def test_a_reviewer_whose_accreditation_expired_is_refused(inquiry, inquiry_lead, area):
    lapsed = person_with_role(Role.REVIEWER, area)
    make_reviewer(lapsed, accredited=False)
    with pytest.raises(ValidationError, match="No accreditation recorded"):
        _set_up(inquiry_lead, inquiry, lapsed)


def test_the_page_offers_only_eligible_reviewers_and_says_why_others_are_excluded(
    client, sign_in, inquiry, reviewer, area
):
    unregistered = person_with_role(Role.REVIEWER, area)
    unregistered.full_name = "Uma Unlisted"
    unregistered.save(update_fields=["full_name"])
    tied = person_with_role(Role.REVIEWER, area)
    tied.full_name = "Tom Tied"
    tied.save(update_fields=["full_name"])
    add_employment(make_reviewer(tied), area=area, started_on=D(2020, 1, 6))
    sign_in(reviewer)

    response = client.get(reverse("incidents:lli", args=[inquiry.incident.pk]))

    choices = [label for _value, label in response.context["setup"].fields["lead_reviewer"].choices][1:]
    assert choices == [reviewer.full_name]
    page = response.content.decode()
    assert "Reviewers who cannot lead this inquiry" in page
    assert "Uma Unlisted" in page and "Not on the national reviewer register" in page
    assert "Tom Tied" in page and "current employment" in page


def test_posting_an_ineligible_reviewer_shows_the_error_on_the_field(client, sign_in, inquiry, reviewer, area):
    unregistered = person_with_role(Role.REVIEWER, area)
    sign_in(reviewer)
    response = client.post(
        reverse("incidents:lli", args=[inquiry.incident.pk]),
        {
            "form": "setup",
            "setup-version": inquiry.version,
            "setup-terms_of_reference": "Terms",
            "setup-lead_reviewer": unregistered.pk,
        },
    )
    assert response.status_code == 200
    assert response.context["setup"].errors["lead_reviewer"]
    inquiry.refresh_from_db()
    assert inquiry.lead_reviewer is None
