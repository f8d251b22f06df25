"""The local learning inquiry: set-up from the maintained list and the area's reviewers, involvement, moving on."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.concurrency import StaleEdit
from safeguarding.incidents.actions import lli as actions
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import LocalLearningInquiry, Methodology
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import verified

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def inquiry(area):
    return LocalLearningInquiry.objects.create(incident=make_incident(area, IncidentStatus.LLI))


@pytest.fixture
def reviewer(area):
    return verified(person_with_role(Role.REVIEWER, area))


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
