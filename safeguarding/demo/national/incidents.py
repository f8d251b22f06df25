"""Serious incident notifications over the years, each carried as far along its journey as its dates allow
by today: notified, rapid inquiry with agency summaries and three sign-offs, then no further review, a
national referral, or a local learning inquiry with findings, recommendations, actions, a report that is
published and sent to the national body. Every state has cases, old and recent, on time and late."""

import datetime
from dataclasses import dataclass, field

from safeguarding.core import audit
from safeguarding.incidents import choices
from safeguarding.incidents.clocks import refresh_stored_clocks
from safeguarding.incidents.models import (
    Action,
    ActionStatus,
    AgencySummaryRequest,
    Decision,
    DecisionSignOff,
    Finding,
    FindingKind,
    Incident,
    IncidentStatusChange,
    JourneyStage,
    LearningReport,
    LocalLearningInquiry,
    Methodology,
    NationalSubmission,
    RapidInquiry,
    Recommendation,
)
from safeguarding.incidents.states import IncidentStatus as S
from safeguarding.learning.repository.synthetic import generate_corpus
from safeguarding.organisations.models import Role

from .bulk import dated_as_given, insert, model_target, moment
from .bulk import field as model_field
from .identities import sealed_identity, test_range_nhs_number

INCIDENTS_PER_YEAR = 450
DECISIONS = ((Decision.NO_FURTHER_REVIEW, 0.55), (Decision.LLI, 0.42), (Decision.REFER_NSCI, 0.03))
PARTNER_KINDS = ("local_authority", "health", "police")


@dataclass
class Journey:
    """The day each step happened (None: not reached by today)."""

    aware: datetime.date
    submitted: datetime.date | None = None
    started: datetime.date | None = None
    decided: datetime.date | None = None
    decision: str = ""
    findings: datetime.date | None = None
    drafted: datetime.date | None = None
    published: datetime.date | None = None
    sent: datetime.date | None = None
    steps: list = field(default_factory=list)  # [(day, from, to, reason)]

    @property
    def status(self):
        return self.steps[-1][2] if self.steps else S.DRAFT


def _journey(rng, aware, today):
    """The steps of one case from the day the area became aware of it, stopped at today."""
    journey = Journey(aware)
    slow = rng.random() < 0.15  # a late case: every step takes about twice as long

    def later(day, low, high):
        return day + datetime.timedelta(days=rng.randint(low, high) * (2 if slow else 1))

    plan = [("submitted", S.DRAFT, S.SUBMITTED, later(aware, 1, 7), "Notified")]
    started = later(plan[0][3], 0, 3)
    plan.append(("started", S.SUBMITTED, S.RAPID_INQUIRY, started, "Rapid inquiry started"))
    decided = later(started, 12, 24)
    decision = rng.choices([d for d, _ in DECISIONS], [w for _, w in DECISIONS])[0]
    ending = {
        Decision.NO_FURTHER_REVIEW: S.NO_FURTHER_REVIEW,
        Decision.REFER_NSCI: S.REFERRED_NSCI,
        Decision.LLI: S.LLI,
    }
    plan.append(("decided", S.RAPID_INQUIRY, ending[decision], decided, "Decision signed off by all three partners"))
    if decision == Decision.LLI:
        findings = later(decided, 25, 60)
        drafted = later(findings, 30, 70)
        published = later(drafted, 10, 30)
        plan += [
            ("findings", S.LLI, S.FINDINGS, findings, "Findings begun"),
            ("drafted", S.FINDINGS, S.REPORT_DRAFTED, drafted, "Report drafted"),
            ("published", S.REPORT_DRAFTED, S.PUBLISHED, published, "Published"),
        ]
        if rng.random() < 0.9:
            plan.append(
                ("sent", S.PUBLISHED, S.SUBMITTED_NATIONAL, later(published, 3, 20), "Sent to the national body")
            )
    journey.decision = decision
    for name, frm, to, day, reason in plan:
        if day > today:
            break
        setattr(journey, name, day)
        journey.steps.append((day, frm, to, reason))
    if journey.decided is None:
        journey.decision = ""
    return journey


@dataclass
class Built:
    incident: Incident
    journey: Journey
    area: object
    source: object = None  # the synthetic report whose words its findings use


