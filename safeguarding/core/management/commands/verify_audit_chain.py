from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from safeguarding.core.audit import verify_chain


class Command(BaseCommand):
    help = (
        "Checks that no sealed audit event has been edited, inserted or deleted. Prints OK <n> events, and how "
        "many events are written but not yet sealed into the chain (normally none, or the last few seconds')."
    )

    def handle(self, *args, **options):
        report = verify_chain()
        if not report.ok:
            raise CommandError(
                f"BROKEN at event #{report.broken_sequence}: {report.problem} "
                f"({report.events} events verified before it)"
            )
        pending = ""
        if report.unsealed:
            oldest = timezone.localtime(report.oldest_unsealed_at)
            pending = f"; {report.unsealed} not yet sealed (the oldest written at {oldest:%Y-%m-%d %H:%M:%S})"
        self.stdout.write(f"OK {report.events} events{pending}")
