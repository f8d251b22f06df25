"""Creates the demo world. Every step is get-or-create, so seeding twice changes nothing."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeguarding.arrangements.demo import seed_demo_arrangements
from safeguarding.child_deaths.demo import seed_demo_child_deaths
from safeguarding.incidents.demo import seed_demo_incidents
from safeguarding.learning.intelligence.demo import seed_demo_intelligence
from safeguarding.learning.national_reports.demo import seed_demo_national_reports
from safeguarding.learning.nsci.demo import seed_demo_nsci
from safeguarding.learning.repository.demo import seed_demo_repository
from safeguarding.learning.reviewers.demo import seed_demo_reviewers
from safeguarding.mortality.demo import seed_demo_mortality
from safeguarding.organisations.models import (
    LocalAuthority,
    Membership,
    Organisation,
    OrganisationKind,
    SafeguardingArea,
)

from . import world
from .identities import seed_demo_identities


class MissingReferenceData(Exception):
    """The geography the demo is built on has not been loaded."""


@dataclass
class SeedReport:
    created: dict = field(default_factory=dict)
    accounts: list = field(default_factory=list)

    def count(self, what, was_created):
        self.created.setdefault(what, 0)
        if was_created:
            self.created[what] += 1


def _statutory_partners(local_authorities):
    """The organisations of the authorities, their police forces and their main ICBs."""
    partners = {"local_authority": [], "health": [], "police": []}
    for authority in local_authorities:
        partners["local_authority"].append(authority.organisation)
        partners["police"].append(authority.police_force_area.organisation)
        main_share = authority.localauthorityicbshare_set.order_by("-share").select_related("integrated_care_board")
        partners["health"].append(main_share.first().integrated_care_board.organisation)
    return {kind: list(dict.fromkeys(orgs)) for kind, orgs in partners.items()}


def _seed_area(spec, report):
    authorities = list(
        LocalAuthority.objects.filter(code__in=spec.local_authority_codes).select_related(
            "organisation", "police_force_area__organisation"
        )
    )
    if len(authorities) != len(spec.local_authority_codes):
        raise MissingReferenceData(
            f"Local authorities {', '.join(spec.local_authority_codes)} are not all loaded: "
            "run `python manage.py load_reference_data` first."
        )
    area, created = SafeguardingArea.objects.get_or_create(slug=spec.slug, defaults={"name": spec.name})
    report.count("safeguarding areas", created)
    area.local_authorities.add(*authorities)
    organisations = _statutory_partners(authorities)
    for kind, name in spec.relevant_agencies:
        organisation, created = Organisation.objects.get_or_create(kind=kind, name=name)
        report.count("relevant agencies", created)
        organisations[kind] = [organisation]
    area.partners.add(*[org for orgs in organisations.values() for org in orgs])
    return area, organisations


def _seed_person(person, organisation, area, password, report):
    User = get_user_model()
    area_slug = area.slug if area else None
    email, full_name = world.demo_email(person, area_slug), world.full_name(person, area_slug)
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name, "is_demo": True})
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    elif user.is_demo and user.full_name != full_name:
        # Databases seeded when every area's people shared one set of names take the area's own names.
        user.full_name = full_name
        user.save(update_fields=["full_name"])
    report.count("demo accounts", created)
    _, created = TOTPDevice.objects.get_or_create(
        user=user, name="Demo authenticator", defaults={"key": world.DEMO_TOTP_KEY_HEX, "confirmed": True}
    )
    report.count("demo authenticators", created)
    _, created = Membership.objects.get_or_create(user=user, organisation=organisation, area=area, role=person.role)
    report.count("memberships", created)
    report.accounts.append((email, full_name, person.role.label, area.name if area else "England (national)"))


@transaction.atomic
def seed_demo_world(password, *, national_learning=True):
    """The demo world. `national_learning=False` leaves out the national body's side (a 300-report
    corpus, alerts, inquiries, reports), which the tests of the local pillars do not need."""
    report = SeedReport()
    national_body, created = Organisation.objects.get_or_create(
        kind=OrganisationKind.NATIONAL_BODY, name=world.NATIONAL_BODY_NAME
    )
    report.count("national body", created)
    independent_practice, created = Organisation.objects.get_or_create(
        kind=OrganisationKind.OTHER, name=world.INDEPENDENT_PRACTICE_NAME
    )
    report.count("independent practice", created)
    for spec in world.DEMO_AREAS:
        area, organisations = _seed_area(spec, report)
        if spec.slug not in world.AREAS_WITH_PEOPLE:
            continue
        organisations["independent_practice"] = [independent_practice]
        for person in world.AREA_PEOPLE:
            _seed_person(person, organisations[person.organisation][0], area, password, report)
    for person in world.NATIONAL_PEOPLE:
        _seed_person(person, national_body, None, password, report)
    seed_demo_identities(report)
    seed_demo_child_deaths(report)
    seed_demo_mortality(report)
    seed_demo_incidents(report)
    seed_demo_arrangements(report)
    # The national learning framework, in the order each part builds on the last: the reviewer register
    # (after the incidents, whose inquiries it assesses), the national repository's corpus, recurrence
    # alerts on it, national inquiries (one from an alert), then the national body's reports.
    if not national_learning:
        return report
    seed_demo_reviewers(report)
    seed_demo_repository(report)
    seed_demo_intelligence(report)
    seed_demo_nsci(report)
    seed_demo_national_reports(report)
    return report
