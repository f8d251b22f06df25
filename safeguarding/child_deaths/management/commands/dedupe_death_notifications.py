"""De-duplicates notifications of child deaths at national scale with Splink (DuckDB), writing proposals.

The linkage model in force (the newest stored version) scores every pair the blocking rules find,
with the same parameters that score a notification on arrival. Proposed links land in the panel
managers' queue like those made on arrival; nothing is linked without a person confirming it, and
a pair already proposed, confirmed or rejected is left as it is. Identities are unsealed in memory
for the comparison only. The blocking keys that on-arrival scoring looks up are refreshed on the way.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from safeguarding.core import audit

from ...actions.linkage import OPEN_STATUSES, index_many, store_batch_proposal
from ...actions.linkage_models import current_model, prepared
from ...linkage import batch, training
from ...linkage.model import PROPOSAL_THRESHOLD
from ...models import Notification

BANDS = ((0.99, "0.99 and above"), (0.9, "0.90 to 0.99"), (PROPOSAL_THRESHOLD, "0.50 to 0.90"))


def band_of(probability):
    return next(label for floor, label in BANDS if probability >= floor)


class Command(BaseCommand):
    help = "Proposes links between notifications of the same child death, scored by Splink on DuckDB."

    def add_arguments(self, parser):
        parser.add_argument(
            "--threshold",
            type=float,
            default=PROPOSAL_THRESHOLD,
            help="Lowest match probability to propose (default %(default)s)",
        )
        parser.add_argument("--dry-run", action="store_true", help="Print the counts without storing proposals")

    def handle(self, *args, threshold, dry_run, **options):
        version, model = current_model()
        notifications = {
            n.pk: n for n in Notification.objects.filter(case__status__in=OPEN_STATUSES).select_related("child", "case")
        }
        if len(notifications) < 2:
            self.stdout.write(f"{len(notifications)} open notifications: nothing to compare.")
            return
        records = [(notification, prepared(notification)) for notification in notifications.values()]
        if not dry_run:
            index_many(records)
        records = [record for _notification, record in records]
        predictions = batch.predict(model, training.frame_of(records), threshold=threshold)
        counts = {label: 0 for _floor, label in BANDS}
        proposed = same_case = known = 0
        with transaction.atomic():
            for row in predictions.to_dict("records"):
                left, right = notifications[int(row["unique_id_l"])], notifications[int(row["unique_id_r"])]
                if left.case_id == right.case_id:
                    same_case += 1
                    continue
                # The notification of the newer case is proposed onto the older case.
                newer, older = (left, right) if left.case_id > right.case_id else (right, left)
                counts[band_of(row["match_probability"])] += 1
                if dry_run:
                    continue
                if store_batch_proposal(newer, older.case, score=batch.score_of_row(model, row), version=version):
                    proposed += 1
                else:
                    known += 1
            if not dry_run:
                audit.record(
                    audit.Actor.system("dedupe_death_notifications"),
                    "child_death.linkage.batch_compared",
                    None,
                    {
                        "notifications": len(notifications),
                        "pairs": len(predictions),
                        "proposed": proposed,
                        "model_version": version.version,
                    },
                )
        self.stdout.write(
            f"Compared {len(notifications)} open notifications with Splink (DuckDB), "
            f"linkage model version {version.version}."
        )
        self.stdout.write(f"Pairs at or above probability {threshold}: {len(predictions)}")
        self.stdout.write(f"  already on the same case: {same_case}")
        for _floor, label in BANDS:
            self.stdout.write(f"  probability {label}: {counts[label]}")
        if dry_run:
            self.stdout.write("Dry run: no proposals stored.")
        else:
            self.stdout.write(f"New proposed links for review: {proposed} (already proposed or decided: {known})")
