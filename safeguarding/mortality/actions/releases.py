"""Publishing a statistical release: files written and the release stored for the public page.

The release pages queue `publish_release` as a long job (`request_release`); the command calls it directly.
"""

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit

from ..models import MortalityRecord, Release, financial_year_label
from ..releases.build import RELEASE_STAGES, build_release

RELEASE_JOB = "statistics-release"


def years_with_deaths():
    """The financial years a release can be built for, newest first."""
    return list(MortalityRecord.objects.order_by("-financial_year").values_list("financial_year", flat=True).distinct())


def request_release(user, financial_year):
    """What the release page calls: the permission and the year are checked now (a refusal is immediate), then
    the release is built and published by a long job whose run is returned for the page to follow. A year whose
    release is already queued or being built gets that run rather than a second one."""
    from safeguarding.jobs.actions import start_long_job
    from safeguarding.jobs.runs import in_progress

    if not user.has_perm("mortality.publish_release"):
        raise PermissionDenied
    label = financial_year_label(financial_year)
    if not MortalityRecord.objects.filter(financial_year=financial_year).exists():
        raise ValidationError({"year": f"No deaths are recorded for {label}: choose a year that has some"})
    running = in_progress(RELEASE_JOB, label)
    if running is not None:
        return running
    return start_long_job(
        user, user, RELEASE_JOB, about=label, kwargs={"financial_year": financial_year}, audit_data={"year": label}
    )


def publish_release(actor, financial_year, out_dir=None, *, user=None, progress=None):
    """Build the release, write its files to `out_dir` (if given), store it; NoDataError (nothing written) for an
    empty year. The release is stored in one transaction at the end: a failure part-way leaves the published
    release of the year (if any) as it was. Publishing a year again replaces its release."""
    content = build_release(financial_year, progress=progress)
    label = financial_year_label(financial_year)
    if progress is not None:
        progress(len(RELEASE_STAGES) - 1, len(RELEASE_STAGES), RELEASE_STAGES[-1])
    if out_dir is not None:
        directory = Path(out_dir)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / f"child-deaths-{label}.html").write_text(content.document, encoding="utf-8")
        (directory / f"child-deaths-{label}.pdf").write_bytes(content.pdf)
        for name, text in content.tables.items():
            (directory / name).write_text(text, encoding="utf-8")
    with transaction.atomic():
        release, created = Release.objects.update_or_create(
            financial_year=financial_year,
            defaults={
                "title": content.title,
                "html": content.body,
                "pdf": content.pdf,
                "tables": content.tables,
                "deaths": content.deaths,
                "published_at": timezone.now(),
                "published_by": user,
            },
        )
        audit.record(
            actor,
            "mortality.release.published",
            release,
            {"financial_year": label, "republished": not created, "files": len(content.tables) + 2},
        )
    return release, content
