import time
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from config.env import env_keyring
from safeguarding.core.backup.archive import BackupError, write_backup


def backup_keyring():
    """BACKUP_ENCRYPTION_KEYS: KEYID:BASE64KEY pairs (32-byte keys); the first encrypts, all decrypt."""
    try:
        return env_keyring("BACKUP_ENCRYPTION_KEYS")
    except ImproperlyConfigured as error:
        raise CommandError(str(error)) from None


class Command(BaseCommand):
    help = (
        "Writes an encrypted backup of the database (pg_dump, custom format) and every stored file, with a "
        "manifest of each table's row count and each part's SHA-256. Needs BACKUP_ENCRYPTION_KEYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="The backup file to write, e.g. backups/2026-11-26.slpbackup")

    def handle(self, *args, destination, **options):
        key_id, key = backup_keyring()[0]
        target = Path(destination)
        if target.exists():
            raise CommandError(f"{target} already exists: name a new file (a backup is never overwritten).")
        partial = target.with_name(f".{target.name}.partial")
        started = time.monotonic()
        try:
            with open(partial, "xb") as out:
                partial.chmod(0o600)
                manifest = write_backup(out, key_id, key)
        except BackupError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(str(error)) from None
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        # Only a finished backup gets its name: a file named like a backup is always a whole one.
        partial.rename(target)
        tables = manifest["database"]["tables"]
        self.stdout.write(
            f"Backed up {len(tables)} tables ({sum(tables.values())} rows) and {len(manifest['files'])} files "
            f"to {target} ({target.stat().st_size} bytes, key {key_id!r}) in {time.monotonic() - started:.1f} s"
        )
