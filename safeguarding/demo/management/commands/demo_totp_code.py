from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from safeguarding.demo.totp import current_demo_code


class Command(BaseCommand):
    help = "Prints the current two-factor code for the demo accounts (local settings only)."

    def handle(self, *args, **options):
        if not settings.DEMO_ACCOUNTS_ENABLED:
            raise CommandError("Demo accounts are disabled here (DEMO_ACCOUNTS_ENABLED is false).")
        self.stdout.write(current_demo_code())
