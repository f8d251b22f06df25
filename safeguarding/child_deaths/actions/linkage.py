"""Linking notifications of one death into one case: proposals by score, and a panel manager's decision.

Names, dates of birth and addresses are unsealed here, compared, and dropped: only the levels and
weights of the comparison are stored or audited, never a value. The candidates of a notification
are the notifications of other open cases that share one of its blocking keys (keyed hashes of the
values each blocking rule joins on), the same pairs the batch compares.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.notifications import announce

from ..linkage import blocking
from ..models import CaseStatus, CaseStatusChange, LinkageBlockingKey, LinkCandidate, Notification
from ..transitions import CASE_TRANSITIONS
from .common import acting_as, require
from .linkage_models import current_model, prepared

OPEN_STATUSES = [s for s in CaseStatus.values if s not in {CaseStatus.CLOSED, CaseStatus.MERGED}]


def index_for_linkage(notification, record=None):
    """Stores the notification's blocking keys (replacing any), so later notifications find it."""
    record = record if record is not None else prepared(notification)
    return index_many([(notification, record)])[notification.pk]


def index_many(notifications_and_records):
    """Blocking keys of many notifications at once: {notification pk: {rule: key}}."""
    found = {
        notification.pk: blocking.keys(record, settings.LINKAGE_HMAC_KEY)
        for notification, record in notifications_and_records
    }
    with transaction.atomic():
        LinkageBlockingKey.objects.filter(notification_id__in=list(found)).delete()
        LinkageBlockingKey.objects.bulk_create(
            LinkageBlockingKey(notification_id=pk, rule=rule, key=key)
            for pk, keys in found.items()
            for rule, key in keys.items()
        )
    return found


def candidate_notifications(notification, keys):
    """Notifications of other open cases sharing a blocking key with this one."""
    if not keys:
        return Notification.objects.none()
    matching = LinkageBlockingKey.objects.filter(reduce(or_, (Q(rule=rule, key=key) for rule, key in keys.items())))
    return (
        Notification.objects.filter(pk__in=matching.values("notification"), case__status__in=OPEN_STATUSES)
        .exclude(case=notification.case)
        .select_related("child", "case")
    )


def propose_links(notification, *, actor):
    """Scores the notification against its candidates with the linkage model in force and proposes the
    cases whose best score reaches the threshold. Returns how many were proposed."""
    version, model = current_model()
    mine = prepared(notification)
    keys = index_for_linkage(notification, mine)
    best = {}
    compared = 0
    for other in candidate_notifications(notification, keys):
        compared += 1
        result = model.score(mine, prepared(other))
        if other.case_id not in best or result.match_weight > best[other.case_id][1].match_weight:
            best[other.case_id] = (other.case, result)
    proposed = 0
    for case, result in best.values():
        if not result.proposed:
            continue
        _, created = LinkCandidate.objects.get_or_create(
            notification=notification,
            case=case,
            defaults={
                "score": round(result.match_weight, 2),
                "probability": round(result.probability, 4),
                "model": version,
                "reasons": result.reasons(version.version),
            },
        )
        if created:
            announce.link_proposed(case)
        proposed += 1
    audit.record(
        actor,
        "child_death.linkage.compared",
        notification.case,
        {
            "notification": notification.pk,
            "compared": compared,
            "cases": len(best),
            "proposed": proposed,
            "model_version": version.version,
        },
        area=notification.area,
    )
    return proposed


def _check_decidable(user, candidate):
    require(user, "child_deaths.manage_case", candidate.case, "Only the panel manager decides links for this case.")
    if candidate.method == LinkCandidate.Method.NHS_NUMBER:
        # A same-NHS-number match across areas: the panel manager of the case it would join decides.
        return
    require(
        user,
        "child_deaths.manage_case",
        candidate.notification.case,
        "Only the panel manager decides links for this case.",
    )


def _record_in_the_other_area(user, verb, candidate, source):
    """A decision on a match across areas is also written in the notification's area's audit trail."""
    if source.area_id != candidate.case.area_id:
        audit.record(
            acting_as(user, candidate.case.area),
            verb,
            source,
            {"notification": candidate.notification_id, "candidate": candidate.pk},
            area=source.area,
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
        _record_in_the_other_area(user, "child_death.link.confirmed", candidate, source)
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
        _record_in_the_other_area(user, "child_death.link.rejected", candidate, candidate.notification.case)
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


def store_batch_proposal(notification, case, *, score, version):
    """A link proposed by the Splink batch, unless this pair was already proposed or decided."""
    _, created = LinkCandidate.objects.get_or_create(
        notification=notification,
        case=case,
        defaults={
            "method": LinkCandidate.Method.SPLINK,
            "score": round(score.match_weight, 2),
            "probability": round(score.probability, 4),
            "model": version,
            "reasons": score.reasons(version.version),
        },
    )
    if created:
        announce.link_proposed(case)
    return created
