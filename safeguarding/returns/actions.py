"""Agency returns by secure link: one function per change, each audited.

The requester (a panel manager for a reporting form, a rapid inquiry lead for a summary) names a contact;
the contact gets a link whose token travels after `#` (never sent to a server, so never in a log), then a
one-time code at the same address. Only the two secrets' hashes are stored. Neither is put in an audit
event, a notification or a log line.
"""

import datetime
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import dateformat, timezone

from safeguarding.core import audit
from safeguarding.core.clocks.deadlines import setting
from safeguarding.core.models import AuditEvent
from safeguarding.incidents import evidence
from safeguarding.notifications import announce

from .models import ReturnFile, ReturnKind, ReturnRequest, ReturnState, hash_secret

GRACE_SETTING = "return-link-grace-days"
CODE_MINUTES = 15
MAX_WRONG_CODES = 5
MAX_CODES_PER_HOUR = 3
MAX_FILES = 10
MAX_ANSWER_CHARACTERS = 20_000
FILE_FOLDER = "returns/files"
OPEN_STATES = {ReturnState.SENT, ReturnState.OPENED, ReturnState.SAVED}


class Unusable(Exception):
    """The link cannot be used: `reason` is unknown, cancelled, expired or submitted."""

    MESSAGES = {
        "unknown": "This link is not valid. Check that you copied the whole link from the email",
        "cancelled": "This link has been withdrawn. Ask the person who sent it if you still need to reply",
        "expired": "This link has expired. Ask the person who sent it for a new one",
        "submitted": "This return has been submitted",
    }

    def __init__(self, reason):
        super().__init__(self.MESSAGES[reason])
        self.reason = reason


# --- the requester's side -------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What a request is for, as both sides need it: its case, area, organisation and due date."""

    kind: str
    obj: object
    case: object
    area: object
    organisation: object
    organisation_name: str
    reference: str
    due_on: datetime.date
    done: bool
    manage_perm: str


def target_of(obj, today=None):
    from safeguarding.child_deaths.clocks import AGENCY_REPORT, agency_report_clock
    from safeguarding.child_deaths.models import AgencyReport, Notification
    from safeguarding.core.clocks.deadlines import clock

    today = today or timezone.localdate()
    if isinstance(obj, Notification):
        # The notifier is asked within the time an agency has for its reporting form (the policy table).
        return Target(
            ReturnKind.MORE_INFORMATION,
            obj,
            obj.case,
            obj.case.area,
            None,
            obj.notifier_organisation or obj.get_agency_display(),
            obj.case.reference,
            clock(AGENCY_REPORT, today, nation=obj.case.area.nation, today=today).due_on,
            False,
            "child_deaths.manage_case",
        )
    if isinstance(obj, AgencyReport):
        return Target(
            ReturnKind.AGENCY_REPORT,
            obj,
            obj.case,
            obj.case.area,
            obj.organisation,
            obj.organisation.name,
            obj.case.reference,
            agency_report_clock(obj, today).due_on,
            obj.submitted_on is not None,
            "child_deaths.manage_case",
        )
    return Target(
        ReturnKind.AGENCY_SUMMARY,
        obj,
        obj.incident,
        obj.incident.area,
        obj.organisation,
        obj.organisation.name,
        obj.incident.reference,
        obj.due_on,
        obj.received_on is not None,
        "incidents.run_rapid_inquiry",
    )


FOREIGN_KEY_OF_KIND = {
    ReturnKind.AGENCY_REPORT: "agency_report",
    ReturnKind.AGENCY_SUMMARY: "summary_request",
    ReturnKind.MORE_INFORMATION: "notification",
}


def _case_and_manage_perm(obj):
    """The case a return is for and the permission that manages its links: what target_of says, without
    reading the return's due date (a list of links asks this of every row)."""
    from safeguarding.child_deaths.models import AgencyReport, Notification

    if isinstance(obj, (Notification, AgencyReport)):
        return obj.case, "child_deaths.manage_case"
    return obj.incident, "incidents.run_rapid_inquiry"


def may_manage(user, request_or_obj):
    obj = request_or_obj.target if isinstance(request_or_obj, ReturnRequest) else request_or_obj
    case, manage_perm = _case_and_manage_perm(obj)
    return user.has_perm(manage_perm, case)


