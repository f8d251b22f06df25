"""Events become messages here, and only here.

An action calls `emit(Event(...))` inside its transaction. The event is written to the job queue in that
same transaction, so it exists exactly when the change does: a rolled-back change leaves no event, and a
committed one is never lost, even if the process dies a moment later. The worker then runs `deliver`, which
finds the recipients by role and area (the table below), writes one in-app notification per person and
queues one email per person (now, or in their daily summary if they chose one; escalations always go now).

No identity, by construction: an Event has no free-text field. Its text is made from the case reference
or pseudonym, the area's and an organisation's names, a date, a count, and a clock's name from the policy
table; `Event.__post_init__` refuses a reference that is not a reference or pseudonym.
"""

import datetime
import re
import uuid
from dataclasses import asdict, dataclass, field

from safeguarding.core.permissions import INCIDENT_STARTER_ROLES
from safeguarding.organisations.models.people import Role

from .models import Kind

# SI-2026-00012, CD-2026-0042, NSCI-2026-03, NLR-2026-0001, RI-…, and pseudonyms like C-7KQ2-M9XD.
REFERENCE = re.compile(r"^[A-Z]{1,5}(-[A-Z0-9]{1,8}){1,3}$")


class Audience:
    """Who a deadline message goes to: the kinds of clock the sweep knows."""

    INCIDENT = "incident"  # the area's rapid inquiry leads and lead chief officers
    AGENCY_SUMMARY = "agency_summary"  # the agency's contact, and the inquiry leads
    INCIDENT_ACTION = "incident_action"  # those who keep the case moving: inquiry leads, reviewers, administrators
    CHILD_DEATH = "child_death"  # the panel managers
    AGENCY_REPORT = "agency_report"  # the agency's people in the area, and the panel managers
    NATIONAL_INQUIRY = "national_inquiry"  # national administrators


@dataclass(frozen=True)
class Event:
    kind: str
    reference: str = ""
    link: str = ""
    area_id: int | None = None
    area_name: str = ""
    organisation_id: int | None = None
    organisation_name: str = ""
    panel_id: int | None = None
    due_on: str = ""  # ISO date
    clock_name: str = ""  # a clock's name from the national policy table
    count: int | None = None
    audience: str = ""
    user_ids: tuple = ()  # people named as recipients (the signers whose sign-off was cleared, an inviter)
    address: str = ""  # an outside address given for this case (an agency's contact)
    key: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __post_init__(self):
        if self.kind not in Kind.values:
            raise ValueError(f"Unknown kind of notification: {self.kind!r}")
        if self.reference and not REFERENCE.match(self.reference):
            raise ValueError(f"A notification names a case by its reference or pseudonym only; got {self.reference!r}")
        if self.link and not self.link.startswith("/"):
            raise ValueError("A notification links to a page of the service (a path starting with /)")
        if self.due_on:
            datetime.date.fromisoformat(self.due_on)

    def as_json(self):
        data = asdict(self)
        data["user_ids"] = list(self.user_ids)
        return data

    @classmethod
    def from_json(cls, data):
        return cls(**{**data, "user_ids": tuple(data.get("user_ids", ()))})

    @property
    def due(self):
        if not self.due_on:
            return ""
        day = datetime.date.fromisoformat(self.due_on)
        return f"{day.day} {day:%B %Y}"


# --- recipients: functions of (event, directory) -> (user ids, outside addresses) ---
def area_roles(*roles, statutory_only=False, local_authority_only=False):
    def resolve(event, directory):
        people = directory.in_area(
            {event.area_id}, roles, statutory_only=statutory_only, local_authority_only=local_authority_only
        )
        return people, set()

    return resolve


def national(*roles):
    return lambda event, directory: (directory.national(roles), set())


def named(event, directory):
    return set(event.user_ids), set()


def panel_managers(event, directory):
    areas = {event.area_id} | directory.panel_area_ids(event.panel_id)
    return directory.in_area(areas, {Role.PANEL_MANAGER}), set()


def agency_people(event, directory):
    """The agency's people in the case's area (where the child lived)."""
    return directory.of_organisation(event.organisation_id, {event.area_id}), set()


def partner_lead_chief_officers(event, directory):
    """The lead chief officers of the event's organisation in its area (one statutory partner's)."""
    officers = directory.in_area({event.area_id}, {Role.LEAD_CHIEF_OFFICER})
    return officers & directory.of_organisation(event.organisation_id, {event.area_id}), set()


def outside_address(event, directory):
    return set(), {event.address} if event.address else set()


