"""Child deaths at national volume: about 3,500 deaths a year, each notified by several agencies with the
slips real notifications carry (the linkage generator's names, typos, moved addresses, dates a day out).

A notification with the NHS number of the death's open case joins it at once; one without starts a case of
its own that a panel manager links (a confirmed proposal, the empty case folded in) or, for recent deaths,
has still to decide (a proposed link). Each death's case goes as far as its dates allow: joint agency
response for unexpected deaths, agency reports, a review meeting, the panel's review and, once final, the
pseudonymised national record."""

import datetime
import math

from django.conf import settings

from safeguarding.child_deaths.linkage import blocking, records
from safeguarding.child_deaths.linkage.synthetic import Generator
from safeguarding.child_deaths.models import (
    AgencyReport,
    CaseStatus,
    CaseStatusChange,
    ChildDeathCase,
    JointAgencyResponse,
    LinkageBlockingKey,
    LinkCandidate,
    NationalRecord,
    Notification,
    PanelReview,
    ReviewMeeting,
)
from safeguarding.child_deaths.models.vocabulary import (
    Category,
    EthnicityGroup,
    Expectation,
    Modifiable,
    NotifyingAgency,
    PlaceOfDeath,
    band_for,
    completed_years,
)
from safeguarding.core import audit
from safeguarding.core.identity.models import ChildIdentity
from safeguarding.organisations.models import Role

from .bulk import dated_as_given, field, insert, model_target, moment
from .identities import sealed_identity, test_range_nhs_number

DEATHS_PER_YEAR = 3500
WITH_NHS_NUMBER = 0.85
MEDIAN_DAYS_TO_CLOSE = 240
AGENCIES = [a for a in NotifyingAgency.values if a != NotifyingAgency.OTHER]


def _steps(rng, died, unexpected, today):
    """[(day, from, to)] of the case, stopped at today."""
    notified = died + datetime.timedelta(days=rng.randint(0, 2))
    close = died + datetime.timedelta(days=int(rng.lognormvariate(math.log(MEDIAN_DAYS_TO_CLOSE), 0.4)))
    plan = [(notified, "", CaseStatus.NOTIFIED)]
    last = CaseStatus.NOTIFIED
    if unexpected:
        plan.append((notified + datetime.timedelta(days=1), last, CaseStatus.JOINT_AGENCY_RESPONSE))
        last = CaseStatus.JOINT_AGENCY_RESPONSE
    gathering = notified + datetime.timedelta(days=rng.randint(5, 20))
    plan.append((gathering, last, CaseStatus.GATHERING_INFORMATION))
    last = CaseStatus.GATHERING_INFORMATION
    if unexpected:
        meeting = gathering + (close - gathering) / 2
        plan.append((meeting, last, CaseStatus.REVIEW_MEETING))
        last = CaseStatus.REVIEW_MEETING
    panel = close - datetime.timedelta(days=rng.randint(10, 40))
    plan += [
        (max(panel, plan[-1][0]), last, CaseStatus.PANEL_REVIEW),
        (close, CaseStatus.PANEL_REVIEW, CaseStatus.CLOSED),
    ]
    return [step for step in plan if step[0] <= today], notified


