"""Seeds the synthetic serious incidents of demo_cases.py, each taken to its state by the real actions,
as the demo people of its area would take it.

A case is found again by its child (area and NHS number linkage key), so seeding twice creates
nothing new. The actions stamp today's time where they record a moment (the notification, the
status rows); the demo then dates those to the case's own timeline, once, in the transaction that
creates the case, so that clocks and histories look as they would have.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from safeguarding.core.identity.nhs import linkage_key
from safeguarding.demo import world
from safeguarding.demo.identities import synthetic_nhs_number
from safeguarding.learning.reviewers.demo import register_area_reviewer
from safeguarding.organisations.models import SafeguardingArea

from . import clocks
from .actions import learning as learning_actions
from .actions import lli as lli_actions
from .actions import notification as notification_actions
from .actions import pauses as pause_actions
from .actions import rapid_inquiry as ri_actions
from .actions import report as report_actions
from .demo_cases import CASES, D
from .models import Incident, IncidentStatusChange, Methodology
from .states import IncidentStatus as S

# The order of the journey, to tell whether a case goes past a step.
JOURNEY = (
    S.DRAFT,
    S.SUBMITTED,
    S.RAPID_INQUIRY,
    S.LLI,
    S.FINDINGS,
    S.REPORT_DRAFTED,
    S.PUBLISHED,
    S.SUBMITTED_NATIONAL,
)
DECIDED_ELSEWHERE = {S.NO_FURTHER_REVIEW: S.RAPID_INQUIRY, S.REFERRED_NSCI: S.RAPID_INQUIRY}
# The seed's own "today": the demo world is dated as of this day.
TODAY = datetime.date(2026, 11, 26)


def _reached(case, step):
    stage = DECIDED_ELSEWHERE.get(case.stage, case.stage)
    return JOURNEY.index(stage) >= JOURNEY.index(step)


def _findings_on(case):
    """When the inquiry turned to its findings: a month before completion, or two months after the decision."""
    if case.completed:
        return D(case.completed) - datetime.timedelta(days=30)
    return D(case.decided) + datetime.timedelta(days=60)


def _person(email_name, area_slug):
    person = next(p for p in world.AREA_PEOPLE if p.email_name == email_name)
    user = get_user_model().objects.get(email=world.demo_email(person, area_slug))
    user.is_verified = lambda: True  # the demo acts as if the person had entered their code
    return user


def _organisation(area, ref):
    partners = area.partners.order_by("pk")
    return partners.filter(name=ref).first() or partners.filter(kind=ref).first()


def _moment(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(10, 0)))


def _notify(case, area, people):
    nhs_number = synthetic_nhs_number(case.child.serial)
    data = dict(case.notification)
    data["agencies_involved"] = [_organisation(area, ref) for ref in case.agencies]
    identity = {
        "given_names": case.child.given_names,
        "family_name": case.child.family_name,
        "nhs_number": nhs_number,
        "date_of_birth": D(case.child.born),
        "postcode": case.child.postcode,
    }
    practitioner = people["practitioner"]
    incident = notification_actions.start_notification(practitioner, area, data, identity=identity, today=D(case.aware))
    if case.notified:
        notification_actions.submit_notification(practitioner, incident, incident.version, today=D(case.notified))
        Incident.objects.filter(pk=incident.pk).update(submitted_at=_moment(D(case.notified)))
        incident.refresh_from_db()
    return incident


def _rapid_inquiry(case, area, incident, people):
    lead = people["ri.lead"]
    started = D(case.notified) + datetime.timedelta(days=1)
    inquiry = ri_actions.start_rapid_inquiry(lead, incident, today=started)
    for ref, due, received, summary in case.summaries:
        organisation = _organisation(area, ref)
        request = ri_actions.request_summary(
            lead,
            incident,
            organisation=organisation,
            due_on=D(due),
            # A synthetic mailbox, so that the demo's reminders have somewhere to go.
            contact_email=f"safeguarding@{slugify(organisation.name)}.example",
            today=started,
        )
        if received:
            ri_actions.record_summary(lead, request, received_on=D(received), summary=summary, today=TODAY)
    for ref, role, date, how in case.engagements:
        ri_actions.log_engagement(
            lead,
            incident,
            organisation=_organisation(area, ref),
            practitioner_role=role,
            engaged_on=D(date),
            how=how,
            today=TODAY,
        )
    for ref, date, description in case.safety_actions:
        ri_actions.record_safety_action(
            lead,
            incident,
            organisation=_organisation(area, ref),
            description=description,
            taken_on=D(date),
            today=TODAY,
        )
    ri_actions.save_decision(
        lead,
        inquiry,
        inquiry.version,
        initial_assessment=case.assessment,
        decision=case.decision,
        decision_reasons=case.reasons,
        national_summary=case.national_summary,
    )
    inquiry.refresh_from_db()
    signers = case.sign_offs or ("local_authority", "health", "police")
    chiefs = {"local_authority": "lco.council", "health": "lco.health", "police": "lco.police"}
    decided = D(case.decided) if case.decided else TODAY
    for kind in signers:
        ri_actions.sign_off_decision(people[chiefs[kind]], incident, decision_version=inquiry.version, today=decided)
    incident.refresh_from_db()
    return started


def _learning_inquiry(case, area, incident, people):
    lead = people["ri.lead"]
    slug, terms = case.lli
    lli = incident.lli
    register_area_reviewer(people["reviewer"])  # a lead reviewer must be on the national register
    lli_actions.save_set_up(
        lead,
        lli,
        lli.version,
        terms_of_reference=terms,
        methodology=Methodology.objects.get(slug=slug),
        lead_reviewer=people["reviewer"],
    )
    for kind, who, response, offered, answered in case.involvements:
        lli_actions.record_involvement(
            lead,
            incident,
            kind=kind,
            who=who,
            response=response,
            offered_on=D(offered),
            responded_on=D(answered) if answered else None,
            today=TODAY,
        )
    if case.pause:
        proceeding, reason, starts, _decision = case.pause
        pause_actions.request_pause(
            lead, incident, proceeding=proceeding, reason=reason, starts_on=D(starts), today=TODAY
        )


def _findings_and_recommendations(case, area, incident, people):
    reviewer = people["reviewer"]
    findings = [
        learning_actions.add_finding(
            reviewer,
            incident,
            what_happened=spec.what_happened,
            why=spec.why,
            journey_stage=spec.journey_stage,
            kind=spec.kind,
            agencies=[_organisation(area, ref) for ref in spec.agencies],
        )
        for spec in case.findings
    ]
    recommendations = [
        learning_actions.add_recommendation(
            reviewer,
            incident,
            finding=findings[spec.finding] if spec.finding is not None else None,
            addressee=_organisation(area, spec.addressee) if spec.addressee else None,
            change=spec.change,
            outcome=spec.outcome,
            due_on=D(spec.due_on) if spec.due_on else None,
            today=_findings_on(case),
        )
        for spec in case.recommendations
    ]
    manager = people["area.admin"]
    for spec in case.actions:
        action = learning_actions.add_action(
            manager,
            recommendations[spec.recommendation],
            description=spec.description,
            owner=spec.owner,
            due_on=D(spec.due_on),
            today=_findings_on(case),
        )
        if spec.status != action.status or spec.evidence:
            learning_actions.update_action(
                manager, action, action.version, status=spec.status, evidence_of_impact=spec.evidence
            )


def _report(case, area, incident, people):
    reviewer = people["reviewer"]
    report_actions.save_report(reviewer, incident, None, **case.report)
    report_actions.complete_report(reviewer, incident, today=D(case.completed))
    if not case.published:
        return
    report = incident.report
    # The demo's reports carry no named details; the redaction step is confirmed with nothing to redact.
    report_actions.confirm_redactions(reviewer, report, report.version, redactions=[])
    report.refresh_from_db()
    chief = people["lco.council"]
    report_actions.publish(
        chief,
        incident,
        report.version,
        decision="Publish in full on the partnership's website, with the family's agreement.",
        published_on=D(case.published),
        today=D(case.published),
    )
    if case.submitted_to_national_body:
        report_actions.submit_to_national_body(chief, incident, today=D(case.submitted_to_national_body))
    for body, name, date, note in case.accountability:
        report_actions.record_accountability(
            people["area.admin"], incident, body=body, body_name=name, reported_on=D(date), note=note, today=TODAY
        )


def _date_history(case, incident):
    """The status rows, dated to the case's timeline (the actions stamped them today)."""
    findings_on = _findings_on(case) if case.decided and case.lli else None
    dates = {
        S.DRAFT: D(case.aware),
        S.SUBMITTED: D(case.notified) if case.notified else None,
        S.RAPID_INQUIRY: D(case.notified) + datetime.timedelta(days=1) if case.notified else None,
        S.NO_FURTHER_REVIEW: D(case.decided) if case.decided else None,
        S.REFERRED_NSCI: D(case.decided) if case.decided else None,
        S.LLI: D(case.decided) if case.decided else None,
        S.FINDINGS: findings_on,
        S.REPORT_DRAFTED: D(case.completed) if case.completed else None,
        S.PUBLISHED: D(case.published) if case.published else None,
        S.SUBMITTED_NATIONAL: D(case.submitted_to_national_body) if case.submitted_to_national_body else None,
    }
    for state, date in dates.items():
        if date is not None:
            IncidentStatusChange.objects.filter(case=incident, to_state=state).update(changed_at=_moment(date))


