"""De-duplicates notifications of child deaths at national scale with Splink (DuckDB), writing proposals.

The work is `actions.linkage_batch.propose_links_in_batch`, which the long job started from the linkage page
calls too; see there for what it does and does not change.
"""

from django.core.management.base import BaseCommand

from safeguarding.core import audit

from ...actions.linkage_batch import BANDS, propose_links_in_batch
from ...linkage.model import PROPOSAL_THRESHOLD


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
        result = propose_links_in_batch(
            audit.Actor.system("dedupe_death_notifications"), threshold=threshold, dry_run=dry_run
        )
        if result.notifications < 2:
            self.stdout.write(f"{result.notifications} open notifications: nothing to compare.")
            return
        self.stdout.write(
            f"Compared {result.notifications} open notifications with Splink (DuckDB), "
            f"linkage model version {result.model_version}."
        )
        self.stdout.write(f"Pairs at or above probability {threshold}: {result.pairs}")
        self.stdout.write(f"  already on the same case: {result.same_case}")
        for _floor, label in BANDS:
            self.stdout.write(f"  probability {label}: {result.bands[label]}")
        if dry_run:
            self.stdout.write("Dry run: no proposals stored.")
        else:
            self.stdout.write(
                f"New proposed links for review: {result.proposed} (already proposed or decided: {result.known})"
            )
