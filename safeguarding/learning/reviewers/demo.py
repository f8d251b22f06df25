"""The demo reviewer register: each demo area's reviewer (Helen Marsh in Tees Valley) and ten other fictional
reviewers, some with an expired accreditation, a CPD shortfall, recent work in a demo area or no availability, and
quality assessments of the demo's completed local learning inquiries. Seeding twice creates nothing new.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.demo import world
from safeguarding.organisations.models import Organisation, SafeguardingArea

from . import actions
from .models import AccreditationLevel as Level
from .models import Availability, QualityAssessment, Reviewer
from .models import Specialism as S
from .quality_markers import MARKER_KEYS, MET, NOT_MET, PARTLY_MET

D = datetime.date
SEEDER = audit.Actor.system("seed_demo")
AWARDING_BODY = "National Safeguarding Learning Body"


@dataclass(frozen=True)
class DemoReviewer:
    email_name: str
    full_name: str
    specialisms: tuple
    level: str
    accredited: tuple  # (accredited_on, expires_on); expires_on None = three years from today at least
    cpd_this_year: tuple  # hours of each activity this year
    employment: tuple = ()  # (employer: organisation name or area slug, role title, started_on, ended_on)
    availability: str = Availability.AVAILABLE
    available_from: D | None = None
    note: str = ""


HELEN = DemoReviewer(
    "reviewer",
    "Helen Marsh",
    (S.INFANTS, S.NEGLECT, S.SYSTEMS_METHODOLOGY),
    Level.LEAD,
    (D(2023, 5, 2), None),
    (6, 7.5, 6),
    (("Harbourside Family Support", "Family support service manager", D(2009, 9, 1), D(2018, 3, 31)),),
)

OTHERS = (
    DemoReviewer(
        "alan.whitcombe",
        "Alan Whitcombe",
        (S.SOCIAL_WORK, S.ADOLESCENTS),
        Level.LEAD,
        (D(2022, 10, 3), D(2027, 10, 2)),
        (12, 8),
        (("leeds", "Head of service, children's social work", D(2012, 4, 2), D(2023, 3, 3)),),
    ),
    DemoReviewer(
        "bernadette.okoro",
        "Bernadette Okoro",
        (S.HEALTH_PRACTICE, S.INFANTS),
        Level.ACCREDITED,
        (D(2020, 1, 6), D(2025, 1, 5)),
        (4,),
        note="Renewal assessment booked",
    ),
    DemoReviewer(
        "callum.reeve",
        "Callum Reeve",
        (S.POLICING, S.EXPLOITATION),
        Level.ASSOCIATE,
        (D(2025, 6, 2), D(2028, 6, 1)),
        (3, 2.5),
    ),
    DemoReviewer(
        "deborah.lindqvist",
        "Deborah Lindqvist",
        (S.DOMESTIC_ABUSE, S.MENTAL_HEALTH),
        Level.ACCREDITED,
        (D(2023, 2, 13), D(2028, 2, 12)),
        (10, 9),
        availability=Availability.NOT_AVAILABLE,
        available_from=D(2027, 3, 1),
        note="Leading a national inquiry until the end of February",
    ),
    DemoReviewer(
        "emeka.adeyemi",
        "Emeka Adeyemi",
        (S.ADOLESCENTS, S.EXPLOITATION, S.POLICING),
        Level.ACCREDITED,
        (D(2024, 9, 9), D(2029, 9, 8)),
        (8, 6, 5),
        (("Tees Valley Youth Justice Service", "Youth justice practice lead", D(2019, 11, 4), None),),
    ),
    DemoReviewer(
        "fiona.gallagher",
        "Fiona Gallagher",
        (S.SYSTEMS_METHODOLOGY, S.EDUCATION),
        Level.LEAD,
        (D(2021, 4, 12), D(2026, 12, 31)),
        (10, 10),
        availability=Availability.LIMITED,
        note="Two days a week",
    ),
    DemoReviewer(
        "gareth.pryce",
        "Gareth Pryce",
        (S.DISABILITY, S.HEALTH_PRACTICE),
        Level.ACCREDITED,
        (D(2024, 1, 15), D(2029, 1, 14)),
        (9, 9.5),
        (("bristol", "Designated nurse for safeguarding", D(2014, 6, 2), D(2024, 8, 30)),),
    ),
    DemoReviewer(
        "hannah.lowther",
        "Hannah Lowther",
        (S.NEGLECT, S.SUBSTANCE_MISUSE),
        Level.ACCREDITED,
        (D(2023, 7, 3), D(2028, 7, 2)),
        (7, 6, 6),
        (("Young Lives Leeds", "Trustee", D(2010, 1, 4), D(2019, 12, 31)),),
    ),
    DemoReviewer(
        "imran.siddiqui",
        "Imran Siddiqui",
        (S.ONLINE_HARM, S.EDUCATION),
        Level.ACCREDITED,
        (D(2022, 3, 7), D(2027, 3, 6)),
        (5,),
    ),
    DemoReviewer(
        "joanna.whitfield",
        "Joanna Whitfield",
        (S.MENTAL_HEALTH, S.DISABILITY),
        Level.ASSOCIATE,
        (D(2026, 2, 2), D(2029, 2, 1)),
        (12, 7),
    ),
)


def _expiry(expires_on):
    return expires_on or max(D(2028, 5, 1), timezone.localdate() + datetime.timedelta(days=3 * 365))


def _employer(name):
    """An organisation by name, or a demo area by slug: (organisation, area)."""
    area = SafeguardingArea.objects.filter(slug=name).first()
    if area is not None:
        return None, area
    return Organisation.objects.filter(name=name).order_by("pk").first(), None


def _register(user, spec, report=None):
    """Puts `user` on the register as `spec` describes, once."""
    if Reviewer.objects.filter(user=user).exists():
        if report is not None:
            report.count("reviewers", False)
        return Reviewer.objects.get(user=user)
    today = timezone.localdate()
    reviewer = actions.save_reviewer(
        SEEDER,
        user=user,
        specialisms=spec.specialisms,
        availability=spec.availability,
        availability_note=spec.note,
        available_from=spec.available_from if spec.available_from and spec.available_from > today else None,
    )
    accredited_on, expires_on = spec.accredited
    actions.add_accreditation(
        SEEDER,
        reviewer,
        level=spec.level,
        awarding_body=AWARDING_BODY,
        accredited_on=accredited_on,
        expires_on=_expiry(expires_on),
    )
    for index, hours in enumerate(spec.cpd_this_year):
        actions.record_cpd(
            SEEDER,
            reviewer,
            completed_on=min(D(today.year, 2 + 3 * index, 10), today),
            hours=hours,
            activity=("Reflective supervision", "Systems methodology refresher", "Peer review of a report")[index % 3],
        )
    for employer, role_title, started_on, ended_on in spec.employment:
        organisation, area = _employer(employer)
        if organisation is None and area is None:
            continue  # the demo world is not fully seeded (e.g. in a test); the record stays without it
        actions.add_employment(
            SEEDER,
            reviewer,
            organisation=organisation,
            area=area,
            role_title=role_title,
            started_on=started_on,
            ended_on=ended_on,
        )
    if report is not None:
        report.count("reviewers", True)
    return reviewer


def register_area_reviewer(user, report=None):
    """A demo area's reviewer (Helen Marsh in Tees Valley): accredited, available and independent of the demo
    areas.

    The incidents demo calls this before she is chosen to lead a local learning inquiry.
    """
    return _register(user, HELEN, report)


def _demo_user(spec):
    """A register-only person: no password, so the account cannot sign in until invited properly."""
    user, created = get_user_model().objects.get_or_create(
        email=f"{spec.email_name}@{world.DEMO_EMAIL_DOMAIN}", defaults={"full_name": spec.full_name, "is_demo": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


# Ratings for the demo's assessments, cycling so that every reviewer page shows all three.
_PATTERN = (MET, MET, PARTLY_MET, MET, NOT_MET, MET, PARTLY_MET)


def _assess_completed_inquiries(report):
    from safeguarding.incidents.models import Incident
    from safeguarding.incidents.states import IncidentStatus

    person = next(p for p in world.NATIONAL_PEOPLE if p.email_name == "national.admin")
    assessor = get_user_model().objects.filter(email=world.demo_email(person)).first()
    if assessor is None:
        return
    completed = (
        Incident.objects.filter(
            status__in=[IncidentStatus.PUBLISHED, IncidentStatus.SUBMITTED_NATIONAL],
            lli__lead_reviewer__reviewer_record__isnull=False,
        )
        .select_related("lli__lead_reviewer__reviewer_record")
        .order_by("pk")[:2]
    )
    for offset, incident in enumerate(completed):
        key = f"incident:{incident.pk}"
        exists = QualityAssessment.objects.filter(inquiry_kind="lli", inquiry_key=key).exists()
        if not exists:
            ratings = {k: _PATTERN[(i + offset) % len(_PATTERN)] for i, k in enumerate(MARKER_KEYS)}
            actions.assess_quality(
                assessor,
                reviewer=incident.lli.lead_reviewer.reviewer_record,
                inquiry_kind="lli",
                inquiry_key=key,
                inquiry_label=f"Local learning inquiry {incident.reference}",
                ratings=ratings,
                comments={"family_involvement": "The family were invited late, after the chronology was drafted."},
                incident=incident,
                overall_comment="A clear, proportionate inquiry; the system analysis could go further.",
            )
        report.count("quality assessments", not exists)


def seed_demo_reviewers(report):
    """The demo register (the areas' reviewers and ten others) and the quality assessments of two completed
    inquiries."""
    helen = next(p for p in world.AREA_PEOPLE if p.email_name == "reviewer")
    for slug in world.AREAS_WITH_PEOPLE:
        user = get_user_model().objects.filter(email=world.demo_email(helen, slug)).first()
        if user is not None:
            register_area_reviewer(user, report)
    for spec in OTHERS:
        _register(_demo_user(spec), spec, report)
    _assess_completed_inquiries(report)