def together(*resolvers):
    def resolve(event, directory):
        users, addresses = set(), set()
        for resolver in resolvers:
            more_users, more_addresses = resolver(event, directory)
            users |= more_users
            addresses |= more_addresses
        return users, addresses

    return resolve


INCIDENT_LEADS = area_roles(Role.RAPID_INQUIRY_LEAD, Role.LEAD_CHIEF_OFFICER)
INCIDENT_WORKERS = area_roles(Role.RAPID_INQUIRY_LEAD, Role.REVIEWER, Role.AREA_ADMINISTRATOR)
NATIONAL_ADMINISTRATORS = national(Role.NATIONAL_ADMINISTRATOR)

# Who hears of a deadline coming, and who besides hears once it has passed (the escalation).
DEADLINE_AUDIENCES = {
    Audience.INCIDENT: (INCIDENT_LEADS, area_roles(Role.AREA_ADMINISTRATOR)),
    Audience.AGENCY_SUMMARY: (
        together(outside_address, area_roles(Role.RAPID_INQUIRY_LEAD)),
        area_roles(Role.LEAD_CHIEF_OFFICER),
    ),
    Audience.INCIDENT_ACTION: (INCIDENT_WORKERS, area_roles(Role.LEAD_CHIEF_OFFICER)),
    Audience.CHILD_DEATH: (panel_managers, area_roles(Role.AREA_ADMINISTRATOR)),
    Audience.AGENCY_REPORT: (together(agency_people, panel_managers), area_roles(Role.AREA_ADMINISTRATOR)),
    Audience.NATIONAL_INQUIRY: (NATIONAL_ADMINISTRATORS, national(Role.NATIONAL_ANALYST)),
}


def deadline_recipients(*, escalation):
    def resolve(event, directory):
        first, second = DEADLINE_AUDIENCES[event.audience]
        return together(first, second)(event, directory) if escalation else first(event, directory)

    return resolve


@dataclass(frozen=True)
class KindSpec:
    recipients: object
    subject: str
    text: str
    # Escalations go by email at once whatever the person chose.
    always_immediate: bool = False


