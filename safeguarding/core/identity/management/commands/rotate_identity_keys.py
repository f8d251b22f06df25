from django.core.management.base import BaseCommand, CommandError

from safeguarding.core.identity.crypto import DecryptionError, UnknownKeyError
from safeguarding.core.identity.rotation import rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypts every child identity that is not sealed with the first key of IDENTITY_ENCRYPTION_KEYS. "
        "Safe to run again; once it reports nothing left to re-encrypt, older keys may be removed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Rows re-encrypted per transaction")

    def handle(self, *args, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        try:
            report = rotate_keys(batch_size=batch_size)
        except (UnknownKeyError, DecryptionError) as error:
            raise CommandError(f"{error} Batches before this one were re-encrypted and kept.") from None
        self.stdout.write(
            f"Re-encrypted {report.re_encrypted} identities with key {report.key_id}; "
            f"{report.already_current} already current"
        )