def seed_child_deaths(world, trail, *, years, today, rng, scale=1.0):
    generator = Generator(seed=rng.randrange(1 << 30))
    deaths = max(len(world.areas), round(DEATHS_PER_YEAR * years * scale))
    first = today - datetime.timedelta(days=round(365.25 * years))
    span = (today - first).days - 1
    system = audit.Actor.system("child-death-notification")
    cases, notifications, identities, plans = [], [], [], []
    for _ in range(deaths):
        death = generator.death(first, span)
        national = rng.choice(world.areas)
        unexpected = rng.random() < 0.35
        steps, notified = _steps(rng, death["date_of_death"], unexpected, today)
        born = min(death["date_of_birth"], death["date_of_death"])
        nhs = test_range_nhs_number(rng)
        times = int(generator.rng.choice(generator.counts[0], p=generator.counts[1]))
        accounts = [generator.notification(death) for _ in range(times)]
        plan = {
            "national": national,
            "steps": steps,
            "notified": notified,
            "unexpected": unexpected,
            "born": born,
            "death": death,
            "accounts": accounts,
            "nhs": nhs,
        }
        plans.append(plan)
        case = ChildDeathCase(
            reference=f"CD-NEW-{len(cases)}",
            area=national.area,
            panel=national.panel,
            place_of_death_area=national.area,
            place_of_death=PlaceOfDeath.HOSPITAL if rng.random() < 0.8 else PlaceOfDeath.HOME,
            date_of_death=death["date_of_death"],
            age_days=(death["date_of_death"] - born).days,
            age_years=completed_years(born, death["date_of_death"]),
            age_band=band_for(born, death["date_of_death"]),
            sex=death["sex"],
            ethnicity_group=rng.choice(EthnicityGroup.values),
            expectation=Expectation.UNEXPECTED if unexpected else Expectation.EXPECTED,
            circumstances="What the notifying agencies were told of the circumstances.",
            status=steps[-1][2],
            notified_on=notified,
            national_database_informed_on=notified + datetime.timedelta(days=1) if len(steps) > 1 else None,
            category=rng.choice(Category.values) if steps[-1][2] == CaseStatus.CLOSED else "",
            created_at=moment(notified, 9),
            updated_at=moment(steps[-1][0], 15),
        )
        plan["case"] = case
        cases.append(case)
    # Each death's notifications: the first starts the case; later ones join by NHS number or wait for a link.
    merged = []
    for plan in plans:
        case, national = plan["case"], plan["national"]
        for number, account in enumerate(plan["accounts"]):
            nhs = plan["nhs"] if number == 0 or rng.random() < WITH_NHS_NUMBER else None
            details = {**account, "address": account["address"]}
            identity = sealed_identity(national.area, details, nhs)
            identities.append(identity)
            received = moment(plan["notified"] + datetime.timedelta(days=min(number, 6)), 8 + number)
            own_case = case
            if number and nhs is None:
                own_case = ChildDeathCase(
                    **{
                        f.attname: getattr(case, f.attname)
                        for f in ChildDeathCase._meta.concrete_fields
                        if f.attname != "id"
                    }
                )
                own_case.reference = f"CD-NEW-{len(cases) + len(merged)}"
                own_case.status = CaseStatus.NOTIFIED
                own_case.category, own_case.national_database_informed_on = "", None
                own_case.created_at = own_case.updated_at = received
                merged.append((own_case, plan, received))
            notifications.append(
                (
                    Notification(
                        case=case,
                        first_case=own_case,
                        child=identity,
                        area=national.area,
                        place_of_death_area=national.area,
                        agency=rng.choice(AGENCIES),
                        notifier_name="A notifier",
                        notifier_role="Designated professional",
                        notifier_contact="notifier@agency.example",
                        notified_by=rng.choice(national.people[Role.PANEL_MEMBER]),
                        date_of_death=account["date_of_death"],
                        place_of_death=case.place_of_death,
                        sex=account["sex"],
                        ethnicity_group=case.ethnicity_group,
                        expectation=case.expectation,
                        circumstances=case.circumstances,
                        link_method=(
                            Notification.LinkMethod.NEW_CASE
                            if number == 0
                            else Notification.LinkMethod.NHS_NUMBER
                            if nhs
                            else Notification.LinkMethod.CONFIRMED
                        ),
                        received_at=received,
                    ),
                    account,
                    plan,
                )
            )
    insert(ChildIdentity, identities)
    for (notification, _account, _plan), identity in zip(notifications, identities, strict=True):
        notification.child = identity
    by_plan = {}
    for notification, _account, plan in notifications:
        by_plan.setdefault(id(plan), notification.child)
    for plan in plans:
        plan["case"].child = by_plan[id(plan)]
    # A case left for a link to be decided keeps its own notification; a linked one is folded in.
    pending = {}
    for notification, _account, plan in notifications:
        if notification.first_case is not plan["case"]:
            notification.first_case.child = notification.child
            recent = (plan["steps"][-1][2] != CaseStatus.CLOSED) and (today - plan["notified"]).days < 30
            if recent:
                notification.case = notification.first_case
                notification.link_method = Notification.LinkMethod.NEW_CASE
                pending[id(notification)] = True
            else:
                notification.first_case.status = CaseStatus.MERGED
                notification.first_case.merge_target = plan["case"]  # set once both cases have keys
    every_case = cases + [own for own, _plan, _received in merged]
    with dated_as_given(field(ChildDeathCase, "created_at"), field(ChildDeathCase, "updated_at")):
        insert(ChildDeathCase, every_case)
        for case in every_case:
            case.reference = f"CD-{case.date_of_death.year}-{case.pk:05d}"
        ChildDeathCase.objects.bulk_update(every_case, ["reference"], batch_size=1000)
    for own, _plan, _received in merged:
        if getattr(own, "merge_target", None) is not None:
            own.merged_into = own.merge_target
    ChildDeathCase.objects.bulk_update(
        [own for own, _p, _r in merged if own.merged_into_id], ["merged_into"], batch_size=1000
    )
    with dated_as_given(field(Notification, "received_at")):
        insert(Notification, [n for n, _a, _p in notifications])
    counts = {
        "child death cases": len(cases),
        "cases folded into another": sum(1 for o, _p, _r in merged if o.merged_into_id),
        "child death notifications": len(notifications),
    }
    counts |= _links(notifications, pending, trail)
    counts |= _history(plans, merged, trail)
    counts |= _casework(plans, rng, trail, today)
    counts |= _blocking_keys(notifications)
    for notification, _account, plan in notifications:
        trail.add(
            system,
            "child_death.notified",
            model_target(notification.case),
            {"notification": notification.pk},
            when=notification.received_at,
            area=plan["national"].area,
        )
    return counts


