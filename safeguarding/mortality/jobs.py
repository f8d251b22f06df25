"""The copy of a finalised death review into the national table, as a job queued with the finalisation."""

from safeguarding.core import audit
from safeguarding.jobs.registry import job

from .actions.ingest import sync_from_child_deaths


@job(max_attempts=5, backoff_seconds=60)
def copy_finalised_review(case_id):
    """Idempotent: a second run finds the record already up to date. The nightly sync catches anything missed."""
    created, updated, unchanged = sync_from_child_deaths(audit.Actor.system("review-finalised"), case_ids=[case_id])
    return {"created": created, "updated": updated, "unchanged": unchanged}


def release_job(run, progress, *, financial_year):
    """Builds and publishes the year's release as the person who asked, through the same action as the command.
    Running twice publishes the same release again over itself (one release per year)."""
    from django.core.exceptions import PermissionDenied
    from django.urls import reverse

    from .actions.releases import publish_release

    user = run.requested_by
    if user is None or not user.has_perm("mortality.publish_release"):
        raise PermissionDenied("The person who asked for this release may no longer publish statistics.")
    release, content = publish_release(user, financial_year, user=user, progress=progress)
    return {
        "deaths": content.deaths,
        "tables": len(content.tables),
        "result_url": reverse("statistics:release", args=[release.label]),
    }


def release_links(run):
    """The published release and its files to download."""
    from django.urls import reverse

    from .models import Release

    label = run.period.split(" ", 1)[0]
    release = Release.objects.filter(financial_year=int(label[:4])).first()
    if release is None:
        return []
    links = [
        (f"Read the release for {label}", reverse("statistics:release", args=[label])),
        (f"Download the release for {label} (PDF)", reverse("statistics:release-pdf", args=[label])),
    ]
    for name in sorted(release.tables):
        links.append((f"Download {name} (CSV)", reverse("statistics:release-csv", args=[label, name[:-4]])))
    return links
