"""Importing an area's published review reports from an earlier system into the national repository.

The reports are the published, redacted texts (public already), so the file may come back with the
confirmation. Each row goes through the repository's own `receive`, as a report published on the platform
does, under the source key `import:area-<id>:<source_reference>`: the same row again adds nothing, a row whose
text changed becomes the entry's next edition. Every row is audited as imported with its source.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.incidents.choices import Harm, HarmKind
from safeguarding.learning.repository.actions import (
    AlreadyInRepository,
    Incoming,
    IncomingFinding,
    IncomingRecommendation,
    receive,
)
from safeguarding.learning.repository.actions import _hash as content_hash
from safeguarding.learning.repository.models import AgeBand, EntryKind, EntrySource, RepositoryEntry

from .people import read_rows

COLUMNS = ("source_reference", "kind", "title", "summary", "published_on")
OPTIONAL = ("harm", "harm_kinds", "age_band", "methodology", "findings", "recommendations")
KINDS = {EntryKind.HISTORIC_REVIEW, EntryKind.LLI_REPORT}
SEPARATOR = "|"


class Outcome:
    CREATE = "create"
    NEW_EDITION = "new edition"
    ALREADY = "already imported"
    REFUSED = "refused"


@dataclass
class ReportRow:
    line: int
    source_reference: str
    title: str = ""
    outcome: str = Outcome.REFUSED
    problems: list = field(default_factory=list)
    incoming: Incoming | None = None

    @property
    def problem(self):
        return "; ".join(self.problems)


def _region_of(area):
    authority = area.local_authorities.select_related("region").first()
    return authority.region if authority else None


def _parts(text):
    return [part.strip() for part in (text or "").split(SEPARATOR) if part.strip()]


def _row(line, values, area, region, seen, today):
    row = ReportRow(line, values.get("source_reference", ""), values.get("title", ""))
    problems = row.problems
    if not row.source_reference:
        problems.append("source_reference: enter the report's reference in the system it comes from")
    elif len(row.source_reference) > 40:
        problems.append("source_reference: must be 40 characters or fewer")
    elif row.source_reference in seen:
        problems.append("source_reference: appears on an earlier row of this file")
    seen.add(row.source_reference)
    kind = values.get("kind", "").lower()
    if kind not in KINDS:
        problems.append(f"kind: must be one of {', '.join(sorted(KINDS))}")
    if not row.title:
        problems.append("title: enter the report's published title")
    elif len(row.title) > 250:
        problems.append("title: must be 250 characters or fewer")
    if not values.get("summary"):
        problems.append("summary: enter the report's published summary")
    published_on = None
    try:
        published_on = datetime.date.fromisoformat(values.get("published_on", ""))
    except ValueError:
        problems.append("published_on: enter the date it was published, like 2019-06-30")
    if published_on and published_on > today:
        problems.append("published_on: must be today or in the past")
    harm = values.get("harm", "").lower()
    if harm and harm not in Harm.values:
        problems.append(f"harm: must be one of {', '.join(Harm.values)}")
    harm_kinds = [kind.lower() for kind in _parts(values.get("harm_kinds"))]
    if any(kind not in HarmKind.values for kind in harm_kinds):
        problems.append(f"harm_kinds: each must be one of {', '.join(HarmKind.values)}, separated by |")
    age_band = values.get("age_band", "").lower() or AgeBand.NOT_KNOWN
    if age_band not in AgeBand.values:
        problems.append(f"age_band: must be one of {', '.join(AgeBand.values)}")
    if problems:
        return row
    row.incoming = Incoming(
        source_key=f"import:area-{area.pk}:{row.source_reference}",
        kind=kind,
        title=row.title,
        summary=values["summary"],
        area_name=area.name,
        published_on=published_on,
        findings=[IncomingFinding(what_happened=text) for text in _parts(values.get("findings"))],
        recommendations=[IncomingRecommendation(text=text) for text in _parts(values.get("recommendations"))],
        source=EntrySource.IMPORTED,
        area=area,
        region=region,
        harm=harm,
        harm_kinds=harm_kinds,
        age_band=age_band,
        methodology=values.get("methodology", ""),
    )
    return row


def check_reports(user, area, text, *, today=None):
    """Each row's outcome, with every problem named by column. Nothing is written."""
    if not user.has_perm("onboarding.import_reports", area):
        raise PermissionDenied(f"You may not import reports for {area.name}")
    today = today or timezone.localdate()
    region = _region_of(area)
    seen = set()
    rows = [_row(line, values, area, region, seen, today) for line, values in read_rows(text, COLUMNS, 5000)]
    keys = {row.incoming.source_key: row for row in rows if row.incoming}
    existing = dict(RepositoryEntry.objects.filter(source_key__in=keys).values_list("source_key", "content_hash"))
    for key, row in keys.items():
        if key not in existing:
            row.outcome = Outcome.CREATE
        elif existing[key] == content_hash(row.incoming.content()):
            row.outcome = Outcome.ALREADY
        else:
            row.outcome = Outcome.NEW_EDITION
    return rows


def import_reports(user, area, text, *, today=None):
    """Checks again and, in one transaction, passes every new or changed row to the national repository."""
    rows = check_reports(user, area, text, today=today)
    actor = audit.Actor.person(user)
    with transaction.atomic():
        for row in rows:
            if row.outcome not in {Outcome.CREATE, Outcome.NEW_EDITION}:
                continue
            try:
                entry, _ = receive(row.incoming, actor=actor, today=today)
            except AlreadyInRepository:
                row.outcome = Outcome.ALREADY
                continue
            audit.record(
                actor,
                "repository.report_imported",
                entry,
                {"source_reference": row.source_reference, "reference": entry.reference, "outcome": row.outcome},
                area=area,
            )
    return rows
