"""Seeds the national body's annual reports from the demo data: 2025 published, 2026 a draft.

Run after the rest of the demo (incidents, repository, intelligence, national inquiries), so that the
figures are assembled from them. Seeding twice creates nothing new: a year's report is found again by its
year and left as it is (a published report is frozen; a draft may have been edited by a demo user).
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.demo import world
from safeguarding.organisations.models import Role

from . import actions
from .models import AnnualReport

PUBLISHED_YEAR, DRAFT_YEAR = 2025, 2026

SECTIONS_2025 = {
    "foreword": (
        "This is the national body's report to the Secretary of State on the year's serious incidents, the "
        "learning drawn from them across England and what that learning asks of government. It is assembled "
        "from the platform's own records, so every figure can be traced to the cases and reports behind it."
    ),
    "key_messages": (
        "Most rapid inquiry decisions were made within fifteen working days, but local learning inquiries "
        "too often ran past three months.\n"
        "Neglect, the toxic trio of domestic abuse, parental mental ill-health and substance misuse, and "
        "information sharing remain the leading themes of local learning.\n"
        "The same recommendations keep being written in area after area: a shared screening tool, a single "
        "record of who lives in the household, and escalation routes that practitioners know and use."
    ),
    "lessons_for_government": (
        "Fund a national information-sharing standard between health visiting, general practice and children's "
        "social care, so that areas stop recommending it one by one.\n"
        "Ask the inspectorates to examine how partnerships assess the adults in a baby's life, the recurring "
        "gap behind the year's recurrence alerts.\n"
        "Keep the national repository and its intelligence funded as a permanent service."
    ),
}
SECTIONS_2026 = {
    "foreword": "Draft: to be written once the year's figures are final.",
    "key_messages": "",
    "lessons_for_government": "",
}


def _demo_person(role):
    person = next(p for p in world.NATIONAL_PEOPLE if p.role == role)
    return get_user_model().objects.filter(email=world.demo_email(person)).first()


def _actor(role):
    """The demo national person in `role`, or the seeding system when the demo world has not made them."""
    return _demo_person(role) or audit.Actor.system("seed_demo")


def seed_demo_national_reports(report):
    analyst, administrator = _actor(Role.NATIONAL_ANALYST), _actor(Role.NATIONAL_ADMINISTRATOR)
    today = timezone.localdate()
    for year, sections, publish in ((PUBLISHED_YEAR, SECTIONS_2025, True), (DRAFT_YEAR, SECTIONS_2026, False)):
        if year > today.year or AnnualReport.objects.filter(year=year).exists():
            report.count("annual reports", False)
            continue
        annual = actions.assemble(analyst, year, today=today)
        actions.edit(analyst, annual, annual.version, **sections)
        if publish:
            actions.publish(administrator, annual, annual.version, today=today)
        report.count("annual reports", True)