def seed_incidents(world, trail, *, years, today, rng, scale=1.0):
    """Returns [(incident, journey)] of every case made, and a count of each kind of row."""
    count = max(len(world.areas), round(INCIDENTS_PER_YEAR * years * scale))
    first = today - datetime.timedelta(days=round(365.25 * years))
    span = (today - first).days
    corpus = generate_corpus(reports=64, seed=19)  # the words of summaries, findings and recommendations
    methodologies = list(Methodology.objects.filter(is_active=True))
    built, identities = [], []
    for _ in range(count):
        national = rng.choice(world.areas)
        journey = _journey(rng, first + datetime.timedelta(days=rng.randrange(span)), today)
        age = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 11, 13, 14, 15, 16, 17])
        identities.append(
            sealed_identity(national.area, {"given_names": "", "family_name": ""}, test_range_nhs_number(rng))
        )
        practitioner = rng.choice(national.people[Role.PRACTITIONER])
        report = rng.choice(corpus).incoming
        built.append(
            Built(
                Incident(
                    area=national.area,
                    status=journey.status,
                    started_by=practitioner,
                    started_by_organisation=national.local_authority,
                    created_at=moment(journey.aware, 9),
                    updated_at=moment(journey.steps[-1][0] if journey.steps else journey.aware, 16),
                    abuse_or_neglect=rng.choice(choices.AbuseOrNeglect.values[:2]),
                    where_harmed=choices.WhereHarmed.IN_AREA,
                    incident_date=journey.aware - datetime.timedelta(days=rng.randint(0, 5)),
                    aware_date=journey.aware,
                    harm=report.harm or choices.Harm.SERIOUS_HARM,
                    harm_kinds=report.harm_kinds or [choices.HarmKind.NEGLECT],
                    summary=report.summary,
                    child_age_years=age,
                    child_sex=rng.choice(choices.Sex.values[:2]),
                    child_ethnicity=rng.choice(choices.Ethnicity.values),
                    child_disability=rng.choice(choices.Disability.values),
                    child_status=rng.choice(choices.ChildStatus.values),
                    submitted_at=moment(journey.submitted, 11) if journey.submitted else None,
                    submitted_by=practitioner if journey.submitted else None,
                    decided_on=journey.decided,
                    lli_completed_on=journey.drafted,
                    published_on=journey.published,
                ),
                journey,
                national,
            )
        )
    insert(type(identities[0]), identities)
    for item, identity in zip(built, identities, strict=True):
        item.incident.child = identity
    with dated_as_given(model_field(Incident, "created_at"), model_field(Incident, "updated_at")):
        insert(Incident, [item.incident for item in built])
    counts = {"serious incident notifications": len(built)}
    counts |= _history(built, trail)
    counts |= _rapid_inquiries(built, trail, rng)
    counts |= _learning(built, trail, rng, corpus, methodologies)
    refresh_stored_clocks(Incident.objects.filter(pk__in=[item.incident.pk for item in built]))
    return built, counts


def _actor(user, organisation, role):
    return audit.Actor.person(user, organisation=organisation, role=role)


def _history(built, trail):
    rows = []
    verbs = {
        S.SUBMITTED: "incident.notified",
        S.RAPID_INQUIRY: "incident.rapid_inquiry_started",
        S.LLI: "incident.decision_final",
        S.NO_FURTHER_REVIEW: "incident.decision_final",
        S.REFERRED_NSCI: "incident.decision_final",
        S.FINDINGS: "incident.findings_begun",
        S.REPORT_DRAFTED: "incident.report_completed",
        S.PUBLISHED: "incident.published",
        S.SUBMITTED_NATIONAL: "incident.submitted_to_national_body",
    }
    for item in built:
        incident, national = item.incident, item.area
        trail.add(
            _actor(incident.started_by, national.local_authority, Role.PRACTITIONER),
            "incident.draft_started",
            model_target(incident),
            when=incident.created_at,
            area=incident.area,
        )
        for day, frm, to, reason in item.journey.steps:
            who = incident.started_by if to == S.SUBMITTED else national.people[Role.RAPID_INQUIRY_LEAD][0]
            rows.append(
                IncidentStatusChange(
                    case=incident,
                    from_state=frm,
                    to_state=to,
                    changed_by=who,
                    changed_at=moment(day, 12),
                    reason=reason,
                )
            )
            trail.add(
                _actor(who, national.local_authority, ""),
                verbs[to],
                model_target(incident),
                {"status": to},
                when=moment(day, 12),
                area=incident.area,
            )
    with dated_as_given(model_field(IncidentStatusChange, "changed_at")):
        insert(IncidentStatusChange, rows)
    return {"incident status changes": len(rows)}


def _rapid_inquiries(built, trail, rng):
    inquiries, requests, sign_offs = [], [], []
    for item in built:
        journey, incident, national = item.journey, item.incident, item.area
        if not journey.started:
            continue
        lead = rng.choice(national.people[Role.RAPID_INQUIRY_LEAD])
        inquiries.append(
            RapidInquiry(
                incident=incident,
                lead=lead,
                started_on=journey.started,
                initial_assessment="The partners' initial assessment of what happened and what it shows.",
                decision=journey.decision,
                decision_reasons="The partners' reasons for the decision." if journey.decision else "",
                national_summary=incident.summary if journey.decision == Decision.NO_FURTHER_REVIEW else "",
            )
        )
        for kind in PARTNER_KINDS:
            due = journey.started + datetime.timedelta(days=14)
            received = journey.started + datetime.timedelta(days=rng.randint(3, 20))
            requests.append(
                AgencySummaryRequest(
                    incident=incident,
                    organisation=national.partner(kind),
                    requested_on=journey.started,
                    due_on=due,
                    received_on=received if received <= (journey.decided or received) else None,
                    summary="What the agency knew and did." if journey.decided else "",
                )
            )
        if journey.decided:
            for number, kind in enumerate(PARTNER_KINDS):
                officer = national.people[Role.LEAD_CHIEF_OFFICER][number]
                sign_offs.append(
                    DecisionSignOff(
                        incident=incident,
                        signed_by=officer,
                        organisation=national.partner(kind),
                        partner_kind=kind,
                        decision_version=1,
                        signed_at=moment(journey.decided, 10),
                    )
                )
                trail.add(
                    _actor(officer, national.partner(kind), Role.LEAD_CHIEF_OFFICER),
                    "incident.decision_signed_off",
                    model_target(incident),
                    {"partner": kind},
                    when=moment(journey.decided, 10),
                    area=incident.area,
                )
    insert(RapidInquiry, inquiries)
    insert(AgencySummaryRequest, requests)
    with dated_as_given(model_field(DecisionSignOff, "signed_at")):
        insert(DecisionSignOff, sign_offs)
    return {"rapid inquiries": len(inquiries), "agency summary requests": len(requests), "sign-offs": len(sign_offs)}