def _requester(user, target):
    if not user.has_perm(target.manage_perm, target.case):
        raise PermissionDenied("Only the case's panel manager or rapid inquiry lead asks agencies for returns.")
    from safeguarding.core import permissions

    membership = next((m for m in permissions.memberships(user) if m.area_id == target.area.pk), None)
    if membership is None:
        return audit.Actor.person(user)
    return audit.Actor.person(user, organisation=membership.organisation, role=membership.role)


def _expires_at(due_on):
    last_day = due_on + datetime.timedelta(days=setting(GRACE_SETTING))
    end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(end)


def _clean_contact(contact_name, contact_email):
    errors = {}
    contact_name = (contact_name or "").strip()
    contact_email = (contact_email or "").strip().lower()
    if not contact_name:
        errors["contact_name"] = "Enter the contact's name"
    elif len(contact_name) > 200:
        errors["contact_name"] = "The contact's name must be 200 characters or fewer"
    if not contact_email:
        errors["contact_email"] = "Enter the contact's work email address"
    else:
        try:
            validate_email(contact_email)
        except ValidationError:
            errors["contact_email"] = (
                "Enter the contact's work email address in the right format, like name@example.org"
            )
    if errors:
        raise ValidationError(errors)
    return contact_name, contact_email


def _record(actor, verb, request, data=None):
    target = target_of(request.target)
    audit.record(
        actor,
        verb,
        target.case,
        {"return_request": request.pk, "kind": request.kind, "organisation": request.organisation_id, **(data or {})},
        area=request.area,
    )


def _link_email(request, token, *, again=False):
    link = f"{settings.SERVICE_URL.rstrip('/')}/return/#{token}"
    what = request.get_kind_display().lower()
    due = dateformat.format(request.due_on, "j F Y")
    expires = dateformat.format(timezone.localtime(request.expires_at), "j F Y")
    asked = (
        f"The child death overview panel asks you for more information about the notification you sent "
        f"(case {request.reference}), by {due}."
        if request.kind == ReturnKind.MORE_INFORMATION
        else f"{request.organisation_name} has been asked for an {what} on case {request.reference}, due by {due}."
    )
    message = (
        f"Dear {request.contact_name},\n\n"
        f"{asked}\n\n"
        f"{'This link replaces the one sent before, which no longer works.' + chr(10) + chr(10) if again else ''}"
        f"Open this link to complete it:\n\n{link}\n\n"
        f"If the page asks for an access key, copy this into it:\n\n{token}\n\n"
        "We will then send a one-time code to this email address: the link alone does not open the form.\n\n"
        f"The link works until {expires}. You can save a draft and come back, and submit once.\n\n"
        "If you were not expecting this email, you can ignore it.\n"
    )
    return f"{what.capitalize()} requested: {request.reference}", message


def _send(subject, message, address):
    transaction.on_commit(lambda: send_mail(subject, message, None, [address]))


def request_return(user, obj, *, contact_name, contact_email, question="", today=None):
    """Asks an agency's contact for a reporting form or summary (or a notifier from outside for more
    information, `question`) by secure link; returns the request."""
    now = timezone.now()
    target = target_of(obj, today)
    actor = _requester(user, target)
    question = (question or "").strip()
    try:
        contact_name, contact_email = _clean_contact(contact_name, contact_email)
    except ValidationError as error:
        errors = error.message_dict
    else:
        errors = {}
    if target.kind == ReturnKind.MORE_INFORMATION:
        if not obj.received_from_outside:
            raise ValidationError("Only the notifier of a notification received from outside is asked by secure link")
        if not question:
            errors["question"] = "Enter what you want to ask, without naming the child"
        elif len(question) > 2000:
            errors["question"] = "The question must be 2,000 characters or fewer"
    if errors:
        raise ValidationError(errors)
    if target.done:
        raise ValidationError(f"{target.organisation_name}'s return has already been received")
    with transaction.atomic():
        if ReturnRequest.objects.filter(**{FOREIGN_KEY_OF_KIND[target.kind]: obj}, state__in=OPEN_STATES).exists():
            raise ValidationError(
                {"contact_email": "A link for this return is already open: resend or cancel it instead"}
            )
        token = secrets.token_urlsafe(32)
        request = ReturnRequest.objects.create(
            kind=target.kind,
            **{FOREIGN_KEY_OF_KIND[target.kind]: obj},
            question=question,
            area=target.area,
            organisation=target.organisation,
            organisation_name=target.organisation_name,
            reference=target.reference,
            contact_name=contact_name,
            contact_email=contact_email,
            token_hash=hash_secret(token),
            due_on=target.due_on,
            expires_at=_expires_at(target.due_on),
            requested_by=user,
            sent_at=now,
        )
        _record(actor, "return.issued", request, {"due_on": target.due_on})
        _send(*_link_email(request, token), contact_email)
    return request


