"""Every way material reaches the national repository goes through `receive`: a report from an incident,
a rapid inquiry's learning summary, a national inquiry's report, or an import of earlier reviews.

A second submission from the same source with the same content is refused; with changed content it becomes
a new edition and the earlier one is kept whole (Wood para 168: reports stay available, nothing expires).
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit

from .models import (
    AgeBand,
    EntryKind,
    EntrySource,
    FindingTheme,
    RepositoryEntry,
    RepositoryEntryEdition,
    RepositoryFinding,
    RepositoryRecommendation,
)
from .search import facet_index


@dataclass
class IncomingFinding:
    what_happened: str
    why: str = ""
    agencies: list = field(default_factory=list)


@dataclass
class IncomingRecommendation:
    text: str
    outcome: str = ""
    addressee: str = ""
    # 1-based position of the finding it answers, if any.
    finding_position: int | None = None


@dataclass
class Incoming:
    """One report as it arrives, already redacted. `sections` is [(heading, text)] in reading order."""

    source_key: str
    kind: str
    title: str
    summary: str
    area_name: str
    published_on: date
    sections: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    is_public: bool = True
    source: str = EntrySource.PLATFORM
    area: object = None
    region: object = None
    incident: object = None
    harm: str = ""
    harm_kinds: list = field(default_factory=list)
    age_band: str = AgeBand.NOT_KNOWN
    methodology: str = ""
    agencies: list = field(default_factory=list)

    def content(self):
        """What identifies this edition's content: a resubmission with the same content is a duplicate."""
        return {
            "kind": self.kind,
            "title": self.title,
            "summary": self.summary,
            "sections": [{"heading": h, "text": t} for h, t in self.sections],
            "findings": [vars(f) for f in self.findings],
            "recommendations": [vars(r) for r in self.recommendations],
            "area_name": self.area_name,
            "published_on": self.published_on.isoformat(),
            "harm": self.harm,
            "harm_kinds": sorted(self.harm_kinds),
            "age_band": self.age_band,
            "methodology": self.methodology,
            "agencies": sorted(self.agencies),
            "is_public": self.is_public,
        }


class AlreadyInRepository(ValidationError):
    """The same content from the same source is already there."""


def _hash(content):
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def _validate(incoming):
    errors = {}
    if incoming.kind not in EntryKind.values:
        errors["kind"] = f"The kind must be one of: {', '.join(EntryKind.values)}"
    if not incoming.title.strip():
        errors["title"] = "Enter the report's title"
    if not incoming.summary.strip():
        errors["summary"] = "Enter the report's summary"
    if not incoming.area_name.strip():
        errors["area_name"] = "Enter the name of the area that wrote the report"
    if incoming.age_band not in AgeBand.values:
        errors["age_band"] = f"The age band must be one of: {', '.join(AgeBand.values)}"
    if any(not f.what_happened.strip() for f in incoming.findings):
        errors["findings"] = "Every finding needs a description of what happened"
    if any(not r.text.strip() for r in incoming.recommendations):
        errors["recommendations"] = "Every recommendation needs its text"
    positions = range(1, len(incoming.findings) + 1)
    if any(r.finding_position is not None and r.finding_position not in positions for r in incoming.recommendations):
        errors["recommendations"] = "A recommendation points at a finding the report does not have"
    if errors:
        raise ValidationError(errors)


def _next_reference(year):
    prefix = f"NLR-{year}-"
    taken = RepositoryEntry.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
    number = max((int(ref.removeprefix(prefix)) for ref in taken), default=0) + 1
    return f"{prefix}{number:04d}"


def _search_text(incoming):
    parts = [incoming.title, incoming.summary, incoming.area_name, incoming.methodology]
    parts += [text for _heading, text in incoming.sections]
    parts += [f"{f.what_happened} {f.why}" for f in incoming.findings]
    parts += [f"{r.text} {r.outcome}" for r in incoming.recommendations]
    return "\n".join(p for p in parts if p)


