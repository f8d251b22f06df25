"""Demo national inquiries, made through the real actions by the demo national analyst and administrator:
one from the demo rapid inquiry referral (under way, with an independent team), one from an open recurrence
alert (awaiting the decision), one declined and one published into the national repository.

Seeding twice creates nothing new: each demo inquiry is found by its title (or its referral) first.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from safeguarding.demo import world
from safeguarding.incidents.models import Incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.intelligence.models import AlertStatus, RecurrenceAlert
from safeguarding.organisations.models import Role, SafeguardingArea

from .actions import decision, proposal, report, setup
from .models import InquirySource, NationalInquiry
from .models.inquiry import Decision

DECLINED_TITLE = "Deaths of babies in unsafe sleep with parents who had used alcohol"
PUBLISHED_TITLE = "Adult males unknown to agencies in the homes of harmed babies"


def _national_person(role):
    person = next(p for p in world.NATIONAL_PEOPLE if p.role == role)
    return get_user_model().objects.filter(email=world.demo_email(person)).first()


def _areas(*slugs):
    return list(SafeguardingArea.objects.filter(slug__in=slugs).order_by("name"))


def _appoint_team(administrator, inquiry, on):
    """The set-up with the first eligible reviewers of the demo register; None if nobody is eligible."""
    eligible, _excluded = setup.team_choices(inquiry, on=on)
    if not eligible:
        return None
    return setup.save_set_up(
        administrator,
        inquiry,
        inquiry.version,
        terms_of_reference=(
            "1. How did agencies in each area understand the risks to the children as they moved between areas?\n"
            "2. How did police forces, children's social care and youth justice share what they knew?\n"
            "3. What national guidance, systems or funding would help areas act together?"
        ),
        methodology_notes="A systems review across the areas, with practitioner learning events in each.",
        lead_reviewer=eligible[0],
        members=eligible[1:2],
        today=on,
    )


def _from_referral(analyst, administrator, today, seed_report):
    if NationalInquiry.objects.filter(source=InquirySource.REFERRAL).exists():
        seed_report.count("national inquiries", False)
        return
    incident = Incident.objects.filter(status=IncidentStatus.REFERRED_NSCI).order_by("pk").first()
    if incident is None:
        return
    seed_report.count("national inquiries", True)
    proposed_on = today - datetime.timedelta(days=40)
    areas = [incident.area, *_areas("tees-valley", "bristol")]
    inquiry = proposal.propose(
        analyst,
        source=InquirySource.REFERRAL,
        incident=incident,
        title="Children from one city exploited on a county drugs line",
        summary_of_concern=(
            f"{incident.area.name} referred {incident.reference}: the third child from the city seriously harmed on "
            "the same drugs line within 12 months, across three police forces."
        ),
        areas=areas,
        today=proposed_on,
    )
    decided_on = proposed_on + datetime.timedelta(days=21)
    decision.assess(
        administrator,
        inquiry,
        inquiry.version,
        answers={
            "crosses_boundaries": (True, "Three safeguarding areas and three police forces"),
            "trafficking": (True, "Children moved across the country to sell drugs"),
            "gravity": (True, "A child stabbed; two others seriously harmed"),
        },
        today=decided_on,
    )
    decision.decide(
        administrator,
        inquiry,
        inquiry.version,
        decision=Decision.ACCEPT,
        reasons="The pattern crosses areas and forces: no one area can learn from it alone.",
        today=decided_on,
    )
    set_up_on = decided_on + datetime.timedelta(days=14)
    if _appoint_team(administrator, inquiry, set_up_on) is None:
        return
    setup.start(administrator, inquiry, inquiry.version)
    report.add_progress_note(
        administrator,
        inquiry,
        noted_on=min(set_up_on + datetime.timedelta(days=3), today),
        text="The team met the three partnerships' leads and agreed how practitioners will take part.",
        today=today,
    )


def _from_alert(analyst, today, seed_report):
    # One demo proposal from an alert, whichever alert is open first when the demo is seeded.
    if NationalInquiry.objects.filter(source=InquirySource.RECURRENCE_ALERT).exists():
        seed_report.count("national inquiries", False)
        return
    alert = RecurrenceAlert.objects.filter(status=AlertStatus.OPEN).select_related("theme").first()
    if alert is None:
        return
    seed_report.count("national inquiries", True)
    area_ids = {entry.area_id for entry in alert.entries.all() if entry.area_id}
    areas = list(SafeguardingArea.objects.filter(pk__in=area_ids)) or _areas("tees-valley", "leeds", "bristol")
    proposal.propose(
        analyst,
        source=InquirySource.RECURRENCE_ALERT,
        recurrence_alert=alert,
        title=f"Recurring learning: {alert.theme.name}",
        summary_of_concern=(
            f"{alert.theme.name} appears in {alert.report_count} published reports from {alert.area_count} areas "
            f"between {alert.window_start:%-d %B %Y} and {alert.window_end:%-d %B %Y}."
        ),
        areas=areas,
        themes=[alert.theme],
        today=today - datetime.timedelta(days=6),
    )


def _declined(analyst, administrator, today, seed_report):
    exists = NationalInquiry.objects.filter(title=DECLINED_TITLE).exists()
    seed_report.count("national inquiries", not exists)
    if exists:
        return
    proposed_on = today - datetime.timedelta(days=90)
    inquiry = proposal.propose(
        analyst,
        source=InquirySource.ANALYST,
        title=DECLINED_TITLE,
        summary_of_concern="Two areas report infant deaths in unsafe sleep after parental drinking at weekends.",
        areas=_areas("leeds", "bristol"),
        today=proposed_on,
    )
    decided_on = proposed_on + datetime.timedelta(days=18)
    decision.assess(
        administrator,
        inquiry,
        inquiry.version,
        answers={"crosses_boundaries": (True, "Two areas")},
        today=decided_on,
    )
    decision.decide(
        administrator,
        inquiry,
        inquiry.version,
        decision=Decision.DECLINE,
        reasons=(
            "The learning is already well known and national safer-sleep guidance covers it; the areas' own "
            "inquiries are the right place to test how it is applied locally."
        ),
        today=decided_on,
    )


def _published(analyst, administrator, today, seed_report):
    exists = NationalInquiry.objects.filter(title=PUBLISHED_TITLE).exists()
    seed_report.count("national inquiries", not exists)
    if exists:
        return
    proposed_on = today - datetime.timedelta(days=430)
    inquiry = proposal.propose(
        analyst,
        source=InquirySource.ANALYST,
        title=PUBLISHED_TITLE,
        summary_of_concern=(
            "Reports from several areas find that a mother's new partner or another man in the home was unknown "
            "to the agencies working with a baby who was later seriously harmed."
        ),
        areas=_areas("tees-valley", "leeds", "bristol"),
        today=proposed_on,
    )
    decided_on = proposed_on + datetime.timedelta(days=20)
    decision.assess(
        administrator,
        inquiry,
        inquiry.version,
        answers={
            "crosses_boundaries": (True, "Three areas and their partners"),
            "recurring": (True, "The same finding in reports from each of the three areas"),
        },
        today=decided_on,
    )
    decision.decide(
        administrator,
        inquiry,
        inquiry.version,
        decision=Decision.ACCEPT,
        reasons="A recurring national pattern that guidance, not one area, must answer.",
        today=decided_on,
    )
    set_up_on = decided_on + datetime.timedelta(days=30)
    if _appoint_team(administrator, inquiry, set_up_on) is None:
        return
    setup.start(administrator, inquiry, inquiry.version)
    report.add_progress_note(
        administrator,
        inquiry,
        noted_on=set_up_on + datetime.timedelta(days=60),
        text="Practitioner learning events held in all three areas.",
        today=today,
    )
    report.save_summary(
        administrator,
        inquiry,
        inquiry.version,
        summary=(
            "In every case the agencies knew the mother well and the baby's father or her new partner hardly at "
            "all. Assessments asked about the mother; nobody asked who else lived in or visited the home."
        ),
    )
    report.add_finding(
        administrator,
        inquiry,
        what_happened="Assessments recorded the mother's history but not the men in the household.",
        why="Assessment tools and templates prompt for the mother and the child only.",
    )
    report.add_finding(
        administrator,
        inquiry,
        what_happened="Police information about a partner's violence did not reach health visitors.",
        why="No routine way for police to tell health services about a new adult in a baby's home.",
    )
    report.add_recommendation(
        administrator,
        inquiry,
        text="Revise the national assessment framework to require every adult in the household to be assessed.",
        addressee="Department for Education",
    )
    report.add_recommendation(
        administrator,
        inquiry,
        text="Agree a national protocol for police to share information about new adults in a baby's home.",
        addressee="Home Office",
    )
    report.mark_drafted(administrator, inquiry, inquiry.version, today=set_up_on + datetime.timedelta(days=300))
    report.publish(administrator, inquiry, inquiry.version, today=set_up_on + datetime.timedelta(days=330))


def seed_demo_nsci(seed_report):
    """The demo inquiries; `seed_report.count("national inquiries", created)` for each."""
    analyst = _national_person(Role.NATIONAL_ANALYST)
    administrator = _national_person(Role.NATIONAL_ADMINISTRATOR)
    if analyst is None or administrator is None:
        return seed_report
    today = timezone.localdate()
    for seed in (_published, _declined):
        with transaction.atomic():
            seed(analyst, administrator, today, seed_report)
    with transaction.atomic():
        _from_referral(analyst, administrator, today, seed_report)
    with transaction.atomic():
        _from_alert(analyst, today, seed_report)
    return seed_report
