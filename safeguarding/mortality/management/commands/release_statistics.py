"""python manage.py release_statistics --year 2025-26 --out DIR: build and publish a statistical release."""

import time

from django.core.management.base import BaseCommand, CommandError

from safeguarding.core import audit

from ...actions.releases import publish_release
from ...models import parse_financial_year
from ...releases.build import NoDataError


class Command(BaseCommand):
    help = "Write the HTML, CSV tables and PDF of a financial year's child death statistics, and publish it."

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="Financial year, like 2025-26")
        parser.add_argument("--out", required=True, help="Directory to write the files into")

    def handle(self, *args, year, out, **options):
        try:
            financial_year = parse_financial_year(year)
        except ValueError as error:
            raise CommandError(str(error)) from error
        started = time.perf_counter()
        try:
            release, content = publish_release(audit.Actor.system("release_statistics"), financial_year, out)
        except NoDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Published {release.title}: {content.deaths} deaths, {len(content.tables)} tables, HTML and PDF "
            f"written to {out} in {time.perf_counter() - started:.1f} s"
        )
