"""Demo arrangements in every state: Tees Valley published (an earlier version superseded) with a
published yearly report, funding, scrutiny, outcomes, engagement and meetings; Leeds awaiting the
police sign-off; Bristol an early draft. Seeding twice changes nothing."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from safeguarding.demo import world
from safeguarding.organisations.models import SafeguardingArea

from .actions import drafts, effectiveness, funding, meetings, publication, reports
from .demo_text import AGENCY_ROLES, SECTION_TEXT
from .models import (
    ArrangementsVersion,
    FundingContribution,
    OutcomeMeasure,
    ScrutinyActivity,
    StrategicMeeting,
    TransitionDeadline,
    YearlyReport,
)

DEMO_DEADLINE = datetime.date(2027, 3, 31)


def _person(email_name, area_slug):
    return get_user_model().objects.get(email=f"{email_name}.{area_slug}@{world.DEMO_EMAIL_DOMAIN}")


def _write_draft(user, area, *, sections=None, extra=""):
    draft = drafts.start_draft(user, area)
    for section in draft.sections.all():
        if sections is not None and section.key not in sections:
            continue
        body = SECTION_TEXT[section.key] + extra
        drafts.edit_section(user, section, body=body, expected_version=section.version)
        definition = section.definition
        if definition and definition.needs_evidence and not section.evidence.exists():
            drafts.add_evidence(
                user,
                section,
                title=f"{section.title}: supporting paper",
                url=f"https://www.example.org/{area.slug}/{section.key}.pdf",
            )
    for organisation in area.partners.exclude(kind__in=["local_authority", "health", "police"]):
        if sections is None and not draft.relevant_agencies.filter(organisation=organisation).exists():
            role = AGENCY_ROLES.get(organisation.kind, "Takes part in the practice groups.")
            drafts.add_relevant_agency(user, draft, organisation=organisation, role=role)
    return draft


def _sign(area_slug, draft, kinds=("lco.council", "lco.health", "lco.police")):
    for email_name in kinds:
        publication.sign_off(_person(email_name, area_slug), draft)


def _published_on(version, when):
    ArrangementsVersion.objects.filter(pk=version.pk).update(
        published_at=timezone.make_aware(datetime.datetime.combine(when, datetime.time(10)))
    )


def _seed_tees_valley(area, report):
    admin = _person("area.admin", area.slug)
    if not ArrangementsVersion.objects.filter(area=area).exists():
        first = _write_draft(admin, area)
        _sign(area.slug, first)
        publication.publish(admin, first)
        _published_on(first, datetime.date(2025, 9, 29))
        second = drafts.start_draft(admin, area)
        section = second.sections.get(key="coordination")
        drafts.edit_section(
            admin,
            section,
            body=section.body + " From April 2026 the front door practice group also covers exploitation, "
            "replacing a separate panel.",
            expected_version=section.version,
        )
        _sign(area.slug, second)
        publication.publish(admin, second)
        _published_on(second, datetime.date(2026, 6, 30))
        ArrangementsVersion.objects.filter(pk=first.pk).update(
            superseded_at=timezone.make_aware(datetime.datetime(2026, 6, 30, 10))
        )
        report.count("arrangements versions", True)
        report.count("arrangements versions", True)
    _seed_records(area, admin, report)


def _seed_records(area, admin, report):
    council, health, police = (
        area.partners.filter(kind=kind).order_by("name").first() for kind in ("local_authority", "health", "police")
    )
    for year, scale in ((2025, Decimal("1.00")), (2026, Decimal("1.04"))):
        for organisation, money, in_kind, what in (
            (council, Decimal("180000"), Decimal("25000"), "Business unit accommodation"),
            (health, Decimal("95000"), Decimal("12000"), "Designated nurse time"),
            (police, Decimal("60000"), Decimal("8000"), "Analyst two days a week"),
        ):
            if organisation is None:
                continue
            exists = FundingContribution.objects.filter(area=area, organisation=organisation, year=year).exists()
            if not exists:
                funding.record_contribution(
                    admin,
                    area,
                    organisation=organisation,
                    year=year,
                    money=(money * scale).quantize(Decimal("1")),
                    in_kind=in_kind,
                    in_kind_description=what,
                )
            report.count("funding contributions", not exists)
    if not ScrutinyActivity.objects.filter(area=area).exists():
        audit_activity = effectiveness.record_scrutiny(
            admin,
            area,
            kind="thematic_audit",
            title="Independent audit of neglect cases",
            carried_out_on=datetime.date(2025, 11, 12),
            carried_out_by="Independent scrutineer",
            findings="In 9 of 20 cases the health visitor was not invited to the strategy discussion, and "
            "chronologies were kept separately by each agency.",
        )
        effectiveness.respond_to_scrutiny(
            admin,
            audit_activity,
            response="Strategy discussions now always invite health visiting, and a single "
            "multi-agency chronology is used from January 2026. We will re-audit in 2026.",
            responded_on=datetime.date(2026, 1, 20),
            expected_version=audit_activity.version,
        )
        effectiveness.record_scrutiny(
            admin,
            area,
            kind="challenge_session",
            title="Challenge session with agency leaders on exploitation",
            carried_out_on=datetime.date(2026, 2, 5),
            carried_out_by="Independent scrutineer with the youth council",
            findings="Leaders could not say how many children were missing from education in their area.",
        )
        report.count("scrutiny activities", True)
    if not OutcomeMeasure.objects.filter(area=area).exists():
        measure = effectiveness.add_measure(
            admin,
            area,
            name="Re-referrals to children's social care within 12 months",
            description="Share of referrals for a child referred in the previous 12 months",
            unit="%",
            higher_is_better=False,
        )
        for ending, value in (
            (datetime.date(2024, 3, 31), "23.1"),
            (datetime.date(2025, 3, 31), "21.4"),
            (datetime.date(2026, 3, 31), "19.8"),
        ):
            effectiveness.record_value(admin, measure, period_ending=ending, value=Decimal(value))
        effectiveness.record_engagement(
            admin,
            area,
            held_on=datetime.date(2025, 10, 8),
            activity="Workshop with the youth council on online safety",
            participants="14 members of the youth council, aged 12 to 17",
            what_changed="Sextortion was added to the communication plan and to schools' briefings.",
        )
        report.count("outcome measures", True)
    if not StrategicMeeting.objects.filter(area=area).exists():
        police = area.partners.filter(kind="police").first()
        attendance = {org: 1 for org in (council, health, police) if org is not None}
        for held_on in (datetime.date(2026, 1, 14), datetime.date(2026, 4, 15), datetime.date(2026, 7, 15)):
            meetings.record_meeting(
                admin,
                area,
                title="Partners' executive",
                kind="board",
                held_on=held_on,
                hours=Decimal("2.5"),
                attendance=attendance,
            )
        report.count("strategic meetings", True)
    if not YearlyReport.objects.filter(area=area, year=2025).exists():
        yearly = reports.start_report(admin, area, 2025)
        reports.publish_report(_person("lco.council", area.slug), yearly)
        report.count("yearly reports", True)


def _seed_leeds(area, report):
    if ArrangementsVersion.objects.filter(area=area).exists():
        return
    admin = _person("area.admin", area.slug)
    draft = _write_draft(admin, area)
    _sign(area.slug, draft, kinds=("lco.council", "lco.health"))
    report.count("arrangements versions", True)
    _seed_records(area, admin, report)


def _seed_bristol(area, report):
    if ArrangementsVersion.objects.filter(area=area).exists():
        return
    author = _person("area.admin", area.slug)
    _write_draft(author, area, sections={"area-covered", "vision", "coordination", "leadership", "local-inquiry"})
    report.count("arrangements versions", True)


@transaction.atomic
def seed_demo_arrangements(report):
    if not TransitionDeadline.objects.exists():
        national_admin = get_user_model().objects.get(email=f"national.admin@{world.DEMO_EMAIL_DOMAIN}")
        TransitionDeadline.objects.create(deadline=DEMO_DEADLINE, set_by=national_admin, note="Demo deadline")
        report.count("transition deadline", True)
    seeders = {"tees-valley": _seed_tees_valley, "leeds": _seed_leeds, "bristol": _seed_bristol}
    for slug, seed in seeders.items():
        area = SafeguardingArea.objects.filter(slug=slug).first()
        if area is not None:
            seed(area, report)
