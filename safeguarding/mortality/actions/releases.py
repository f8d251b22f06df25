"""Publishing a statistical release: files written and the release stored for the public page."""

from pathlib import Path

from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit

from ..models import Release, financial_year_label
from ..releases.build import build_release


def publish_release(actor, financial_year, out_dir=None, *, user=None):
    """Build the release, write its files to `out_dir` (if given), store it; NoDataError (nothing written) for an
    empty year. The public page serves the stored release, so the files are a copy for the publisher."""
    content = build_release(financial_year)
    label = financial_year_label(financial_year)
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
