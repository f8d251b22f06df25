"""Whether a worker has checked in recently, for /readyz."""

from django.utils import timezone

from .models import WorkerHeartbeat
from .worker import stale_after


def worker_health(now=None):
    now = now or timezone.now()
    latest = WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
    if latest is None:
        return {"worker": "unhealthy", "worker_last_seen": None}
    state = "ok" if now - latest <= stale_after() else "unhealthy"
    return {"worker": state, "worker_last_seen": latest.isoformat(timespec="seconds")}
