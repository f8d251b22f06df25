"""An agency's contact completes a return by secure link: the link, the code, the draft, the files, the receipt,
and every way the link is refused."""

import datetime
import logging

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from safeguarding.core.models import AuditEvent
from safeguarding.core.testing import sign_in as sign_in_staff

from .. import actions
from ..models import ReturnRequest, ReturnState, hash_secret
from .conftest import code_in, link_token

pytestmark = pytest.mark.django_db

START, CODE, FORM, RECEIPT = (reverse(f"return:{name}") for name in ("start", "code", "form", "receipt"))


def open_link(client, token):
    return client.post(START, {"token": token})


def ask_code(client, captured):
    mail.outbox.clear()
    with captured(execute=True):
        client.post(CODE, {"action": "send"})
    return code_in(mail.outbox[-1])


def sign_in_by_link(client, token, captured):
    assert open_link(client, token).url == CODE
    code = ask_code(client, captured)
    response = client.post(CODE, {"code": code})
    assert response.status_code == 302 and response.url == FORM
    return client


def answers_for(request, text="Seen twice at the surgery in October; no concerns recorded."):
    return {key: text for key, _question in actions.questions(request)}


def version(request):
    return ReturnRequest.objects.get(pk=request.pk).version


def verbs(request):
    return list(
        AuditEvent.objects.filter(data__return_request=request.pk).order_by("sequence").values_list("verb", flat=True)
    )


def test_the_whole_return_from_link_to_receipt(client, issued, report, django_capture_on_commit_callbacks):
    request, token = issued
    stored = ReturnRequest.objects.get(pk=request.pk)
    assert stored.token_hash == hash_secret(token) and token not in str(stored.__dict__)

    sign_in_by_link(client, token, django_capture_on_commit_callbacks)
    page = client.get(FORM).content.decode()
    assert report.case.reference in page and report.case.child.pseudonym in page
    assert "Describe the sleeping arrangements" in page  # the SUDI supplement's questions

    draft = {"version": version(request), "action": "save", **answers_for(request, "First thoughts")}
    assert "Your draft has been saved" in client.post(FORM, draft).content.decode()
    upload = SimpleUploadedFile("chronology.txt", b"12 Oct: seen for a cough\n", content_type="text/plain")
    assert "chronology.txt attached" in client.post(FORM, {"file": upload}).content.decode()

    final = {"version": version(request), "action": "submit", **answers_for(request)}
    assert client.post(FORM, final).url == RECEIPT
    assert "Return submitted" in client.get(RECEIPT).content.decode()
    report.refresh_from_db()
    assert report.submitted_on == timezone.localdate() and report.answers["involvement"].startswith("Seen twice")
    assert verbs(request) == [
        "return.issued",
        "return.opened",
        "return.code_sent",
        "return.code_accepted",
        "return.saved",
        "return.file_attached",
        "return.submitted",
    ]
    assert AuditEvent.objects.filter(verb="child_death.report.submitted", data__by_secure_link=True).exists()

    # After submission the link shows the receipt and nothing more, even with a fresh session.
    later = Client()
    assert open_link(later, token).url == RECEIPT
    assert later.get(FORM).url == CODE
    assert later.get(CODE).url == RECEIPT


def test_every_step_is_audited(client, issued, django_capture_on_commit_callbacks):
    request, token = issued
    sign_in_by_link(client, token, django_capture_on_commit_callbacks)
    client.post(FORM, {"version": version(request), "action": "save", **answers_for(request)})
    client.post(FORM, {"version": version(request), "action": "submit", **answers_for(request)})
    recorded = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {
        "return.issued",
        "return.opened",
        "return.code_sent",
        "return.code_accepted",
        "return.saved",
        "return.submitted",
    } <= recorded


def test_the_link_alone_opens_nothing(client, issued):
    request, token = issued
    open_link(client, token)
    assert client.get(FORM).url == CODE
    assert client.post(FORM, {"version": version(request), "action": "submit"}).url == CODE
    assert client.get(RECEIPT).url == FORM  # not submitted: the receipt sends on, and the form asks for the code


def test_a_wrong_code_is_refused_and_five_kill_it(client, issued, django_capture_on_commit_callbacks):
    _request, token = issued
    open_link(client, token)
    code = ask_code(client, django_capture_on_commit_callbacks)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(actions.MAX_WRONG_CODES):
        response = client.post(CODE, {"code": wrong})
        assert response.status_code == 200
    assert "no longer works" in response.content.decode()
    response = client.post(CODE, {"code": code})  # the right code, too late
    assert response.status_code == 200 and client.get(FORM).url == CODE
    assert AuditEvent.objects.filter(verb="return.code_refused").count() == actions.MAX_WRONG_CODES + 1