def _learning(built, trail, rng, corpus, methodologies):
    inquiries, findings, reports = [], [], []
    for item in built:
        journey, incident, national = item.journey, item.incident, item.area
        if journey.decision != Decision.LLI:
            continue
        inquiries.append(
            LocalLearningInquiry(
                incident=incident,
                terms_of_reference="What the inquiry will look at, and why.",
                methodology=rng.choice(methodologies),
                lead_reviewer=rng.choice(national.people[Role.REVIEWER]),
            )
        )
        if not journey.findings:
            continue
        item.source = rng.choice(corpus)
        source = item.source.incoming
        for position, found in enumerate(source.findings[:4]):
            findings.append(
                (
                    item,
                    Finding(
                        incident=incident,
                        what_happened=found.what_happened,
                        why=found.why or "Not recorded",
                        journey_stage=rng.choice(JourneyStage.values),
                        kind=FindingKind.PROBLEM if position else FindingKind.GOOD_PRACTICE,
                        created_at=moment(journey.findings, 14),
                    ),
                    source,
                )
            )
        if journey.drafted:
            reports.append(
                LearningReport(
                    incident=incident,
                    title=source.title,
                    summary=source.summary,
                    background="The family and the services.",
                    methodology_used="As set out in the terms of reference.",
                    what_went_well="Good practice found.",
                    learning="\n".join(f.what_happened for f in source.findings),
                    published_sections={"summary": source.summary} if journey.published else {},
                    publication_decision="Published in full, redacted." if journey.published else "",
                    national_submission=NationalSubmission.SUBMITTED
                    if journey.sent
                    else NationalSubmission.NOT_SUBMITTED,
                    submitted_on=journey.sent,
                    updated_by=national.people[Role.REVIEWER][0],
                    updated_at=moment(journey.published or journey.drafted, 15),
                )
            )
    insert(LocalLearningInquiry, inquiries)
    with dated_as_given(model_field(Finding, "created_at")):
        insert(Finding, [finding for _item, finding, _source in findings])
    recommendations, recommendation_sources = [], []
    for item, finding, source in findings:
        if finding.kind != FindingKind.PROBLEM:
            continue
        text = source.recommendations[0].text if source.recommendations else "Partners should review practice."
        recommendations.append(
            Recommendation(
                incident=item.incident,
                finding=finding,
                addressee=item.area.local_authority,
                change=text,
                outcome="Audit shows the change in practice.",
                due_on=item.journey.findings + datetime.timedelta(days=240),
                created_at=moment(item.journey.findings, 15),
            )
        )
        recommendation_sources.append(item)
        trail.add(
            _actor(item.area.people[Role.REVIEWER][0], item.area.agency, Role.REVIEWER),
            "incident.finding_added",
            model_target(finding),
            when=moment(item.journey.findings, 14),
            area=item.incident.area,
        )
    with dated_as_given(model_field(Recommendation, "created_at")):
        insert(Recommendation, recommendations)
    actions = []
    for recommendation, item in zip(recommendations, recommendation_sources, strict=True):
        if not item.journey.published:
            continue
        due = item.journey.published + datetime.timedelta(days=rng.randint(60, 400))
        actions.append(
            Action(
                recommendation=recommendation,
                description="Put the recommendation into practice.",
                owner="Head of safeguarding",
                due_on=due,
                status=ActionStatus.DONE if rng.random() < 0.6 else rng.choice(ActionStatus.values[:2]),
                updated_by=item.area.people[Role.AREA_ADMINISTRATOR][0],
                updated_at=moment(item.journey.published, 16),
            )
        )
    with dated_as_given(model_field(Action, "updated_at")):
        insert(Action, actions)
    with dated_as_given(model_field(LearningReport, "updated_at")):
        insert(LearningReport, reports)
    return {
        "local learning inquiries": len(inquiries),
        "findings": len(findings),
        "recommendations": len(recommendations),
        "actions": len(actions),
        "learning reports": len(reports),
    }
