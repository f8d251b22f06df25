"""Linking notifications of one death into one case: proposals by score, and a panel manager's decision.

Names, dates of birth and postcodes are unsealed here, compared, and dropped: only the levels and
weights of the comparison are stored or audited, never a value.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.notifications import announce

from ..linkage import scoring
from ..models import CaseStatus, CaseStatusChange, LinkCandidate, Notification
from ..transitions import CASE_TRANSITIONS
from .common import acting_as, require

# Notifications of one death give dates of death days apart at most; a wider window costs
# comparisons and finds nothing more.
BLOCKING_WINDOW = datetime.timedelta(days=31)


def comparable(notification, details=None):
    """The clear values the score compares, for one notification (unsealed here, never stored)."""
    details = details if details is not None else notification.child.unseal()
    return {
        "given_names": details.get("given_names", ""),
        "family_name": details.get("family_name", ""),
        "date_of_birth": details.get("date_of_birth", ""),
        "postcode": details.get("postcode", ""),
        "date_of_death": notification.date_of_death,
        "sex": notification.sex,
    }


def _other_open_notifications(notification):
    return (
        Notification.objects.filter(
            case__status__in=[s for s in CaseStatus.values if s not in {CaseStatus.CLOSED, CaseStatus.MERGED}],
            date_of_death__gte=notification.date_of_death - BLOCKING_WINDOW,
            date_of_death__lte=notification.date_of_death + BLOCKING_WINDOW,
        )
        .exclude(case=notification.case)
        .select_related("child", "case")
    )


def propose_links(notification, *, actor):
    """Scores the notification against the notifications of other open cases in its window and proposes
    the cases whose best score reaches the threshold. Returns how many were proposed."""
    mine = comparable(notification)
    best = {}
    compared = 0
    for other in _other_open_notifications(notification):
        compared += 1
        result = scoring.score(mine, comparable(other))
        if other.case_id not in best or result.weight > best[other.case_id][1].weight:
            best[other.case_id] = (other.case, result)
    proposed = 0
    for case, result in best.values():
        if not result.proposed:
            continue
        _, created = LinkCandidate.objects.get_or_create(
            notification=notification,
            case=case,
            defaults={
                "score": round(result.weight, 2),
                "probability": round(result.probability, 4),
                "reasons": [reason.as_row() for reason in result.reasons],
            },
        )
        if created:
            announce.link_proposed(case)
        proposed += 1
    audit.record(
        actor,
        "child_death.linkage.compared",
        notification.case,
        {"notification": notification.pk, "compared": compared, "cases": len(best), "proposed": proposed},
        area=notification.area,
    )
    return proposed


def _check_decidable(user, candidate):
    require(user, "child_deaths.manage_case", candidate.case, "Only the panel manager decides links for this case.")
    require(
        user,
        "child_deaths.manage_case",
        candidate.notification.case,
        "Only the panel manager decides links for this case.",
    )


def confirm_link(user, candidate, reason=""):
    """Moves the notification onto the candidate's case. A case left without notifications is folded
    into the other (status 'linked into another case'); it must not have moved on from 'notified'."""
    _check_decidable(user, candidate)
    with transaction.atomic():
        candidate = (
            LinkCandidate.objects.select_for_update(of=("self",))
            .select_related("notification", "case")
            .get(pk=candidate.pk)
        )
        if candidate.decision != LinkCandidate.Decision.PROPOSED:
            raise ValidationError({"decision": "This proposed link has already been decided"})
        notification, target = candidate.notification, candidate.case
        source = notification.case
        if not target.is_open:
            raise ValidationError({"decision": f"Case {target} is closed: a notification cannot be linked to it"})
        left_empty = not source.notifications.exclude(pk=notification.pk).exists()
        if left_empty and source.status != CaseStatus.NOTIFIED:
            raise ValidationError(
                {
                    "decision": f"Case {source} has moved on from notified, so it cannot be folded into {target}: "
                    f"link the other way, from {target}'s notification"
                }
            )
        notification.case = target
        notification.link_method = Notification.LinkMethod.CONFIRMED
        notification.save(update_fields=["case", "link_method"])
        if left_empty:
            CASE_TRANSITIONS.move(
                source, CaseStatus.MERGED, actor=user, history=CaseStatusChange, reason=f"Linked into {target}"
            )
            source.merged_into = target
            source.save(update_fields=["status", "merged_into"])
        candidate.decision = LinkCandidate.Decision.CONFIRMED
        candidate.from_case = source
        candidate.decided_by, candidate.decided_at, candidate.decision_reason = user, timezone.now(), reason
        candidate.save(update_fields=["decision", "from_case", "decided_by", "decided_at", "decision_reason"])
        audit.record(
            acting_as(user, target.area),
            "child_death.link.confirmed",
            target,
            {"notification": notification.pk, "from_case": source.reference, "score": candidate.score},
            area=target.area,
        )
    return candidate


def reject_link(user, candidate, reason):
    _check_decidable(user, candidate)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Enter why these are not the same child"})
    with transaction.atomic():
        candidate = LinkCandidate.objects.select_for_update().get(pk=candidate.pk)
        if candidate.decision != LinkCandidate.Decision.PROPOSED:
            raise ValidationError({"decision": "This proposed link has already been decided"})
        candidate.decision = LinkCandidate.Decision.REJECTED
        candidate.decided_by, candidate.decided_at, candidate.decision_reason = user, timezone.now(), reason.strip()
        candidate.save(update_fields=["decision", "decided_by", "decided_at", "decision_reason"])
        audit.record(
            acting_as(user, candidate.case.area),
            "child_death.link.rejected",
            candidate.case,
            {"notification": candidate.notification_id, "score": candidate.score},
            area=candidate.case.area,
        )
    return candidate


def undo_link(user, candidate, reason):
    """Returns the notification to the case it was on before; a case folded by the link reopens."""
    require(user, "child_deaths.manage_case", candidate.case, "Only the panel manager undoes links for this case.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Enter why the link is being undone"})
    with transaction.atomic():
        candidate = (
            LinkCandidate.objects.select_for_update(of=("self",))
            .select_related("notification", "from_case")
            .get(pk=candidate.pk)
        )
        notification, source = candidate.notification, candidate.from_case
        if candidate.decision != LinkCandidate.Decision.CONFIRMED or notification.case_id != candidate.case_id:
            raise ValidationError({"decision": "Only a confirmed link still in place can be undone"})
        notification.case = source
        notification.link_method = Notification.LinkMethod.NEW_CASE
        notification.save(update_fields=["case", "link_method"])
        if source.status == CaseStatus.MERGED:
            CASE_TRANSITIONS.move(
                source, CaseStatus.NOTIFIED, actor=user, history=CaseStatusChange, reason=f"Link undone: {reason}"
            )
            source.merged_into = None
            source.save(update_fields=["status", "merged_into"])
        candidate.decision = LinkCandidate.Decision.UNDONE
        candidate.decision_reason = f"{candidate.decision_reason}\nUndone: {reason.strip()}".strip()
        candidate.save(update_fields=["decision", "decision_reason"])
        audit.record(
            acting_as(user, candidate.case.area),
            "child_death.link.undone",
            candidate.case,
            {"notification": notification.pk, "back_to_case": source.reference},
            area=candidate.case.area,
        )
    return candidate


def store_batch_proposal(notification, case, *, weight, probability, reasons):
    """A link proposed by the Splink batch, unless this pair was already proposed or decided."""
    _, created = LinkCandidate.objects.get_or_create(
        notification=notification,
        case=case,
        defaults={
            "method": LinkCandidate.Method.SPLINK,
            "score": round(weight, 2),
            "probability": round(probability, 4),
            "reasons": reasons,
        },
    )
    if created:
        announce.link_proposed(case)
    return created
