"""The Splink batch over every open notification, for the command and for the long job a page starts.

The linkage model in force (the newest stored version) scores every pair the blocking rules find, with the
same parameters that score a notification on arrival. Proposed links land in the panel managers' queue like
those made on arrival; nothing is linked without a person confirming it, and a pair already proposed, confirmed
or rejected is left as it is, so running the batch twice proposes nothing new the second time. Identities are
unsealed in memory for the comparison only. The blocking keys that on-arrival scoring looks up are refreshed on
the way (each notification's keys replaced at once: a repeat writes the same keys).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction

from safeguarding.core import audit

from ..linkage import batch, training
from ..linkage.model import PROPOSAL_THRESHOLD
from ..models import Notification
from .linkage import OPEN_STATUSES, index_many, store_batch_proposal
from .linkage_models import current_model, prepared

BANDS = ((0.99, "0.99 and above"), (0.9, "0.90 to 0.99"), (PROPOSAL_THRESHOLD, "0.50 to 0.90"))
BATCH_JOB = "death-notification-linkage"
# Progress is written once per this many notifications prepared, not once each.
PROGRESS_EVERY = 100


def band_of(probability):
    return next(label for floor, label in BANDS if probability >= floor)


@dataclass
class BatchResult:
    model_version: int
    notifications: int
    pairs: int = 0
    same_case: int = 0
    proposed: int = 0
    known: int = 0
    bands: dict = field(default_factory=lambda: {label: 0 for _floor, label in BANDS})

    def counts(self):
        return {
            "open notifications": self.notifications,
            "pairs scored": self.pairs,
            "new proposed links": self.proposed,
            "already proposed or decided": self.known,
        }


def request_batch_linkage(user):
    """What the page calls: the permission is checked now, then the batch is queued as a long job (or the run
    already queued or running is returned)."""
    from safeguarding.jobs.actions import start_long_job
    from safeguarding.jobs.runs import in_progress

    if not user.has_perm("child_deaths.run_batch_linkage"):
        raise PermissionDenied
    running = in_progress(BATCH_JOB, "all")
    if running is not None:
        return running
    return start_long_job(user, user, BATCH_JOB, about="all")


def propose_links_in_batch(actor, *, threshold=PROPOSAL_THRESHOLD, dry_run=False, progress=None):
    """Scores all open notifications and stores the new proposals in one transaction; `progress(done, total,
    stage)` hears how far it has got (one step per notification prepared, then blocking, scoring, storing)."""
    version, model = current_model()
    notifications = {
        n.pk: n for n in Notification.objects.filter(case__status__in=OPEN_STATUSES).select_related("child", "case")
    }
    result = BatchResult(model_version=version.version, notifications=len(notifications))
    total = len(notifications) + 3

    def tell(done, stage):
        if progress is not None:
            progress(done, total, stage)

    if len(notifications) < 2:
        tell(total, "Fewer than two open notifications: nothing to compare")
        return result
    records = []
    for done, notification in enumerate(notifications.values()):
        if done % PROGRESS_EVERY == 0:
            tell(done, f"Preparing notifications for comparison ({done} of {len(notifications)})")
        records.append((notification, prepared(notification)))
    if not dry_run:
        tell(len(notifications), "Refreshing the blocking keys")
        index_many(records)
    tell(len(notifications) + 1, "Scoring pairs with the linkage model")
    predictions = batch.predict(model, training.frame_of([record for _n, record in records]), threshold=threshold)
    result.pairs = len(predictions)
    tell(len(notifications) + 2, "Storing the proposed links")
    with transaction.atomic():
        for row in predictions.to_dict("records"):
            left, right = notifications[int(row["unique_id_l"])], notifications[int(row["unique_id_r"])]
            if left.case_id == right.case_id:
                result.same_case += 1
                continue
            # The notification of the newer case is proposed onto the older case.
            newer, older = (left, right) if left.case_id > right.case_id else (right, left)
            result.bands[band_of(row["match_probability"])] += 1
            if dry_run:
                continue
            if store_batch_proposal(newer, older.case, score=batch.score_of_row(model, row), version=version):
                result.proposed += 1
            else:
                result.known += 1
        if not dry_run:
            audit.record(
                actor,
                "child_death.linkage.batch_compared",
                None,
                {
                    "notifications": result.notifications,
                    "pairs": result.pairs,
                    "proposed": result.proposed,
                    "model_version": version.version,
                },
            )
    return result