def _locked(request):
    return (
        ReturnRequest.objects.select_for_update(of=("self",)).select_related("organisation", "area").get(pk=request.pk)
    )


def resend(user, request):
    """A new link (and the old one dead at once), to the same contact."""
    actor = _requester(user, target_of(request.target))
    with transaction.atomic():
        request = _locked(request)
        if request.state not in OPEN_STATES:
            raise ValidationError(f"This link is {request.get_state_display().lower()}: it cannot be sent again")
        token = secrets.token_urlsafe(32)
        request.token_hash = hash_secret(token)
        request.code_hash, request.code_expires_at, request.code_attempts = "", None, 0
        request.sent_at = timezone.now()
        request.expires_at = _expires_at(request.due_on)
        request.save(
            update_fields=["token_hash", "code_hash", "code_expires_at", "code_attempts", "sent_at", "expires_at"]
        )
        _record(actor, "return.resent", request)
        _send(*_link_email(request, token, again=True), request.contact_email)
    return request


def cancel(user, request):
    """Kills the link at once: any session holding it is refused on its next request."""
    actor = _requester(user, target_of(request.target))
    with transaction.atomic():
        request = _locked(request)
        if request.state not in OPEN_STATES:
            raise ValidationError(f"This link is {request.get_state_display().lower()}: it cannot be cancelled")
        request.state, request.cancelled_at = ReturnState.CANCELLED, timezone.now()
        request.code_hash, request.code_expires_at = "", None
        request.save(update_fields=["state", "cancelled_at", "code_hash", "code_expires_at"])
        _record(actor, "return.cancelled", request)
    return request


def remind_due(today=None):
    """Reminds each open request's contact once, `reminder-working-days` before its due date or after it
    has passed, by a new link (the old one stops working: the reminder is the link). Returns the count."""
    from safeguarding.core.clocks import calendar

    today = today or timezone.localdate()
    days = setting("reminder-working-days")
    count = 0
    for request in ReturnRequest.objects.filter(state__in=OPEN_STATES, last_reminded_on__isnull=True).select_related(
        "organisation", "area"
    ):
        if calendar.add_working_days(today, days) < request.due_on:
            continue
        if timezone.now() >= request.expires_at:
            continue
        with transaction.atomic():
            locked = _locked(request)
            if locked.state not in OPEN_STATES or locked.last_reminded_on is not None:
                continue
            token = secrets.token_urlsafe(32)
            locked.token_hash = hash_secret(token)
            locked.last_reminded_on = today
            locked.save(update_fields=["token_hash", "last_reminded_on"])
            _record(audit.Actor.system("return reminders"), "return.reminded", locked)
            _send(*_link_email(locked, token, again=True), locked.contact_email)
        count += 1
    return count


# --- the contact's side ---------------------------------------------------------------------------


def contact_actor(request):
    return audit.Actor(
        AuditEvent.ActorKind.PERSON,
        f"{request.contact_email} (agency contact by secure link)",
        organisation=request.organisation,
    )


def find_by_token(token):
    token = (token or "").strip()
    if not token or len(token) > 200:
        return None
    return find_by_hash(hash_secret(token))


def find_by_hash(token_hash):
    if not token_hash:
        return None
    return ReturnRequest.objects.select_related("organisation", "area").filter(token_hash=token_hash).first()


def check_usable(request, *, allow_submitted=False):
    if request is None:
        raise Unusable("unknown")
    if request.state == ReturnState.CANCELLED:
        raise Unusable("cancelled")
    if request.state == ReturnState.SUBMITTED:
        if allow_submitted:
            return request
        raise Unusable("submitted")
    if timezone.now() >= request.expires_at:
        raise Unusable("expired")
    return request


