"""Reminders to agencies whose rapid inquiry summary is outstanding: emailed once the change is stored."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.models import AuditEvent
from safeguarding.incidents.actions import rapid_inquiry as actions
from safeguarding.incidents.factories import NHS_NUMBERS, child_of, make_incident
from safeguarding.incidents.models import AgencySummaryRequest
from safeguarding.jobs.testing import run_jobs
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import verified

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def incident(area, inquiry_lead):
    return actions.start_rapid_inquiry(inquiry_lead, make_incident(area), today=D(2026, 11, 19)).incident


@pytest.fixture
def outstanding(incident, inquiry_lead, health):
    return actions.request_summary(
        inquiry_lead,
        incident,
        organisation=health,
        due_on=D(2026, 12, 3),
        contact_email="safeguarding.team@icb.example",
        today=D(2026, 11, 20),
    )


def _remind_url(request):
    return reverse("incidents:remind-summary", kwargs={"pk": request.incident_id, "request_pk": request.pk})


def test_the_reminder_is_recorded_audited_and_emailed_by_the_worker(outstanding, inquiry_lead):
    run_jobs()
    mail.outbox.clear()  # the email that asked for the summary
    actions.remind_summary(inquiry_lead, outstanding)
    assert mail.outbox == []  # queued with the change; the worker sends it once the change is stored
    run_jobs()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["safeguarding.team@icb.example"]
    assert (
        message.subject == f"Reminder: summary for rapid inquiry {outstanding.incident.reference} due 3 December 2026"
    )
    assert "Area A Integrated Care Board" in message.body
    assert "Child" not in message.body  # nothing about the child
    outstanding.refresh_from_db()
    assert outstanding.last_reminded_at is not None
    event = AuditEvent.objects.get(verb="incident.summary_reminder_sent")
    assert event.data == {"organisation": outstanding.organisation_id}


def test_a_received_summary_is_not_reminded(outstanding, inquiry_lead, django_capture_on_commit_callbacks):
    actions.record_summary(inquiry_lead, outstanding, received_on=D(2026, 11, 25), summary="Two missed appointments.")
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError, match="already been received"),
    ):
        actions.remind_summary(inquiry_lead, outstanding)
    run_jobs()
    assert not [message for message in mail.outbox if message.subject.startswith("Reminder")]
    assert not AuditEvent.objects.filter(verb="incident.summary_reminder_sent").exists()


def test_a_request_without_a_contact_is_refused_with_the_field_named(
    incident, inquiry_lead, police, django_capture_on_commit_callbacks
):
    request = actions.request_summary(inquiry_lead, incident, organisation=police, due_on=D(2026, 12, 3))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as refused:
        actions.remind_summary(inquiry_lead, request)
    assert refused.value.message_dict["contact_email"] == [
        "Add a contact email for Area A Police before sending a reminder"
    ]
    request.refresh_from_db()
    assert request.last_reminded_at is None
    run_jobs()
    assert mail.outbox == []  # no contact: neither the request nor a reminder was emailed


def test_a_contact_email_must_be_an_email_address(incident, inquiry_lead, police):
    with pytest.raises(ValidationError) as refused:
        actions.request_summary(
            inquiry_lead, incident, organisation=police, due_on=D(2026, 12, 3), contact_email="police desk"
        )
    assert refused.value.message_dict["contact_email"] == [
        "Enter the contact's email address in the right format, like name@example.org"
    ]
    assert not AgencySummaryRequest.objects.exists()


def test_only_the_inquiry_lead_reminds(outstanding, area, council):
    practitioner = verified(person_with_role(Role.PRACTITIONER, area, organisation=council))
    with pytest.raises(PermissionDenied):
        actions.remind_summary(practitioner, outstanding)


def test_the_page_button_sends_the_reminder(
    client, sign_in, outstanding, inquiry_lead, django_capture_on_commit_callbacks
):
    sign_in(inquiry_lead)
    page = client.get(reverse("incidents:rapid-inquiry", kwargs={"pk": outstanding.incident_id})).content.decode()
    assert _remind_url(outstanding) in page and "Send reminder" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_remind_url(outstanding), follow=True)
    assert "Reminder sent to Area A Integrated Care Board at safeguarding.team@icb.example" in response.content.decode()
    run_jobs()
    assert len([message for message in mail.outbox if message.subject.startswith("Reminder")]) == 1
    assert client.get(_remind_url(outstanding)).status_code == 405


def test_the_page_shows_a_refusal(client, sign_in, incident, inquiry_lead, police):
    request = actions.request_summary(inquiry_lead, incident, organisation=police, due_on=D(2026, 12, 3))
    sign_in(inquiry_lead)
    response = client.post(_remind_url(request), follow=True)
    assert "Add a contact email for Area A Police before sending a reminder" in response.content.decode()


def test_people_who_may_not_remind_get_404(client, sign_in, outstanding, area, council, other_area):
    for person in (
        verified(person_with_role(Role.PRACTITIONER, area, organisation=council)),
        verified(person_with_role(Role.RAPID_INQUIRY_LEAD, other_area)),
    ):
        sign_in(person)
        assert client.post(_remind_url(outstanding)).status_code == 404
    # A request of another case is not found through this one.
    lead = AgencySummaryRequest.objects.get().incident.rapid_inquiry.lead
    other = actions.start_rapid_inquiry(
        lead, make_incident(area, child=child_of(area, NHS_NUMBERS[1])), today=D(2026, 11, 19)
    ).incident
    sign_in(lead)
    url = reverse("incidents:remind-summary", kwargs={"pk": other.pk, "request_pk": outstanding.pk})
    assert client.post(url).status_code == 404
    assert mail.outbox == []
