"""The copy of a finalised death review into the national table, as a job queued with the finalisation."""

from safeguarding.core import audit
from safeguarding.jobs.registry import job

from .actions.ingest import sync_from_child_deaths


@job(max_attempts=5, backoff_seconds=60)
def copy_finalised_review(case_id):
    """Idempotent: a second run finds the record already up to date. The nightly sync catches anything missed."""
    created, updated, unchanged = sync_from_child_deaths(audit.Actor.system("review-finalised"), case_ids=[case_id])
    return {"created": created, "updated": updated, "unchanged": unchanged}
