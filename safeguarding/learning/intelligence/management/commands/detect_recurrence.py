"""python manage.py detect_recurrence [--today YYYY-MM-DD]: raise or update recurrence alerts (run daily)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ...recurrence import detect


class Command(BaseCommand):
    help = (
        "Check every theme against the recurrence thresholds in the policy table (minimum reports and areas, and "
        "the rise over its usual share of reports) and raise or update alerts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="The last day of the rolling window (default: today), as YYYY-MM-DD")

    def handle(self, *args, today=None, **options):
        try:
            day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--today must be a date like 2026-11-26: {error}") from error
        result = detect(day)
        self.stdout.write(
            f"Window {result.window_start:%d %B %Y} to {result.window_end:%d %B %Y} "
            f"(at least {result.thresholds.minimum_reports} reports from {result.thresholds.minimum_areas} areas, "
            f"and {result.thresholds.rise_percent}% of the reports a theme's share of the "
            f"{result.baseline.reports} reports from {result.baseline.start:%B %Y} to {result.baseline.end:%B %Y} "
            f"predicts): "
            f"{result.summary}"
        )
