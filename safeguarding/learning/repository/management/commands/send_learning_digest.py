"""python manage.py send_learning_digest --month 2026-03 [--base-url https://...]: email a month's additions to
the national repository to every national analyst and administrator (once per month)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from safeguarding.core import audit

from ...search import digest


class Command(BaseCommand):
    help = "Email the month's new entries in the national repository of learning to the national roles."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="The month, as yyyy-mm (not one still to come)")
        parser.add_argument(
            "--base-url", default="", help="The service's address, put before each link (e.g. https://example.gov.uk)"
        )

    def handle(self, *args, month, base_url, **options):
        try:
            result = digest.send_digest(
                digest.parse_month(month),
                actor=audit.Actor.system("send_learning_digest"),
                base_url=base_url.rstrip("/"),
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        label = digest.month_label(result.month)
        if result.already_sent:
            self.stdout.write(f"The digest for {label} was sent before: nothing was sent again.")
        else:
            self.stdout.write(
                f"Sent the digest for {label}: {result.entries} new entries to {result.recipients} people."
            )
