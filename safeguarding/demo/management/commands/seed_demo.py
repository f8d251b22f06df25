from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from config.env import env_str
from safeguarding.demo.seeding import MissingReferenceData, seed_demo_world
from safeguarding.demo.totp import demo_totp_secret_base32

DEFAULT_DEMO_PASSWORD = "demo-safeguarding-2026"  # noqa: S105 (published on purpose; refused in production)


class Command(BaseCommand):
    help = "Creates the synthetic demo world (areas, organisations, one account per role). Safe to run twice."

    def handle(self, *args, **options):
        if not settings.DEMO_ACCOUNTS_ENABLED:
            raise CommandError(
                "seed_demo creates accounts with a published password, so it is refused where "
                "DEMO_ACCOUNTS_ENABLED is false (as in production settings)."
            )
        password = env_str("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
        try:
            report = seed_demo_world(password)
        except MissingReferenceData as error:
            raise CommandError(str(error)) from None
        # At verbosity 0 (as `make run` asks) only what a newcomer needs to sign in: the accounts, the password
        # and the two-factor key.
        if options["verbosity"] > 0:
            for what, created in report.created.items():
                self.stdout.write(f"{what.capitalize()}: {created:,} created")
            self.stdout.write("")
        self.stdout.write("Demo accounts, one for each role in each area:")
        for email, _name, role, where in report.accounts:
            self.stdout.write(f"  {email:<52} {role:<32} {where}")
        self.stdout.write("")
        self.stdout.write(f"Password for every demo account: {password}")
        self.stdout.write(
            f"Two-factor key for every demo account: {demo_totp_secret_base32()} (add it to an authenticator app, "
            "time-based, 6 digits, or run `.venv/bin/python manage.py demo_totp_code` for the current code)"
        )