def open_link(token):
    """The contact opened the link (and POSTed its token). Returns the request, or raises Unusable."""
    request = check_usable(find_by_token(token), allow_submitted=True)
    if request.state == ReturnState.SUBMITTED:
        return request
    with transaction.atomic():
        request = _locked(request)
        if request.state == ReturnState.SENT:
            request.state, request.opened_at = ReturnState.OPENED, timezone.now()
            request.save(update_fields=["state", "opened_at"])
        _record(contact_actor(request), "return.opened", request)
    return request


def send_code(request):
    """A new one-time code to the contact's address; at most MAX_CODES_PER_HOUR an hour."""
    check_usable(request)
    now = timezone.now()
    with transaction.atomic():
        request = _locked(request)
        check_usable(request)
        hour_ago = now - datetime.timedelta(hours=1)
        recent = [sent for sent in request.codes_sent_at if datetime.datetime.fromisoformat(sent) > hour_ago]
        if len(recent) >= MAX_CODES_PER_HOUR:
            _record(contact_actor(request), "return.code_limited", request)
            raise ValidationError(
                {"code": f"{MAX_CODES_PER_HOUR} codes have been sent in the last hour: wait an hour, then ask again"}
            )
        code = f"{secrets.randbelow(10**6):06d}"
        request.code_hash = hash_secret(f"{request.pk}:{code}")
        request.code_expires_at = now + datetime.timedelta(minutes=CODE_MINUTES)
        request.code_attempts = 0
        request.codes_sent_at = [*recent, now.isoformat()]
        request.save(update_fields=["code_hash", "code_expires_at", "code_attempts", "codes_sent_at"])
        _record(contact_actor(request), "return.code_sent", request)
        message = (
            f"Your code for the return on case {request.reference} is:\n\n{code}\n\n"
            f"It works once, for {CODE_MINUTES} minutes. If you did not ask for it, you can ignore this email.\n"
        )
        _send(f"Your code: {request.reference}", message, request.contact_email)
    return request


def check_code(request, code):
    """Accepts the code once. A wrong code counts; after MAX_WRONG_CODES the code stops working."""
    check_usable(request)
    code = "".join((code or "").split())
    refused = None
    with transaction.atomic():
        request = _locked(request)
        check_usable(request)
        if not request.code_hash or request.code_expires_at is None or timezone.now() >= request.code_expires_at:
            refused = "The code has expired or has not been sent: ask for a new code"
            _record(contact_actor(request), "return.code_refused", request, {"why": "no code"})
        elif not hmac.compare_digest(request.code_hash, hash_secret(f"{request.pk}:{code}")):
            attempts = request.code_attempts + 1
            killed = attempts >= MAX_WRONG_CODES
            ReturnRequest.objects.filter(pk=request.pk).update(
                code_attempts=F("code_attempts") + 1, **({"code_hash": "", "code_expires_at": None} if killed else {})
            )
            _record(contact_actor(request), "return.code_refused", request, {"why": "wrong", "attempts": attempts})
            refused = (
                f"That code was wrong {MAX_WRONG_CODES} times and no longer works: ask for a new code"
                if killed
                else "The code is not right: check the latest email and enter its 6 digits"
            )
        else:
            request.code_hash, request.code_expires_at, request.code_attempts = "", None, 0
            request.save(update_fields=["code_hash", "code_expires_at", "code_attempts"])
            _record(contact_actor(request), "return.code_accepted", request)
    if refused:
        raise ValidationError({"code": refused})
    return request


def questions(request):
    """(key, question) pairs the contact answers."""
    if request.kind == ReturnKind.AGENCY_REPORT:
        return request.agency_report.questions()
    if request.kind == ReturnKind.MORE_INFORMATION:
        return [("answer", request.question)]
    return [("summary", "Your agency's summary of its involvement with the child and family, without names")]


def _clean_answers(request, data, *, complete):
    answers, errors = {}, {}
    for key, _question in questions(request):
        value = (data.get(key) or "").strip()
        if len(value) > MAX_ANSWER_CHARACTERS:
            errors[key] = f"The answer must be {MAX_ANSWER_CHARACTERS:,} characters or fewer"
        elif complete and not value:
            errors[key] = "Answer this question"
        answers[key] = value
    if errors:
        raise ValidationError(errors)
    return answers


