"""Open recurrence alerts, for national analysts to act on: propose a national inquiry or dismiss the alert.

An alert's task goes when it is dismissed or once a national inquiry has been proposed from it (the
decision is then the national administrators'). Alerts have no deadline, so the oldest come first.
"""

from django.urls import reverse

from safeguarding.core.work.tasks import Task

from .models import AlertStatus, RecurrenceAlert


def alert_tasks(work):
    if not work.user.has_perm("intelligence.manage_alerts"):
        return []
    alerts = (
        RecurrenceAlert.objects.filter(status=AlertStatus.OPEN, nsci_proposals__isnull=True)
        .select_related("theme")
        .order_by()
        .distinct()
    )
    return [
        Task(
            kind="intelligence.open-alert",
            action="Act on the recurrence alert: propose a national inquiry or dismiss it",
            reference=f"Alert: {alert.theme.name}",
            url=reverse("intelligence:alert", args=[alert.pk]),
            detail=f"{alert.report_count} reports from {alert.area_count} areas",
            waiting_since=alert.raised_on,
        )
        for alert in alerts
    ]


PROVIDERS = [alert_tasks]
