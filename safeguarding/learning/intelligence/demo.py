"""Demo data: the recurrence alerts the demo corpus gives (run after seed_demo_repository)."""

from django.utils import timezone

from safeguarding.core import audit

from . import similarity
from .models import RecurrenceAlert
from .recurrence import detect


def seed_demo_intelligence(report):
    """Checks the demo corpus for recurrence once; `report.count("recurrence alerts", created)` per alert.

    Idempotent: once any alert exists the check is not repeated (a repeat would only add an audit event),
    so seeding twice creates nothing new. Analysts use "Check for recurrence now" or detect_recurrence.
    """
    # The repetition pages read stored similarities: compare the demo corpus now rather than wait for the worker.
    similarity.ensure_fresh()
    existing = list(RecurrenceAlert.objects.all())
    if existing:
        for _alert in existing:
            report.count("recurrence alerts", False)
        return report
    result = detect(timezone.localdate(), actor=audit.Actor.system("seed_demo"))
    for _alert in result.raised:
        report.count("recurrence alerts", True)
    return report
