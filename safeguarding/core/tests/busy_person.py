"""A busy person: every area role in one area and both national roles, with `n` cases of each kind that
wait for them. The home page's query-count test builds it at two sizes; benchmarks/home_page.py builds
it with about 200 open tasks. Everything is made through the real actions, as the service would."""

import datetime
import itertools
from dataclasses import dataclass, field

import nhs_number
from django.utils import timezone

from safeguarding.child_deaths.factories import PanelFactory
from safeguarding.child_deaths.factories import notify as notify_death
from safeguarding.incidents.actions import learning, pauses
from safeguarding.incidents.actions import rapid_inquiry as inquiries
from safeguarding.incidents.factories import child_of, make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.repository.factories import make_entry
from safeguarding.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from safeguarding.organisations.models import Invitation, OrganisationKind, Role
from safeguarding.organisations.models.invitations import hash_token, new_token

# Tasks each round of `add_rounds` adds: start an inquiry, decide a pause, sign off a decision, an outstanding
# summary, findings to write, an action falling due, a new death's three (inform the database, ask for
# reports, start the joint response), an invitation, a report to code, a proposal to decide.
TASKS_PER_ROUND = 12


def _nhs_numbers():
    """Valid NHS numbers (Modulus 11) in a range no test elsewhere uses."""
    for stem in itertools.count(943_470_000):
        digits = str(stem)
        check = nhs_number.calculate_checksum(digits)
        if check is not None and check < 10:
            yield f"{digits}{check}"


# Different enough that no two deaths are proposed as the same child.
SURNAMES = [
    "Ashworth",
    "Bellamy",
    "Carrow",
    "Dunmore",
    "Ellery",
    "Fairbrother",
    "Gallagher",
    "Hollis",
    "Ingram",
    "Jessop",
    "Kilbride",
    "Lomax",
    "Maddox",
    "Norcross",
    "Oakley",
    "Pemberton",
    "Quayle",
    "Redfern",
    "Sallis",
    "Thackeray",
    "Underhill",
    "Vickers",
    "Wainwright",
    "Yardley",
    "Zetland",
]


@dataclass
class BusyPerson:
    user: object
    area: object
    council: object
    health: object
    rounds: int = 0
    numbers: object = field(default_factory=_nhs_numbers)


def make_busy_person(area, *, email="busy.person@example.org"):
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name=f"{area.name} council")
    health = OrganisationFactory(kind=OrganisationKind.HEALTH, name=f"{area.name} health board")
    police = OrganisationFactory(kind=OrganisationKind.POLICE, name=f"{area.name} police")
    area.partners.add(council, health, police)
    national_body = OrganisationFactory(kind=OrganisationKind.NATIONAL_BODY, name="The national body")
    user = UserFactory(email=email, full_name="Sam Busy")
    for role, organisation in [
        (Role.AREA_ADMINISTRATOR, council),
        (Role.LEAD_CHIEF_OFFICER, council),
        (Role.RAPID_INQUIRY_LEAD, police),
        (Role.PRACTITIONER, council),
        (Role.REVIEWER, council),
        (Role.PANEL_MANAGER, health),
    ]:
        MembershipFactory(user=user, area=area, organisation=organisation, role=role)
    for role in (Role.NATIONAL_ADMINISTRATOR, Role.NATIONAL_ANALYST):
        MembershipFactory(user=user, area=None, organisation=national_body, role=role)
    PanelFactory(areas=[area])
    return BusyPerson(user=user, area=area, council=council, health=health)


def add_rounds(busy, rounds, *, today=datetime.date(2026, 11, 26)):
    """`rounds` more of each kind of case, each waiting for the busy person (TASKS_PER_ROUND tasks a round)."""
    user, area, numbers = busy.user, busy.area, busy.numbers
    for _ in range(rounds):
        busy.rounds += 1
        number = busy.rounds
        submitted = make_incident(area, IncidentStatus.SUBMITTED, child=child_of(area, next(numbers)))
        pauses.request_pause(
            user, submitted, proceeding="police_investigation", reason="Charging decision due", starts_on=today
        )
        inquiry = inquiries.start_rapid_inquiry(
            user, make_incident(area, child=child_of(area, next(numbers))), today=today
        )
        inquiries.request_summary(
            user, inquiry.incident, organisation=busy.health, due_on=today + datetime.timedelta(days=7), today=today
        )
        inquiries.save_decision(
            user,
            inquiry,
            inquiry.version,
            initial_assessment="Agencies did not share what they knew.",
            decision="lli",
            decision_reasons="Systemic learning about sharing information.",
        )
        findings = make_incident(area, IncidentStatus.FINDINGS, child=child_of(area, next(numbers)))
        recommendation = learning.add_recommendation(
            user, findings, finding=None, addressee=busy.council, change="Change", outcome="Outcome", due_on=None
        )
        learning.add_action(
            user, recommendation, description="Audit the referral form", owner="Head of service",
            due_on=today + datetime.timedelta(days=10), today=today,
        )  # fmt: skip
        notify_death(
            area,
            nhs_number=next(numbers),
            family_name=f"{SURNAMES[number % len(SURNAMES)]}-{number}",
            date_of_birth=datetime.date(2012, 1, 1) + datetime.timedelta(days=97 * number),
            postcode=f"TS{number % 30 + 1} {number % 9 + 1}AB",
            today=today,
        )
        Invitation.objects.create(
            email=f"invitee.{number}@example.org",
            full_name="An Invitee",
            organisation=busy.council,
            area=area,
            role=Role.PRACTITIONER,
            token_hash=hash_token(new_token()),
            invited_by=user,
            expires_at=timezone.now() + datetime.timedelta(days=7),
        )
        make_entry(area_name=area.name)
        make_inquiry([area], proposed_by=user, today=today)