KINDS = {
    Kind.INCIDENT_NOTIFIED: KindSpec(
        INCIDENT_LEADS,
        "Serious incident {reference} notified in {area}",
        "Serious incident {reference} was notified in {area}: the rapid inquiry's clock has started.",
    ),
    Kind.SIGN_OFF_AWAITED: KindSpec(
        area_roles(Role.LEAD_CHIEF_OFFICER, statutory_only=True),
        "Decision on {reference} awaits your sign-off",
        "The rapid inquiry decision on {reference} ({area}) awaits your sign-off.",
    ),
    Kind.SIGN_OFF_CLEARED: KindSpec(
        named,
        "Your sign-off of {reference} was cleared",
        "The decision on {reference} ({area}) was edited after you signed it off: read it again and sign it off.",
    ),
    Kind.SUMMARY_REQUESTED: KindSpec(
        outside_address,
        "Summary requested for rapid inquiry {reference}, due {due}",
        "The rapid inquiry into serious incident {reference} ({area}) asks {organisation} for a summary of its "
        "involvement by {due}. Please send it to the rapid inquiry lead.",
    ),
    Kind.SUMMARY_REMINDER: KindSpec(
        outside_address,
        "Reminder: summary for rapid inquiry {reference} due {due}",
        "The rapid inquiry into serious incident {reference} ({area}) is waiting for {organisation}'s summary of "
        "its involvement. It is due on {due}. Please send it to the rapid inquiry lead.",
    ),
    Kind.AGENCY_REPORT_REQUESTED: KindSpec(
        agency_people,
        "Child death report requested on {reference}, due {due}",
        "The child death overview panel asks {organisation} for its report on case {reference}, due {due}.",
    ),
    Kind.AGENCY_REPORT_REMINDER: KindSpec(
        agency_people,
        "Reminder: child death report {reference} due {due}",
        "The child death overview panel is waiting for {organisation}'s report on case {reference}. "
        "It is due on {due}.",
    ),
    Kind.DEATH_NOTIFIED: KindSpec(
        panel_managers,
        "Child death {reference} notified",
        "A child's death was notified: case {reference} ({area}). The national database is to be informed "
        "within 2 working days.",
    ),
    Kind.LINK_PROPOSED: KindSpec(
        panel_managers,
        "Possible duplicate notification of {reference}",
        "A link is proposed between case {reference} and another notification: confirm or reject it.",
    ),
    Kind.PAUSE_REQUESTED: KindSpec(
        NATIONAL_ADMINISTRATORS,
        "Pause requested on {reference}",
        "{area} asks to pause the clock of serious incident {reference}: decide the request.",
    ),
    Kind.PAUSE_DECIDED: KindSpec(
        together(INCIDENT_LEADS, named),
        "Pause request on {reference} decided",
        "The national body decided the request to pause the clock of serious incident {reference} ({area}).",
    ),
    Kind.DEADLINE_APPROACHING: KindSpec(
        deadline_recipients(escalation=False),
        "{clock} for {reference} due {due}",
        "{clock} for {reference} ({area}) is due on {due}.",
    ),
    Kind.DEADLINE_PASSED: KindSpec(
        deadline_recipients(escalation=True),
        "Overdue: {clock} for {reference} was due {due}",
        "{clock} for {reference} ({area}) was due on {due} and is overdue.",
        always_immediate=True,
    ),
    Kind.REPORT_PUBLISHED: KindSpec(
        together(national(Role.NATIONAL_ANALYST), area_roles(Role.LEAD_CHIEF_OFFICER, Role.RAPID_INQUIRY_LEAD)),
        "Learning inquiry report {reference} published",
        "The learning inquiry report on serious incident {reference} ({area}) was published.",
    ),
    Kind.RECURRENCE_ALERT: KindSpec(
        national(Role.NATIONAL_ANALYST),
        "Recurrence alert raised",
        "A recurrence alert was raised: a theme seen in {count} reports. Decide whether it needs a national inquiry.",
    ),
    Kind.NSCI_PROPOSED: KindSpec(
        NATIONAL_ADMINISTRATORS,
        "National inquiry {reference} proposed",
        "National serious case inquiry {reference} was proposed: decide within the policy table's time.",
    ),
    Kind.INVITATION_EXPIRING: KindSpec(
        named,
        "An invitation you sent expires on {due}",
        "An invitation you sent to join {organisation} expires on {due} and has not been accepted.",
    ),
    Kind.API_TOKEN_EXPIRING: KindSpec(
        named,
        "An API token of {organisation} expires on {due}",
        "An API token of {organisation} expires on {due}: issue a new one before then.",
    ),
    Kind.ACCREDITATION_DUE: KindSpec(
        together(named, NATIONAL_ADMINISTRATORS),
        "A reviewer's accreditation expires on {due}",
        "A reviewer's accreditation expires on {due}: record its renewal on the reviewer register.",
    ),
    Kind.CPD_DUE: KindSpec(
        together(named, NATIONAL_ADMINISTRATORS),
        "A reviewer's CPD hours are short, year ending {due}",
        "A reviewer has recorded {count} of the year's CPD hours with the year ending {due}.",
    ),
    Kind.RETURN_SUBMITTED: KindSpec(
        named,
        "Return submitted by secure link on {reference}",
        "{organisation} submitted the return you asked for on {reference} ({area}) by secure link.",
    ),
    Kind.AREA_CONFIRMATION_REQUESTED: KindSpec(
        partner_lead_chief_officers,
        "{area} awaits your confirmation",
        "{organisation} is named a statutory partner of {area}: as its lead chief officer, confirm the area "
        "on the area's page.",
    ),
    # The local authority's people who may submit a notification (incidents.submit_notification).
    Kind.SERIOUS_INCIDENT_REQUESTED: KindSpec(
        area_roles(*sorted(INCIDENT_STARTER_ROLES), local_authority_only=True),
        "Notify serious incident {reference} asked for by a child death review",
        "A child death overview panel asks the local authority of {area} to notify a serious incident: draft "
        "notification {reference} is filled in from the death. Check it, complete it and submit it.",
    ),
    Kind.DAILY_SUMMARY: KindSpec(
        named,
        "Your daily summary: {count} notifications",
        "{count} notifications today.",
    ),
}


def render(event, area_name=None):
    """(subject, text) of `event`."""
    spec = KINDS[event.kind]
    fields = {
        "reference": event.reference or "a case",
        "area": area_name if area_name is not None else event.area_name or "England",
        "organisation": event.organisation_name or "the agency",
        "due": event.due or "the due date",
        "clock": event.clock_name or "A deadline",
        "count": event.count if event.count is not None else 0,
    }
    return spec.subject.format(**fields), spec.text.format(**fields)


def emit(event):
    """Queues `event` for delivery, in the caller's transaction. Call it inside the action's atomic block."""
    from .delivery import deliver

    deliver.enqueue(event.as_json())
    return event