def test_codes_sent_are_limited_per_hour(client, issued, django_capture_on_commit_callbacks):
    _request, token = issued
    open_link(client, token)
    for _ in range(actions.MAX_CODES_PER_HOUR):
        ask_code(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    response = client.post(CODE, {"action": "send"})
    assert "codes have been sent in the last hour" in response.content.decode() and not mail.outbox


def test_a_code_expires(client, issued, django_capture_on_commit_callbacks):
    _request, token = issued
    open_link(client, token)
    code = ask_code(client, django_capture_on_commit_callbacks)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=actions.CODE_MINUTES + 1)):
        response = client.post(CODE, {"code": code})
    assert "expired" in response.content.decode()


def test_cancelling_kills_the_link_at_once_even_mid_session(
    client, issued, panel_manager, django_capture_on_commit_callbacks
):
    request, token = issued
    sign_in_by_link(client, token, django_capture_on_commit_callbacks)
    actions.cancel(panel_manager, request)
    assert client.get(FORM).status_code == 410
    assert open_link(Client(), token).status_code == 410
    assert "return.cancelled" in verbs(request)


def test_resending_kills_the_old_link(client, issued, panel_manager, django_capture_on_commit_callbacks):
    request, old_token = issued
    sign_in_by_link(client, old_token, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        actions.resend(panel_manager, request)
    new_token = link_token(mail.outbox[-1])
    assert new_token != old_token
    assert client.get(FORM).status_code == 302  # the grant was for the old link
    assert open_link(Client(), old_token).status_code == 200  # unknown: the form again, with the error
    assert open_link(Client(), new_token).url == CODE


def test_the_link_expires_after_the_grace_period(client, issued):
    request, token = issued
    with time_machine.travel(request.expires_at + datetime.timedelta(minutes=1)):
        assert open_link(client, token).status_code == 410
    with time_machine.travel(request.expires_at - datetime.timedelta(hours=1)):
        assert open_link(Client(), token).url == CODE


def test_a_grant_opens_only_its_own_return(client, issued, case, panel_manager, django_capture_on_commit_callbacks):
    from safeguarding.child_deaths.actions.reports import request_report
    from safeguarding.organisations.factories import OrganisationFactory

    _request, token = issued
    school = OrganisationFactory(name="Riverside Primary")
    case.area.partners.add(school)
    other_report = request_report(panel_manager, case, organisation=school, contexts=[])
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_return(panel_manager, other_report, contact_name="Ms Lee", contact_email="lee@school.example")
    other_token = link_token(mail.outbox[-1])

    sign_in_by_link(client, token, django_capture_on_commit_callbacks)
    assert open_link(client, other_token).url == CODE  # the other return asks for its own code
    assert client.get(FORM).url == CODE


def test_the_contact_sees_nothing_of_the_case_beyond_the_form(
    client, issued, report, django_capture_on_commit_callbacks
):
    from safeguarding.child_deaths.factories import notification_data

    _request, token = issued
    sign_in_by_link(client, token, django_capture_on_commit_callbacks)
    page = client.get(FORM).content.decode()
    data = notification_data(report.case.area)
    for secret in (data["given_names"], data["family_name"], "943 476 5919", data["nhs_number"], data["postcode"]):
        assert secret not in page
    assert data["circumstances"][:30] not in page and "Orchard Row" not in page
    assert "govuk-service-navigation" not in page and reverse("core:home") not in page


def test_no_identity_in_any_email(client, issued, report, panel_manager, django_capture_on_commit_callbacks):
    from safeguarding.child_deaths.factories import notification_data

    request, token = issued
    open_link(client, token)
    ask_code(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        actions.resend(panel_manager, request)
    data = notification_data(report.case.area)
    assert len(mail.outbox) >= 2
    for message in mail.outbox:
        for secret in (data["given_names"], data["family_name"], data["nhs_number"], data["postcode"], "Orchard"):
            assert secret not in message.subject + message.body


def test_tokens_and_codes_never_reach_the_logs(client, issued, caplog, django_capture_on_commit_callbacks):
    _request, token = issued
    with caplog.at_level(logging.DEBUG):
        open_link(client, token)
        code = ask_code(client, django_capture_on_commit_callbacks)
        client.post(CODE, {"code": code})
    logged = caplog.text + " ".join(str(record.__dict__) for record in caplog.records)
    assert token not in logged and code not in logged
    events = " ".join(str(event.data) + event.actor_label for event in AuditEvent.objects.all())
    assert token not in events and code not in events


def test_bad_files_are_refused_by_the_evidence_rules(client, issued, django_capture_on_commit_callbacks):
    request, token = issued
    sign_in_by_link(client, token, django_capture_on_commit_callbacks)
    program = SimpleUploadedFile("report.pdf", b"MZ\x90\x00not a pdf", content_type="application/pdf")
    page = client.post(FORM, {"file": program}).content.decode()
    assert "contents are not a PDF file" in page
    assert not request.files.exists()


def test_submitting_needs_every_answer_and_stores_nothing_half_done(
    client, issued, report, django_capture_on_commit_callbacks
):
    request, token = issued
    sign_in_by_link(client, token, django_capture_on_commit_callbacks)
    partial = {**answers_for(request), "smoking": ""}
    page = client.post(FORM, {"version": version(request), "action": "submit", **partial}).content.decode()
    assert "Answer this question" in page
    report.refresh_from_db()
    assert report.submitted_on is None and ReturnRequest.objects.get(pk=request.pk).state == ReturnState.OPENED


def test_a_summary_by_secure_link_reaches_the_rapid_inquiry(
    client, summary_request, inquiry_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = actions.request_return(
            inquiry_lead, summary_request, contact_name="Ms Ade", contact_email="ade@riverside-gp.example"
        )
    token = link_token(mail.outbox[-1])
    sign_in_by_link(client, token, django_capture_on_commit_callbacks)
    assert (
        client.post(FORM, {"version": version(request), "action": "submit", "summary": "Registered; no concerns."}).url
        == RECEIPT
    )
    summary_request.refresh_from_db()
    assert summary_request.received_on == timezone.localdate() and summary_request.summary == "Registered; no concerns."
    assert ReturnRequest.objects.get(pk=request.pk).state == ReturnState.SUBMITTED


def test_only_the_case_manager_asks_and_the_contact_is_checked(report, other_panel_manager, panel_manager):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.request_return(other_panel_manager, report, contact_name="X", contact_email="x@example.org")
    with pytest.raises(ValidationError) as refused:
        actions.request_return(panel_manager, report, contact_name="", contact_email="not-an-address")
    assert set(refused.value.message_dict) == {"contact_name", "contact_email"}


def test_the_reminder_is_a_fresh_link_sent_once(issued, django_capture_on_commit_callbacks):
    request, token = issued
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.remind_due(today=request.due_on) == 1
        assert actions.remind_due(today=request.due_on) == 0
    assert len(mail.outbox) == 1 and link_token(mail.outbox[0]) != token
    assert "return.reminded" in verbs(request)


def test_the_panel_manager_asks_a_notifier_from_outside_for_more(
    client, case, panel_manager, django_capture_on_commit_callbacks
):
    notification = case.notifications.get()
    with pytest.raises(ValidationError):  # a notification by a signed-in agency: asked in the service, not here
        actions.request_return(panel_manager, notification, contact_name="A", contact_email="a@x.example", question="Q")
    notification.received_from_outside = True
    notification.save(update_fields=["received_from_outside"])

    staff = sign_in_staff(Client(), panel_manager)
    url = reverse("returns:request-information", args=[notification.pk])
    assert "p.anand@nhs.example" in staff.get(url).content.decode()  # the notifier's email, filled in
    refused = staff.post(url, {"contact_name": "Dr Anand", "contact_email": "p.anand@nhs.example", "question": ""})
    assert "Enter what you want to ask" in refused.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            url,
            {"contact_name": "Dr Anand", "contact_email": "p.anand@nhs.example", "question": "Who was at home?"},
        )
    request = ReturnRequest.objects.get(notification=notification)
    sign_in_by_link(client, link_token(mail.outbox[-1]), django_capture_on_commit_callbacks)
    assert "Who was at home?" in client.get(FORM).content.decode()
    answer = {"version": version(request), "action": "submit", "answer": "Both parents and a grandparent."}
    assert client.post(FORM, answer).url == RECEIPT
    page = staff.get(reverse("child_deaths:case", args=[case.reference])).content.decode()
    assert "Both parents and a grandparent." in page
    assert AuditEvent.objects.filter(verb="child_death.more_information.received").exists()


def test_the_requester_is_told_when_the_return_is_in(client, issued, panel_manager, django_capture_on_commit_callbacks):
    from safeguarding.jobs.testing import run_jobs
    from safeguarding.notifications.models import Kind, Notification

    request, token = issued
    sign_in_by_link(client, token, django_capture_on_commit_callbacks)
    client.post(FORM, {"version": version(request), "action": "submit", **answers_for(request)})
    run_jobs()
    told = Notification.objects.get(kind=Kind.RETURN_SUBMITTED)
    assert told.recipient == panel_manager and request.reference in told.text
    assert told.link == reverse("child_deaths:case", args=[request.reference])


def test_a_token_pasted_into_the_path_is_kept_out_of_the_log(client, caplog):
    from safeguarding.core.middleware import loggable_path

    assert loggable_path("/return/AbC_secret-token/") == "/return/…/"
    assert loggable_path("/return/form/") == "/return/form/"
    with caplog.at_level(logging.INFO):  # every logger, at the levels the settings give them
        assert client.get("/return/AbC_secret-token/").status_code == 404
    assert "AbC_secret-token" not in caplog.text
