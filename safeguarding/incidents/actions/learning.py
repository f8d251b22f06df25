"""Findings (what happened AND why), recommendations (to a named organisation, with an outcome and a
date), and the actions that answer them, followed to evidence of impact (Wood paras 161 and 166).

A recommendation needs only what should change to be saved: the quality check's flags (no addressee,
no outcome, no date, vague wording) are advisory and shown beside it, never a refusal.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged

from .. import evidence as evidence_files
from ..models import Action, ActionStatus, Finding, FindingKind, JourneyStage, Recommendation
from ..states import PUBLISHED_STATES, IncidentStatus
from .common import audit_actor, check

# Actions are set while the findings are written and followed up long after publication.
ACTION_STATES = frozenset({IncidentStatus.FINDINGS, IncidentStatus.REPORT_DRAFTED, *PUBLISHED_STATES})


def _writing_findings(incident):
    if incident.status != IncidentStatus.FINDINGS:
        raise ValidationError(
            f"The case is {incident.get_status_display().lower()}: findings and recommendations are written "
            "while it is at findings and recommendations"
        )


def _record(actor, verb, incident, data):
    audit.record(audit_actor(actor, incident.area), verb, incident, data, area=incident.area)


def _unknown_agencies(incident, organisations):
    partner_ids = set(incident.area.partners.values_list("pk", flat=True))
    return [org for org in organisations if org.pk not in partner_ids]


def _finding_fields(incident, *, what_happened, why, journey_stage, kind, agencies):
    errors = {}
    what_happened, why = (what_happened or "").strip(), (why or "").strip()
    if not what_happened:
        errors["what_happened"] = "Describe what happened"
    if not why:
        errors["why"] = "Say why it happened: the systemic or human factors behind it, not only who did what"
    if journey_stage not in JourneyStage.values:
        errors["journey_stage"] = "Select the stage of the child's journey the finding concerns"
    if kind not in FindingKind.values:
        errors["kind"] = "Select whether the finding is good practice or a practice problem"
    agencies = list(agencies or [])
    if not agencies:
        errors["agencies"] = "Select at least one agency the finding concerns"
    elif unknown := _unknown_agencies(incident, agencies):
        names = ", ".join(str(org) for org in unknown)
        errors["agencies"] = f"Unknown organisation: {names} is not an agency of {incident.area.name}"
    if errors:
        raise ValidationError(errors)
    return {"what_happened": what_happened, "why": why, "journey_stage": journey_stage, "kind": kind}, agencies


def add_finding(actor, incident, *, what_happened, why, journey_stage, kind, agencies):
    check(actor, "incidents.write_findings", incident)
    _writing_findings(incident)
    fields, agencies = _finding_fields(
        incident, what_happened=what_happened, why=why, journey_stage=journey_stage, kind=kind, agencies=agencies
    )
    with transaction.atomic():
        finding = Finding.objects.create(incident=incident, **fields)
        finding.agencies.set(agencies)
        _record(actor, "incident.finding_added", incident, {"finding": finding.pk, "kind": kind})
    return finding


def edit_finding(actor, finding, expected_version, *, what_happened, why, journey_stage, kind, agencies):
    incident = finding.incident
    check(actor, "incidents.write_findings", incident)
    _writing_findings(incident)
    fields, agencies = _finding_fields(
        incident, what_happened=what_happened, why=why, journey_stage=journey_stage, kind=kind, agencies=agencies
    )
    with transaction.atomic():
        for name, value in fields.items():
            setattr(finding, name, value)
        save_if_unchanged(finding, expected_version, list(fields))
        finding.agencies.set(agencies)
        _record(actor, "incident.finding_changed", incident, {"finding": finding.pk, "kind": kind})
    return finding


def _recommendation_fields(incident, *, finding, addressee, change, outcome, due_on, today):
    errors = {}
    change = (change or "").strip()
    if not change:
        errors["change"] = "Say what should change"
    if finding is not None and finding.incident_id != incident.pk:
        errors["finding"] = "Select a finding of this case"
    if addressee is not None and _unknown_agencies(incident, [addressee]):
        errors["addressee"] = f"Unknown organisation: {addressee} is not an agency of {incident.area.name}"
    if due_on is not None and due_on < today:
        errors["due_on"] = "The date the change is due must be today or later"
    if errors:
        raise ValidationError(errors)
    return {
        "finding": finding,
        "addressee": addressee,
        "change": change,
        "outcome": (outcome or "").strip(),
        "due_on": due_on,
    }


def add_recommendation(actor, incident, *, finding, addressee, change, outcome, due_on, today=None):
    check(actor, "incidents.write_findings", incident)
    _writing_findings(incident)
    fields = _recommendation_fields(
        incident,
        finding=finding,
        addressee=addressee,
        change=change,
        outcome=outcome,
        due_on=due_on,
        today=today or timezone.localdate(),
    )
    with transaction.atomic():
        recommendation = Recommendation.objects.create(incident=incident, **fields)
        _record(
            actor,
            "incident.recommendation_added",
            incident,
            {"recommendation": recommendation.pk, "quality_flags": len(recommendation.quality_flags)},
        )
    return recommendation


def edit_recommendation(
    actor, recommendation, expected_version, *, finding, addressee, change, outcome, due_on, today=None
):
    incident = recommendation.incident
    check(actor, "incidents.write_findings", incident)
    _writing_findings(incident)
    fields = _recommendation_fields(
        incident,
        finding=finding,
        addressee=addressee,
        change=change,
        outcome=outcome,
        due_on=due_on,
        today=today or timezone.localdate(),
    )
    with transaction.atomic():
        for name, value in fields.items():
            setattr(recommendation, name, value)
        save_if_unchanged(recommendation, expected_version, list(fields))
        _record(
            actor,
            "incident.recommendation_changed",
            incident,
            {"recommendation": recommendation.pk, "quality_flags": len(recommendation.quality_flags)},
        )
    return recommendation


def _action_open(incident):
    if incident.status not in ACTION_STATES:
        raise ValidationError(
            f"The case is {incident.get_status_display().lower()}: actions are set from its recommendations"
        )


def add_action(actor, recommendation, *, description, owner, due_on, today=None):
    incident = recommendation.incident
    user = check(actor, "incidents.manage_actions", incident)
    _action_open(incident)
    today = today or timezone.localdate()
    errors = {}
    if not (description or "").strip():
        errors["description"] = "Describe the action"
    if not (owner or "").strip():
        errors["owner"] = "Enter the post or team that owns the action"
    if due_on is None:
        errors["due_on"] = "Enter the date the action is due"
    elif due_on < today:
        errors["due_on"] = "The date the action is due must be today or later"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        action = Action.objects.create(
            recommendation=recommendation,
            description=description.strip(),
            owner=owner.strip(),
            due_on=due_on,
            updated_by=user,
        )
        _record(actor, "incident.action_added", incident, {"action": action.pk, "due_on": due_on})
    return action


EVIDENCE_FIELDS = ["evidence_file_path", "evidence_file_name", "evidence_file_type", "evidence_file_size"]


def update_action(actor, action, expected_version, *, status, evidence_of_impact, evidence_file=None):
    """The action's progress. Done needs its evidence of impact: what changed for children, not only
    that the task was finished. An evidence file, if given, is stored and recorded in the same
    transaction: if anything fails the stored file is deleted, and a replaced file is deleted only once
    the change is committed."""
    incident = action.incident
    user = check(actor, "incidents.manage_actions", incident)
    _action_open(incident)
    evidence = (evidence_of_impact or "").strip()
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Select the status of the action"})
    if status == ActionStatus.DONE and not evidence:
        raise ValidationError({"evidence_of_impact": "Describe the evidence of impact before marking the action done"})
    fields = ["status", "evidence_of_impact", "updated_by", "updated_at"]
    stored = evidence_files.store(evidence_file) if evidence_file is not None else None
    replaced = action.evidence_file_path if stored else ""
    before = {name: getattr(action, name) for name in EVIDENCE_FIELDS}
    try:
        with transaction.atomic():
            action.status, action.evidence_of_impact, action.updated_by = status, evidence, user
            action.updated_at = timezone.now()
            if stored:
                action.evidence_file_path, action.evidence_file_name = stored.path, stored.original_name
                action.evidence_file_type, action.evidence_file_size = stored.content_type, stored.size
                fields += EVIDENCE_FIELDS
            save_if_unchanged(action, expected_version, fields)
            _record(
                actor,
                "incident.action_updated",
                incident,
                {"action": action.pk, "status": status, "evidence_file_added": bool(stored)},
            )
            if replaced:
                transaction.on_commit(lambda: evidence_files.delete(replaced))
    except BaseException:
        if stored:
            evidence_files.delete(stored.path)
            # The page shown again with the refusal must not offer the file just deleted.
            for name, value in before.items():
                setattr(action, name, value)
        raise
    return action


def record_evidence_download(actor, action):
    """Every download of an evidence file is audited (the file name is not: it may name people)."""
    incident = action.incident
    check(actor, "incidents.manage_actions", incident)
    with transaction.atomic():
        _record(actor, "incident.evidence_downloaded", incident, {"action": action.pk})
