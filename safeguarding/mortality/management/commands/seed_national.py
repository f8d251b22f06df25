"""python manage.py seed_national --years N: ten years of England in every pillar, for benchmarks and demos.

The synthetic national mortality table (replaced on each run), then, once per database, every other pillar
at national volume (safeguarding/demo/national/): areas, partners, panels and people, serious incidents,
the national repository, child death notifications and their cases, and the audit events they imply.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from safeguarding.core import audit
from safeguarding.demo import national

from ...actions.seeding import seed_national


class Command(BaseCommand):
    help = "Synthetic national data on England's geography: N years of child deaths and every other pillar."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, required=True, help="How many twelve-month periods, ending last month")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (the same seed gives the same data)")
        parser.add_argument("--scale", type=float, default=1.0, help="Fraction of national volume (0.1 for a demo)")
        parser.add_argument(
            "--reports", type=int, default=None, help="Reports in the national repository (default 3,000 x scale)"
        )
        parser.add_argument(
            "--mortality-only", action="store_true", help="Only replace the synthetic national mortality table"
        )

    def handle(self, *args, years, seed, scale, reports, mortality_only, **options):
        if not settings.DEMO_ACCOUNTS_ENABLED:
            raise CommandError(
                "seed_national writes synthetic deaths into the national table, so it is refused where "
                "DEMO_ACCOUNTS_ENABLED is false (as in production settings)."
            )
        started = time.perf_counter()
        actor = audit.Actor.system("seed_national")
        try:
            result = seed_national(actor, years, seed=seed, scale=scale)
        except ValueError as error:
            raise CommandError(str(error)) from error
        first, last = result.first_month, result.last_month
        self.stdout.write(
            f"Created {result.created} synthetic deaths from {first[1]:02d}/{first[0]} to {last[1]:02d}/{last[0]} "
            f"(replaced {result.deleted}) in {time.perf_counter() - started:.1f} s"
        )
        if mortality_only:
            return
        if national.already_seeded():
            self.stdout.write("The other pillars were seeded at national volume before: left as they are.")
            return
        counts, _timings = national.seed_every_pillar(
            actor, years, seed=seed, scale=scale, reports=reports, progress=self.stdout.write
        )
        for what, count in counts.items():
            self.stdout.write(f"  {what}: {count:,}")
        self.stdout.write(f"Every pillar seeded in {time.perf_counter() - started:.1f} s")