def _seed_case(case, area):
    people = {
        name: _person(name, area.slug)
        for name in ("practitioner", "ri.lead", "reviewer", "area.admin", "lco.council", "lco.health", "lco.police")
    }
    incident = _notify(case, area, people)
    if _reached(case, S.RAPID_INQUIRY):
        _rapid_inquiry(case, area, incident, people)
    if _reached(case, S.LLI):
        _learning_inquiry(case, area, incident, people)
    if _reached(case, S.FINDINGS):
        lli_actions.begin_findings(people["ri.lead"], incident)
        _findings_and_recommendations(case, area, incident, people)
    if _reached(case, S.REPORT_DRAFTED):
        _report(case, area, incident, people)
    _date_history(case, incident)
    incident.refresh_from_db()
    clocks.store_current_clock(incident)  # its dates were moved back to the story's by _date_history
    assert incident.status == case.stage, f"{case.key} reached {incident.status}, not {case.stage}"
    return incident


def seed_demo_incidents(report):
    """Every demo case once; `report.count("serious incidents", created)` for each."""
    areas = {area.slug: area for area in SafeguardingArea.objects.filter(slug__in={c.area for c in CASES})}
    for case in CASES:
        area = areas.get(case.area)
        if area is None:
            continue
        key = linkage_key(synthetic_nhs_number(case.child.serial))
        exists = Incident.objects.filter(area=area, child__linkage_key=key).exists()
        if not exists:
            with transaction.atomic():
                _seed_case(case, area)
        report.count("serious incidents", not exists)
