"""Test helpers: a repository entry made through the real `receive` action, with findings and
recommendations, ready to search, code or count."""

import datetime
import itertools

from .actions import Incoming, IncomingFinding, IncomingRecommendation, receive
from .models import AgeBand, EntryKind, EntrySource, FindingTheme, Theme
from .search import facet_index

_numbers = itertools.count(1)


def make_entry(
    *,
    title=None,
    summary="A summary of the learning.",
    area_name="Area A Safeguarding Partnership",
    published_on=datetime.date(2026, 3, 2),
    findings=(("Home conditions were poor and the baby was often hungry.", "Neglect was not named."),),
    recommendations=("Partners should agree a neglect screening tool by March 2027.",),
    kind=EntryKind.LLI_REPORT,
    is_public=True,
    source_key=None,
    today=None,
    **facts,
):
    """One entry through `receive`. `findings` are (what happened, why) pairs; `recommendations` are texts,
    each pointing at the finding in the same position if there is one."""
    number = next(_numbers)
    incoming = Incoming(
        source_key=source_key or f"import:test-{number}",
        source=EntrySource.IMPORTED,
        kind=kind,
        title=title or f"Learning from the case of Child {number}",
        summary=summary,
        area_name=area_name,
        published_on=published_on,
        sections=[("What we have learned", summary)],
        findings=[IncomingFinding(what, why) for what, why in findings],
        recommendations=[
            IncomingRecommendation(text, finding_position=position if position <= len(findings) else None)
            for position, text in enumerate(recommendations, start=1)
        ],
        is_public=is_public,
        age_band=facts.pop("age_band", AgeBand.NOT_KNOWN),
        **facts,
    )
    entry, _created = receive(incoming, today=today or published_on)
    return entry


def code(finding, *theme_slugs, coded_by=None):
    """Gives a finding codes directly, as an import of already-coded material would (no suggestion)."""
    from django.utils import timezone

    for slug in theme_slugs:
        FindingTheme.objects.create(finding=finding, theme=Theme.objects.get(slug=slug), coded_by=coded_by)
    finding.coded_at, finding.coded_by = timezone.now(), coded_by
    finding.save(update_fields=["coded_at", "coded_by"])
    facet_index.refresh([finding.entry_id])
    return finding
