"""Load England's regions, police force areas, ICBs, local authorities and child populations.

Safe to run again after the files are refreshed: every file is checked before anything is written,
the writing happens in one transaction, and rows already up to date are left alone.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from safeguarding.organisations.reference_data import ReferenceDataError, read_reference_data
from safeguarding.organisations.reference_data_writer import write_reference_data


class Command(BaseCommand):
    help = (
        "Load the reference data (regions, police force areas, ICBs, local authorities, child populations) "
        "and one organisation per authority, police force and ICB. Running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            dest="directory",
            type=Path,
            help="Directory holding the reference data files (default: settings.REFERENCE_DATA_DIR).",
        )

    def handle(self, *args, directory=None, **options):
        directory = Path(directory or settings.REFERENCE_DATA_DIR)
        try:
            data = read_reference_data(directory)
        except ReferenceDataError as error:
            raise CommandError(f"Nothing loaded: {error}") from error

        with transaction.atomic():
            counts = write_reference_data(data)

        if options["verbosity"] == 0:
            return
        for note in data.notes:
            self.stdout.write(note)
        for count in counts:
            self.stdout.write(str(count))
        created, updated = sum(c.created for c in counts), sum(c.updated for c in counts)
        removed, rows = sum(c.removed for c in counts), sum(c.total for c in counts)
        summary = f"Reference data from {directory}: {rows} rows, {created} created, {updated} updated"
        self.stdout.write(self.style.SUCCESS(f"{summary}, {removed} removed."))