def _links(notifications, pending, trail):
    rows = []
    for notification, _account, plan in notifications:
        if notification.first_case is plan["case"]:
            continue
        manager = plan["national"].people[Role.PANEL_MANAGER][0]
        decided = id(notification) not in pending
        rows.append(
            LinkCandidate(
                notification=notification,
                case=plan["case"],
                from_case=notification.first_case if decided else None,
                method=LinkCandidate.Method.SCORE,
                score=18.0,
                probability=0.9996,
                reasons={},
                decision=LinkCandidate.Decision.CONFIRMED if decided else LinkCandidate.Decision.PROPOSED,
                decided_by=manager if decided else None,
                decided_at=notification.received_at + datetime.timedelta(days=2) if decided else None,
                created_at=notification.received_at,
            )
        )
        if decided:
            trail.add(
                audit.Actor.person(manager, organisation=plan["national"].health, role=Role.PANEL_MANAGER),
                "child_death.link.confirmed",
                model_target(plan["case"]),
                {"notification": notification.pk},
                when=notification.received_at + datetime.timedelta(days=2),
                area=plan["national"].area,
            )
    with dated_as_given(field(LinkCandidate, "created_at")):
        insert(LinkCandidate, rows)
    return {"links proposed": len(pending), "links confirmed": len(rows) - len(pending)}


def _history(plans, merged, trail):
    rows = []
    for plan in plans:
        manager = plan["national"].people[Role.PANEL_MANAGER][0]
        for day, frm, to in plan["steps"]:
            rows.append(
                CaseStatusChange(
                    case=plan["case"],
                    from_state=frm,
                    to_state=to,
                    changed_by=manager,
                    changed_at=moment(day, 13),
                    reason="",
                )
            )
    for own, plan, received in merged:
        rows.append(
            CaseStatusChange(
                case=own, from_state="", to_state=CaseStatus.NOTIFIED, changed_at=received, reason="Death notified"
            )
        )
        if own.merged_into_id:
            rows.append(
                CaseStatusChange(
                    case=own,
                    from_state=CaseStatus.NOTIFIED,
                    to_state=CaseStatus.MERGED,
                    changed_by=plan["national"].people[Role.PANEL_MANAGER][0],
                    changed_at=received + datetime.timedelta(days=2),
                    reason=f"Linked into {plan['case'].reference}",
                )
            )
    with dated_as_given(field(CaseStatusChange, "changed_at")):
        insert(CaseStatusChange, rows)
    return {"child death status changes": len(rows)}


