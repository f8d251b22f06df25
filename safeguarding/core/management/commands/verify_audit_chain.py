from django.core.management.base import BaseCommand, CommandError

from safeguarding.core.audit import verify_chain


class Command(BaseCommand):
    help = "Checks that no audit event has been edited, inserted or deleted. Prints OK <n> events."

    def handle(self, *args, **options):
        report = verify_chain()
        if not report.ok:
            raise CommandError(
                f"BROKEN at event #{report.broken_sequence}: {report.problem} "
                f"({report.events} events verified before it)"
            )
        self.stdout.write(f"OK {report.events} events")