def save_draft(request, data, *, version):
    check_usable(request)
    answers = _clean_answers(request, data, complete=False)
    with transaction.atomic():
        locked = _locked(request)
        check_usable(locked)
        if locked.version != version:
            raise ValidationError("This return was saved elsewhere since you opened it: reload the page")
        locked.draft, locked.state, locked.saved_at = answers, ReturnState.SAVED, timezone.now()
        locked.version += 1
        locked.save(update_fields=["draft", "state", "saved_at", "version"])
        _record(contact_actor(locked), "return.saved", locked)
    return locked


def attach_file(request, upload):
    check_usable(request)
    if upload is None:
        raise ValidationError({"file": "Choose a file to attach"})
    if request.files.count() >= MAX_FILES:
        raise ValidationError({"file": f"A return can have at most {MAX_FILES} files"})
    try:
        kind = evidence.check_file(upload)
    except ValidationError as error:
        raise ValidationError(
            {"file": error.message_dict[evidence.FIELD][0].replace("evidence file", "file")}
        ) from None
    extension = upload.name.rsplit(".", 1)[-1].lower()
    path = default_storage.save(f"{FILE_FOLDER}/{secrets.token_hex(16)}.{extension}", upload)
    try:
        with transaction.atomic():
            locked = _locked(request)
            check_usable(locked)
            stored = ReturnFile.objects.create(
                request=locked,
                path=path,
                original_name=evidence.clean_file_name(upload.name),
                content_type=kind.content_type,
                size=upload.size,
            )
            _record(contact_actor(locked), "return.file_attached", locked, {"file": stored.pk, "size": upload.size})
    except BaseException:
        default_storage.delete(path)
        raise
    return stored


def submit(request, data, *, version):
    """Submits once: the answers go into the agency report (or summary) and the link shows a receipt only."""
    check_usable(request)
    answers = _clean_answers(request, data, complete=True)
    today = timezone.localdate()
    with transaction.atomic():
        locked = _locked(request)
        check_usable(locked)
        if locked.version != version:
            raise ValidationError("This return was saved elsewhere since you opened it: reload the page")
        actor = contact_actor(locked)
        target = target_of(locked.target, today)
        if locked.kind == ReturnKind.AGENCY_REPORT:
            from safeguarding.child_deaths.models import AgencyReport

            report = AgencyReport.objects.select_for_update().get(pk=locked.agency_report_id)
            if report.submitted_on is not None:
                raise ValidationError("This agency's report has already been submitted")
            report.answers, report.submitted_on = answers, today
            report.version += 1
            report.save(update_fields=["answers", "submitted_on", "version"])
            audit.record(
                actor,
                "child_death.report.submitted",
                target.case,
                {"report": report.pk, "organisation": report.organisation_id, "by_secure_link": True},
                area=target.area,
            )
        elif locked.kind == ReturnKind.MORE_INFORMATION:
            audit.record(
                actor,
                "child_death.more_information.received",
                target.case,
                {"notification": locked.notification_id, "return_request": locked.pk},
                area=target.area,
            )
        else:
            from safeguarding.incidents.models import AgencySummaryRequest
            from safeguarding.incidents.states import IncidentStatus

            summary = AgencySummaryRequest.objects.select_for_update().get(pk=locked.summary_request_id)
            if summary.received_on is not None:
                raise ValidationError("This agency's summary has already been received")
            if target.case.status != IncidentStatus.RAPID_INQUIRY:
                raise ValidationError("The rapid inquiry has finished: the summary can no longer be taken")
            summary.received_on, summary.summary = today, answers["summary"]
            summary.save(update_fields=["received_on", "summary"])
            audit.record(
                actor,
                "incident.summary_received",
                target.case,
                {"organisation": summary.organisation_id, "by_secure_link": True},
                area=target.area,
            )
        locked.draft, locked.state, locked.submitted_at = answers, ReturnState.SUBMITTED, timezone.now()
        locked.code_hash, locked.code_expires_at = "", None
        locked.version += 1
        locked.save(update_fields=["draft", "state", "submitted_at", "code_hash", "code_expires_at", "version"])
        _record(actor, "return.submitted", locked)
        announce.return_submitted(locked, _case_link(locked))
    return locked


def _case_link(request):
    from django.urls import reverse

    if request.kind == ReturnKind.AGENCY_SUMMARY:
        return reverse("incidents:rapid-inquiry", args=[request.summary_request.incident_id])
    return reverse("child_deaths:case", args=[request.reference])