def _write_learning(entry, incoming, previous_codes):
    """The edition's findings and recommendations. A finding whose text is unchanged from the last edition
    keeps its codes, so a corrected report does not undo the analysts' coding."""
    by_position = {}
    for position, incoming_finding in enumerate(incoming.findings, start=1):
        finding = RepositoryFinding.objects.create(
            entry=entry,
            edition=entry.edition,
            position=position,
            what_happened=incoming_finding.what_happened.strip(),
            why=incoming_finding.why.strip(),
            agencies=list(incoming_finding.agencies),
        )
        kept = previous_codes.get((finding.what_happened, finding.why))
        if kept:
            coded_at, coded_by_id, suggestions, codes = kept
            finding.coded_at, finding.coded_by_id, finding.suggestions_at_coding = coded_at, coded_by_id, suggestions
            finding.save(update_fields=["coded_at", "coded_by", "suggestions_at_coding"])
            FindingTheme.objects.bulk_create(
                [
                    FindingTheme(finding=finding, theme_id=theme_id, was_suggested=s, coded_by_id=coded_by_id)
                    for theme_id, s in codes
                ]
            )
        by_position[position] = finding
    RepositoryRecommendation.objects.bulk_create(
        [
            RepositoryRecommendation(
                entry=entry,
                edition=entry.edition,
                position=position,
                finding=by_position.get(rec.finding_position),
                text=rec.text.strip(),
                outcome=rec.outcome.strip(),
                addressee=rec.addressee.strip(),
            )
            for position, rec in enumerate(incoming.recommendations, start=1)
        ]
    )


def _codes_of_current_edition(entry):
    codes = {}
    for finding in entry.current_findings().prefetch_related("codes"):
        if finding.coded_at:
            codes[(finding.what_happened, finding.why)] = (
                finding.coded_at,
                finding.coded_by_id,
                finding.suggestions_at_coding,
                [(code.theme_id, code.was_suggested) for code in finding.codes.all()],
            )
    return codes


def _apply(entry, incoming, content_hash):
    for name in (
        "kind", "title", "summary", "area", "area_name", "region", "incident", "published_on", "harm",
        "harm_kinds", "age_band", "methodology", "agencies", "is_public", "source",
    ):  # fmt: skip
        setattr(entry, name, getattr(incoming, name))
    entry.sections = [{"heading": heading, "text": text} for heading, text in incoming.sections]
    entry.search_text = _search_text(incoming)
    entry.content_hash = content_hash


def receive(incoming, *, actor=None, today=None):
    """Adds the report to the repository, or a new edition of it. Returns (entry, created)."""
    _validate(incoming)
    today = today or timezone.localdate()
    content = incoming.content()
    content_hash = _hash(content)
    who = actor or audit.Actor.system("national-repository")
    with transaction.atomic():
        entry = RepositoryEntry.objects.select_for_update().filter(source_key=incoming.source_key).first()
        if entry is None:
            entry = RepositoryEntry(
                source_key=incoming.source_key, reference=_next_reference(today.year), added_on=today, edition=1
            )
            _apply(entry, incoming, content_hash)
            entry.save()
            _write_learning(entry, incoming, {})
            facet_index.refresh([entry.pk])
            audit.record(who, "repository.entry_added", entry, {"reference": entry.reference, "kind": entry.kind})
            transaction.on_commit(_compare_recommendations_again)
            return entry, True
        if entry.content_hash == content_hash:
            raise AlreadyInRepository(
                f"{entry.reference} already holds this report, unchanged: it was not added a second time"
            )
        previous_codes = _codes_of_current_edition(entry)
        RepositoryEntryEdition.objects.create(
            entry=entry, edition=entry.edition, content=_snapshot(entry), content_hash=entry.content_hash
        )
        entry.edition += 1
        _apply(entry, incoming, content_hash)
        entry.save()
        _write_learning(entry, incoming, previous_codes)
        facet_index.refresh([entry.pk])
        audit.record(
            who, "repository.entry_new_edition", entry, {"reference": entry.reference, "edition": entry.edition}
        )
        transaction.on_commit(_compare_recommendations_again)
        return entry, False


def _compare_recommendations_again():
    """New recommendations are compared with the rest by a background job (the repetition index reads it)."""
    from safeguarding.learning.intelligence.similarity import request_refresh

    request_refresh()


def _snapshot(entry):
    return {
        "title": entry.title,
        "summary": entry.summary,
        "sections": entry.sections,
        "published_on": entry.published_on.isoformat(),
        "findings": [
            {"position": f.position, "what_happened": f.what_happened, "why": f.why} for f in entry.current_findings()
        ],
        "recommendations": [
            {"position": r.position, "text": r.text, "outcome": r.outcome, "addressee": r.addressee}
            for r in entry.current_recommendations()
        ],
    }
