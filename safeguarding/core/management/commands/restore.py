import time

from django.core.management.base import BaseCommand, CommandError

from safeguarding.core.audit import verify_chain
from safeguarding.core.backup.archive import BackupError, restore_backup
from safeguarding.core.backup.crypto import BackupKeyError

from .backup import backup_keyring


class Command(BaseCommand):
    help = (
        "Restores a backup written by `manage.py backup` onto an empty PostgreSQL database (DATABASE_URL) and "
        "empty file storage, checks every table's row count against its manifest and verifies the audit chain."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup file")

    def handle(self, *args, source, **options):
        keyring = backup_keyring()
        started = time.monotonic()
        try:
            with open(source, "rb") as backup:
                restored = restore_backup(backup, keyring)
        except FileNotFoundError:
            raise CommandError(f"There is no backup file at {source}.") from None
        except (BackupError, BackupKeyError) as error:
            raise CommandError(str(error)) from None
        chain = verify_chain()
        if not chain.ok:
            raise CommandError(
                f"Restored, but the audit chain is BROKEN at event #{chain.broken_sequence}: {chain.problem}"
            )
        self.stdout.write(
            f"Restored {restored.tables} tables ({restored.rows} rows, each table's count as in the manifest) and "
            f"{restored.files} files from the backup of {restored.manifest['created_at']} in "
            f"{time.monotonic() - started:.1f} s; audit chain OK ({chain.events} events)"
        )
