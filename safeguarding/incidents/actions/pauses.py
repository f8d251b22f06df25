"""Pausing a case's clocks for parallel proceedings: requested by the area with its reason, decided
by the national body (Wood para 166: only for an exceptional reason), ended by the area."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.notifications import announce

from .. import clocks
from ..models import ClockPause, PauseDecision
from ..states import OPEN_STATES
from .common import audit_actor, check


def request_pause(actor, incident, *, proceeding, reason, starts_on, today=None):
    user = check(actor, "incidents.request_pause", incident)
    today = today or timezone.localdate()
    errors = {}
    if incident.status not in OPEN_STATES:
        raise ValidationError("Clocks can be paused only while the case is open")
    if not (reason or "").strip():
        errors["reason"] = "Explain the exceptional reason the inquiry must wait for the proceeding"
    if starts_on is None:
        errors["starts_on"] = "Enter the date the pause would start"
    elif starts_on > today:
        errors["starts_on"] = "The date the pause starts must be today or in the past"
    if incident.pauses.filter(ended_on__isnull=True).exclude(decision=PauseDecision.REFUSED).exists():
        errors["proceeding"] = "This case already has a pause requested or running: end it before asking for another"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        pause = ClockPause.objects.create(
            incident=incident, proceeding=proceeding, reason=reason.strip(), starts_on=starts_on, requested_by=user
        )
        audit.record(
            audit_actor(actor, incident.area),
            "incident.pause_requested",
            incident,
            {"pause": pause.pk, "proceeding": proceeding, "starts_on": starts_on},
            area=incident.area,
        )
        announce.pause_requested(pause)
    return pause


def decide_pause(actor, pause, *, accept, reason):
    user = check(actor, "incidents.decide_pause", pause.incident)
    if pause.decision != PauseDecision.REQUESTED:
        raise ValidationError(f"This pause has already been {pause.get_decision_display().lower()}")
    if not accept and not (reason or "").strip():
        raise ValidationError({"decision_reason": "Give the reason for refusing the pause"})
    with transaction.atomic():
        pause.decision = PauseDecision.ACCEPTED if accept else PauseDecision.REFUSED
        pause.decision_reason = (reason or "").strip()
        pause.decided_by, pause.decided_at = user, timezone.now()
        pause.save(update_fields=["decision", "decision_reason", "decided_by", "decided_at"])
        clocks.store_current_clock(pause.incident)
        audit.record(
            audit_actor(actor, pause.incident.area),
            "incident.pause_decided",
            pause.incident,
            {"pause": pause.pk, "decision": pause.decision},
            area=pause.incident.area,
        )
        announce.pause_decided(pause)
    return pause


def end_pause(actor, pause, *, ended_on, today=None):
    check(actor, "incidents.request_pause", pause.incident)
    today = today or timezone.localdate()
    if pause.ended_on is not None:
        raise ValidationError("This pause has already ended")
    if ended_on is None or ended_on > today or ended_on < pause.starts_on:
        raise ValidationError({"ended_on": "The date the pause ended must be between its start and today"})
    with transaction.atomic():
        pause.ended_on = ended_on
        pause.save(update_fields=["ended_on"])
        clocks.store_current_clock(pause.incident)
        audit.record(
            audit_actor(actor, pause.incident.area),
            "incident.pause_ended",
            pause.incident,
            {"pause": pause.pk, "ended_on": ended_on},
            area=pause.incident.area,
        )
    return pause
