"""Pauses for parallel proceedings: asked for with a reason, decided by the national body, shown on the clocks."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.incidents.actions import pauses
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import PauseDecision
from safeguarding.incidents.states import IncidentStatus

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_pause_needs_a_reason(area, inquiry_lead):
    incident = make_incident(area, IncidentStatus.RAPID_INQUIRY)
    with pytest.raises(ValidationError) as refused:
        pauses.request_pause(inquiry_lead, incident, proceeding="inquest", reason=" ", starts_on=D(2026, 11, 20))
    assert refused.value.message_dict["reason"] == [
        "Explain the exceptional reason the inquiry must wait for the proceeding"
    ]


def test_the_area_cannot_accept_its_own_pause(area, inquiry_lead):
    pause = pauses.request_pause(
        inquiry_lead, make_incident(area), proceeding="criminal_trial", reason="Key witness", starts_on=D(2026, 11, 20)
    )
    with pytest.raises(PermissionDenied):
        pauses.decide_pause(inquiry_lead, pause, accept=True, reason="")


def test_accepted_pause_shows_on_the_case_page_clocks(client, sign_in, area, inquiry_lead, national_admin):
    incident = make_incident(area, IncidentStatus.RAPID_INQUIRY)
    pause = pauses.request_pause(
        inquiry_lead,
        incident,
        proceeding="criminal_trial",
        reason="The judge has ordered that witness practitioners are not interviewed before they give evidence",
        starts_on=D(2026, 11, 20),
    )
    with pytest.raises(ValidationError):
        pauses.request_pause(inquiry_lead, incident, proceeding="inquest", reason="Another", starts_on=D(2026, 11, 20))
    sign_in(national_admin)
    response = client.post(reverse("incidents:decide-pause", args=[incident.pk, pause.pk]), {"decision": "accept"})
    assert response.status_code == 302
    pause.refresh_from_db()
    assert pause.decision == PauseDecision.ACCEPTED
    page = client.get(reverse("incidents:case", args=[incident.pk])).content.decode()
    assert "Paused since 20 November 2026" in page
    assert "Paused: due date moves on while paused" in page


def test_refusing_needs_a_reason(area, inquiry_lead, national_admin):
    pause = pauses.request_pause(
        inquiry_lead, make_incident(area), proceeding="inquest", reason="Inquest", starts_on=D(2026, 11, 20)
    )
    with pytest.raises(ValidationError):
        pauses.decide_pause(national_admin, pause, accept=False, reason="")
    pauses.decide_pause(
        national_admin, pause, accept=False, reason="Not exceptional: the inquest does not stop the inquiry"
    )
    with pytest.raises(ValidationError):
        pauses.decide_pause(national_admin, pause, accept=True, reason="")
