"""The scheduled jobs that reuse other apps' actions: each calls the same function as its management command
and returns its counts for the run record. Each is idempotent, so a second run of a period changes nothing."""

import datetime

from django.utils import timezone

from safeguarding.core import audit


def _run_day(run):
    """The day a run is for: its period when that is a date, otherwise (a manual run) today."""
    try:
        return datetime.date.fromisoformat(run.period)
    except ValueError:
        return timezone.localdate()


def detect_recurrence_job(run, progress):
    from safeguarding.learning.intelligence.recurrence import detect

    result = detect(_run_day(run), actor=audit.Actor.system("scheduled-recurrence-detection"))
    return {"raised": len(result.raised), "updated": len(result.updated), "held back": len(result.held_back)}


def learning_digest_job(run, progress):
    """On the first of a month, the digest of the month just ended (the month's additions are complete)."""
    from safeguarding.learning.repository.search import digest

    today = timezone.localdate()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    result = digest.send_digest(last_month, actor=audit.Actor.system("scheduled-learning-digest"), base_url=_base_url())
    if result.already_sent:
        return {"month": f"{last_month:%Y-%m}", "already sent": 1}
    return {"month": f"{last_month:%Y-%m}", "entries": result.entries, "recipients": result.recipients}


def mortality_sync_job(run, progress):
    from safeguarding.mortality.actions.ingest import sync_from_child_deaths

    created, updated, unchanged = sync_from_child_deaths(audit.Actor.system("scheduled-mortality-sync"))
    return {"created": created, "updated": updated, "unchanged": unchanged}


def _base_url():
    from django.conf import settings

    return settings.SERVICE_URL.rstrip("/")


def linkage_model_job(run, progress):
    """Retrains the death notification linkage model on the national table, once a month. While the table is
    too small to learn from, the model in force stays and the run says why (a normal outcome, not a failure)."""
    from safeguarding.child_deaths.actions.linkage_models import (
        MINIMUM_TRAINING_NOTIFICATIONS,
        retrain_linkage_model,
    )
    from safeguarding.child_deaths.models import Notification

    notifications = Notification.objects.count()
    if notifications < MINIMUM_TRAINING_NOTIFICATIONS:
        return {"notifications": notifications, "needed": MINIMUM_TRAINING_NOTIFICATIONS, "trained": 0}
    progress.total(1, f"Training on {notifications:,} notifications")
    version = retrain_linkage_model(
        actor=audit.Actor.system("scheduled-linkage-retraining"), minimum=MINIMUM_TRAINING_NOTIFICATIONS
    )
    progress.advance(1, f"Version {version.version} stored")
    return {"notifications": notifications, "trained": 1, "version": version.version}
