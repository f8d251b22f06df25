"""python manage.py seed_national --years N: a synthetic national dataset for benchmarks and demos."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from safeguarding.core import audit

from ...actions.seeding import seed_national


class Command(BaseCommand):
    help = "Replace the synthetic national child death records with N synthetic years on England's geography."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, required=True, help="How many twelve-month periods, ending last month")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (the same seed gives the same data)")
        parser.add_argument("--scale", type=float, default=1.0, help="Fraction of national volume (0.1 for a demo)")

    def handle(self, *args, years, seed, scale, **options):
        if not settings.DEMO_ACCOUNTS_ENABLED:
            raise CommandError(
                "seed_national writes synthetic deaths into the national table, so it is refused where "
                "DEMO_ACCOUNTS_ENABLED is false (as in production settings)."
            )
        started = time.perf_counter()
        try:
            result = seed_national(audit.Actor.system("seed_national"), years, seed=seed, scale=scale)
        except ValueError as error:
            raise CommandError(str(error)) from error
        first, last = result.first_month, result.last_month
        self.stdout.write(
            f"Created {result.created} synthetic deaths from {first[1]:02d}/{first[0]} to {last[1]:02d}/{last[0]} "
            f"(replaced {result.deleted}) in {time.perf_counter() - started:.1f} s"
        )