def _casework(plans, rng, trail, today):
    responses, reports, meetings, reviews, national_records = [], [], [], [], []
    for plan in plans:
        case, national, reached = plan["case"], plan["national"], {to: day for day, _f, to in plan["steps"]}
        manager = national.people[Role.PANEL_MANAGER][0]
        if CaseStatus.JOINT_AGENCY_RESPONSE in reached:
            started = reached[CaseStatus.JOINT_AGENCY_RESPONSE]
            responses.append(
                JointAgencyResponse(
                    case=case,
                    police_lead="Detective Inspector",
                    health_lead="Paediatrician",
                    home_visit_on=started,
                    started_on=started,
                    started_by=manager,
                )
            )
        if CaseStatus.GATHERING_INFORMATION in reached:
            asked = reached[CaseStatus.GATHERING_INFORMATION]
            for organisation in (national.local_authority, national.health):
                answered = asked + datetime.timedelta(days=rng.randint(10, 60))
                done = answered <= today
                reports.append(
                    AgencyReport(
                        case=case,
                        organisation=organisation,
                        requested_on=asked,
                        requested_by=manager,
                        answers={"involvement": "Known to the service."} if done else {},
                        submitted_on=answered if done else None,
                    )
                )
        if CaseStatus.REVIEW_MEETING in reached:
            meetings.append(
                ReviewMeeting(
                    case=case,
                    held_on=reached[CaseStatus.REVIEW_MEETING],
                    attendance="Paediatrician",
                    chronology="The chronology.",
                    discussion="The discussion.",
                    draft_analysis="The draft analysis.",
                    recorded_by=manager,
                )
            )
        if CaseStatus.PANEL_REVIEW in reached:
            closed = reached.get(CaseStatus.CLOSED)
            modifiable = rng.choice(Modifiable.values) if closed else ""
            review = PanelReview(
                case=case,
                reviewed_on=closed,
                category=case.category,
                modifiable=modifiable,
                learning_points="What the panel learnt." if closed else "",
                final=bool(closed),
                finalised_by=manager if closed else None,
            )
            reviews.append(review)
            if closed:
                months = (closed.year - case.date_of_death.year) * 12 + closed.month - case.date_of_death.month
                months -= closed.day < case.date_of_death.day
                national_records.append(
                    NationalRecord(
                        case=case,
                        area=case.area,
                        panel_name=case.panel.name if case.panel else "",
                        pseudonym=case.child.pseudonym,
                        year_of_death=case.date_of_death.year,
                        month_of_death=case.date_of_death.month,
                        age_band=case.age_band,
                        sex=case.sex,
                        ethnicity_group=case.ethnicity_group,
                        expectation=case.expectation,
                        place_of_death=case.place_of_death,
                        category=case.category,
                        modifiable=modifiable,
                        modifiable_domains=[],
                        review_months=max(months, 0),
                        ready_at=moment(closed, 17),
                    )
                )
                trail.add(
                    audit.Actor.person(manager, organisation=national.health, role=Role.PANEL_MANAGER),
                    "child_death.review.finalised",
                    model_target(case),
                    {"category": case.category},
                    when=moment(closed, 17),
                    area=case.area,
                )
    insert(JointAgencyResponse, responses)
    insert(AgencyReport, reports)
    insert(ReviewMeeting, meetings)
    insert(PanelReview, reviews)
    with dated_as_given(field(NationalRecord, "ready_at")):
        insert(NationalRecord, national_records)
    return {
        "joint agency responses": len(responses),
        "agency reports": len(reports),
        "review meetings": len(meetings),
        "panel reviews": len(reviews),
        "national records": len(national_records),
    }


def _blocking_keys(notifications):
    """The keyed hashes later notifications are compared on (as index_many stores them on arrival)."""
    rows = []
    for notification, account, _plan in notifications:
        record = records.prepare(notification.pk, **account)
        for rule, key in blocking.keys(record, settings.LINKAGE_HMAC_KEY).items():
            rows.append(LinkageBlockingKey(notification_id=notification.pk, rule=rule, key=key))
        if len(rows) > 20_000:
            insert(LinkageBlockingKey, rows)
            rows = []
    insert(LinkageBlockingKey, rows)
    return {"linkage blocking keys": LinkageBlockingKey.objects.count()}
