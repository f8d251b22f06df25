"""De-duplicates notifications of child deaths at national scale with Splink (DuckDB), writing proposals.

Proposed links land in the panel managers' queue like those made on arrival; nothing is linked
without a person confirming it. Identities are unsealed in memory for the comparison only.
"""

import pandas as pd
from django.core.management.base import BaseCommand
from django.db import transaction

from safeguarding.core import audit

from ...actions.linkage import comparable, store_batch_proposal
from ...linkage import scoring, splink_model
from ...models import CaseStatus, Notification

BANDS = ((0.99, "0.99 and above"), (0.9, "0.90 to 0.99"), (scoring.PROPOSAL_THRESHOLD, "0.50 to 0.90"))


def band_of(probability):
    return next(label for floor, label in BANDS if probability >= floor)


class Command(BaseCommand):
    help = "Proposes links between notifications of the same child death, scored by Splink on DuckDB."

    def add_arguments(self, parser):
        parser.add_argument(
            "--threshold",
            type=float,
            default=scoring.PROPOSAL_THRESHOLD,
            help="Lowest match probability to propose (default %(default)s)",
        )
        parser.add_argument("--dry-run", action="store_true", help="Print the counts without storing proposals")

    def handle(self, *args, threshold, dry_run, **options):
        notifications = {
            n.pk: n
            for n in Notification.objects.exclude(
                case__status__in=[CaseStatus.CLOSED, CaseStatus.MERGED]
            ).select_related("child", "case")
        }
        if len(notifications) < 2:
            self.stdout.write(f"{len(notifications)} open notifications: nothing to compare.")
            return
        frame = pd.DataFrame([self._row(n) for n in notifications.values()])
        predictions = splink_model.predict(frame, threshold=threshold)
        counts = {label: 0 for _floor, label in BANDS}
        proposed = same_case = known = 0
        with transaction.atomic():
            for row in predictions.itertuples(index=False):
                left, right = notifications[int(row.unique_id_l)], notifications[int(row.unique_id_r)]
                if left.case_id == right.case_id:
                    same_case += 1
                    continue
                # The notification of the newer case is proposed onto the older case.
                newer, older = (left, right) if left.case_id > right.case_id else (right, left)
                counts[band_of(row.match_probability)] += 1
                if dry_run:
                    continue
                row_dict = row._asdict()
                if store_batch_proposal(
                    newer,
                    older.case,
                    weight=row.match_weight,
                    probability=row.match_probability,
                    reasons=splink_model.reasons(row_dict),
                ):
                    proposed += 1
                else:
                    known += 1
            if not dry_run:
                audit.record(
                    audit.Actor.system("dedupe_death_notifications"),
                    "child_death.linkage.batch_compared",
                    None,
                    {"notifications": len(notifications), "pairs": len(predictions), "proposed": proposed},
                )
        self.stdout.write(f"Compared {len(notifications)} open notifications with Splink (DuckDB).")
        self.stdout.write(f"Pairs at or above probability {threshold}: {len(predictions)}")
        self.stdout.write(f"  already on the same case: {same_case}")
        for _floor, label in BANDS:
            self.stdout.write(f"  probability {label}: {counts[label]}")
        if dry_run:
            self.stdout.write("Dry run: no proposals stored.")
        else:
            self.stdout.write(f"New proposed links for review: {proposed} (already proposed or decided: {known})")

    @staticmethod
    def _row(notification):
        values = comparable(notification)
        return {
            "unique_id": str(notification.pk),
            "given_name": scoring.first_given_name(values["given_names"]) or None,
            "family_name": (values["family_name"] or "").lower() or None,
            "date_of_birth": values["date_of_birth"] or None,
            "date_of_death": values["date_of_death"].isoformat(),
            "sex": values["sex"],
            "postcode": (values["postcode"] or "").upper() or None,
        }
