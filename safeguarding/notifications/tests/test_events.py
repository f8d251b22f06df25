"""Events become in-app notifications and emails for the right people, once, without identity."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from safeguarding.incidents.actions import notification as incident_notification
from safeguarding.incidents.actions import rapid_inquiry as incidents
from safeguarding.incidents.factories import complete_notification_data
from safeguarding.jobs.testing import run_jobs
from safeguarding.notifications import actions
from safeguarding.notifications.delivery import compose, dispatch
from safeguarding.notifications.events import Audience, Event, emit
from safeguarding.notifications.models import Delivery, EmailStatus, Kind, Notification, OutgoingEmail, Preference
from safeguarding.notifications.summary import send_daily_summaries
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import IDENTITY, IDENTITY_TEXTS, verified

pytestmark = pytest.mark.django_db


def _submitted_incident(area, people):
    worker = verified(people["social_worker"])
    draft = incident_notification.start_notification(worker, area, complete_notification_data(), identity=IDENTITY)
    return incident_notification.submit_notification(worker, draft, draft.version)


def _assert_no_identity(*texts):
    for text in texts:
        for identity in IDENTITY_TEXTS:
            assert identity not in text, f"{identity!r} leaked into {text!r}"


def test_a_submitted_notification_reaches_the_inquiry_lead_and_lead_chief_officers(area, people):
    incident = _submitted_incident(area, people)
    assert Notification.objects.count() == 0  # queued with the change, delivered by the worker
    run_jobs()
    told = set(Notification.objects.filter(kind=Kind.INCIDENT_NOTIFIED).values_list("recipient__email", flat=True))
    expected = {people[name].email for name in ("lco_council", "lco_police", "lco_health", "inquiry_lead")}
    assert told == expected
    assert {message.to[0] for message in mail.outbox} == expected
    message = mail.outbox[0]
    assert incident.reference in message.subject
    assert f"/incidents/{incident.pk}/" in message.body
    _assert_no_identity(message.subject, message.body, *Notification.objects.values_list("text", flat=True))
    run_jobs()  # a second pass sends nothing more
    assert len(mail.outbox) == 4


def test_a_rolled_back_change_leaves_no_event(area, people):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        _submitted_incident(area, people)
        raise RuntimeError("the request failed after the action")
    run_jobs()
    assert Notification.objects.count() == 0 and mail.outbox == []


def test_an_edit_of_the_decision_tells_those_whose_sign_off_it_cleared(area, people, partners):
    lead = verified(people["inquiry_lead"])
    incident = incidents.start_rapid_inquiry(lead, _submitted_incident(area, people)).incident
    inquiry = incident.rapid_inquiry
    incidents.save_decision(
        lead, inquiry, inquiry.version, initial_assessment="A", decision="lli", decision_reasons="Gaps in sharing"
    )
    run_jobs()
    awaiting = Notification.objects.filter(kind=Kind.SIGN_OFF_AWAITED)
    assert {n.recipient for n in awaiting} == {people["lco_council"], people["lco_police"], people["lco_health"]}
    inquiry.refresh_from_db()
    incidents.sign_off_decision(verified(people["lco_police"]), incident, decision_version=inquiry.version)
    incidents.save_decision(
        lead, inquiry, inquiry.version, initial_assessment="B", decision="lli", decision_reasons="Gaps in sharing"
    )
    run_jobs()
    cleared = Notification.objects.filter(kind=Kind.SIGN_OFF_CLEARED)
    assert [n.recipient for n in cleared] == [people["lco_police"]]


def test_every_kind_of_message_carries_a_reference_and_a_link_never_identity(area, people):
    """Each kind, with every field an event can carry filled in, through notification and email."""
    from safeguarding.notifications.events import KINDS

    incident = _submitted_incident(area, people)
    run_jobs()
    national = [person_with_role(role) for role in (Role.NATIONAL_ADMINISTRATOR, Role.NATIONAL_ANALYST)]
    panel_manager = person_with_role(Role.PANEL_MANAGER, area)
    everyone = tuple(user.pk for user in (*people.values(), *national, panel_manager))
    for kind in KINDS:
        emit(
            Event(
                kind,
                reference=incident.reference,
                link=f"/incidents/{incident.pk}/",
                area_id=area.pk,
                organisation_id=people["social_worker"].memberships.get().organisation_id,
                organisation_name="Area A Council",
                due_on="2026-12-03",
                clock_name="Rapid inquiry decision",
                count=3,
                audience=Audience.INCIDENT,
                user_ids=everyone,
                address="contact@agency.example.org",
            )
        )
    send_daily_summaries()
    run_jobs()
    kinds_sent = set(OutgoingEmail.objects.values_list("kind", flat=True))
    assert kinds_sent == set(Kind.values)
    for email in OutgoingEmail.objects.all():
        subject, body = compose(email)
        _assert_no_identity(subject, body)
        if email.kind != Kind.DAILY_SUMMARY:  # (a summary lists its notifications' links)
            assert f"/incidents/{incident.pk}/" in body
        if "{reference}" in KINDS[email.kind].subject + KINDS[email.kind].text:
            assert incident.reference in subject + body
    for message in mail.outbox:
        _assert_no_identity(message.subject, message.body)
    _assert_no_identity(*Notification.objects.values_list("text", flat=True))


def test_an_event_refuses_anything_but_a_reference():
    with pytest.raises(ValueError, match="reference or pseudonym"):
        Event(Kind.INCIDENT_NOTIFIED, reference="Ellis Marsh")
    with pytest.raises(ValueError, match="path"):
        Event(Kind.INCIDENT_NOTIFIED, reference="SI-00001", link="https://elsewhere.example/")
    assert Event(Kind.DEATH_NOTIFIED, reference="C-7KQ2-M9XD").reference == "C-7KQ2-M9XD"


def test_a_daily_summary_instead_of_immediate_emails_when_chosen(area, people):
    lco = people["lco_council"]
    actions.set_preferences(lco, {Kind.INCIDENT_NOTIFIED: Delivery.DAILY})
    _submitted_incident(area, people)
    run_jobs()
    assert Notification.objects.filter(recipient=lco, awaiting_summary=True).count() == 1
    assert lco.email not in {message.to[0] for message in mail.outbox}
    assert send_daily_summaries() == {"summaries": 1, "notifications": 1}
    assert send_daily_summaries() == {"summaries": 0, "notifications": 0}  # once
    run_jobs()
    summaries = [message for message in mail.outbox if message.to == [lco.email]]
    assert len(summaries) == 1 and summaries[0].subject == "Your daily summary: 1 notification"


def test_escalations_always_go_at_once(area, people):
    lco = people["lco_council"]
    Preference.objects.create(user=lco, kind=Kind.DEADLINE_PASSED, delivery=Delivery.DAILY)  # as if it were allowed
    with pytest.raises(ValidationError):
        actions.set_preferences(lco, {Kind.DEADLINE_PASSED: Delivery.DAILY})
    dispatch(
        [
            Event(
                Kind.DEADLINE_PASSED,
                reference="SI-00001",
                area_id=area.pk,
                due_on="2026-11-20",
                clock_name="Rapid inquiry decision",
                audience=Audience.INCIDENT,
            )
        ]
    )
    run_jobs()
    assert lco.email in {message.to[0] for message in mail.outbox}


def test_a_failing_address_is_retried_then_marked_failed_and_can_be_retried(area, people, settings, client, sign_in):
    import time_machine
    from django.utils import timezone

    settings.EMAIL_BACKEND = "safeguarding.notifications.tests.failing_backend.FailingBackend"
    dispatch([Event(Kind.SUMMARY_REMINDER, reference="SI-00001", area_id=area.pk, address="bounce@agency.example")])
    start = timezone.now()
    for minutes in (0, 2, 5, 10, 20, 40):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False):
            run_jobs()
    email = OutgoingEmail.objects.get()
    assert email.status == EmailStatus.FAILED and email.attempts == 5
    assert email.last_error == "ConnectionRefusedError: 550 mailbox unavailable"
    admin = verified(people["admin"])
    sign_in(admin)
    page = client.get("/notifications/emails/failed/").content.decode()
    assert "bounce@agency.example" in page and "550 mailbox unavailable" in page
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(f"/notifications/emails/{email.pk}/retry/")
    run_jobs()
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT and mail.outbox[0].to == ["bounce@agency.example"]
    from safeguarding.organisations.factories import SafeguardingAreaFactory

    other_admin = person_with_role(Role.AREA_ADMINISTRATOR, SafeguardingAreaFactory(slug="area-c"))
    assert other_admin.has_perm("notifications.manage_failed_emails")
    assert not actions.emails_visible_to(other_admin).exists()  # another area's email is not theirs
