"""The national repository at national volume: every report an area sent to the national body, and earlier
published reviews imported to make up the number, written as `receive` writes them (the same content hash,
search text and references) but in bulk, then coded as an import of coded material, the latest left for the
coding queue."""

import datetime
from collections import defaultdict

from safeguarding.core import audit
from safeguarding.learning.repository.actions import (
    Incoming,
    IncomingFinding,
    IncomingRecommendation,
    _apply,
    _hash,
    _validate,
)
from safeguarding.learning.repository.models import (
    AgeBand,
    EntryKind,
    EntrySource,
    FindingTheme,
    RepositoryEntry,
    RepositoryFinding,
    RepositoryRecommendation,
    Theme,
)
from safeguarding.learning.repository.search import facet_index
from safeguarding.learning.repository.synthetic import generate_corpus
from safeguarding.organisations.models import Membership, Region, Role

from .bulk import dated_as_given, field, insert, model_target, moment

REPORTS = 3000
UNCODED = 60


def _from_incident(item):
    incident, source = item.incident, item.source
    return (
        Incoming(
            source_key=f"incident:{incident.pk}",
            kind=EntryKind.LLI_REPORT,
            title=source.incoming.title,
            summary=source.incoming.summary,
            area_name=incident.area.name,
            published_on=item.journey.published,
            sections=list(source.incoming.sections),
            findings=[IncomingFinding(f.what_happened, f.why) for f in source.incoming.findings[:4]],
            recommendations=[
                IncomingRecommendation(r.text, finding_position=None) for r in source.incoming.recommendations
            ],
            area=incident.area,
            incident=incident,
            harm=incident.harm,
            harm_kinds=list(incident.harm_kinds),
            age_band=AgeBand.for_age(incident.child_age_years),
            methodology=source.incoming.methodology,
            agencies=list(source.incoming.agencies),
        ),
        source.intended_codes[:4],
        item.journey.sent,
    )


def seed_repository(built_incidents, trail, *, today, scale=1.0, reports=None):
    """Returns a count of each kind of row."""
    wanted = reports if reports is not None else round(REPORTS * scale)
    regions = {region.code: region for region in Region.objects.all()}
    incoming = [_from_incident(item) for item in built_incidents if item.journey.sent]
    imported = max(0, wanted - len(incoming))
    for synthetic in generate_corpus(reports=imported):
        report = synthetic.incoming
        report.source, report.region = EntrySource.IMPORTED, regions.get(synthetic.region_code)
        report.source_key = f"national-{report.source_key}"
        added = min(report.published_on + datetime.timedelta(days=21), today)
        incoming.append((report, synthetic.intended_codes, added))
    area_regions = {}
    for item in built_incidents:
        area_regions[item.incident.area_id] = regions.get(item.area.region_code)
    for report, _codes, _added in incoming:
        if report.region is None and report.area is not None:
            report.region = area_regions.get(report.area.pk)
    incoming.sort(key=lambda row: (row[2], row[0].source_key))
    numbers = defaultdict(int)
    for year, reference in RepositoryEntry.objects.values_list("added_on__year", "reference"):
        numbers[year] = max(numbers[year], int(reference.rsplit("-", 1)[1]))
    entries = []
    for report, _codes, added in incoming:
        _validate(report)
        numbers[added.year] += 1
        entry = RepositoryEntry(
            source_key=report.source_key,
            reference=f"NLR-{added.year}-{numbers[added.year]:04d}",
            added_on=added,
            edition=1,
            updated_at=moment(added, 9),
        )
        _apply(entry, report, _hash(report.content()))
        entries.append(entry)
    with dated_as_given(field(RepositoryEntry, "updated_at")):
        insert(RepositoryEntry, entries, batch_size=500)
    system = audit.Actor.system("national-repository")
    findings, recommendations, intended = [], [], []
    for entry, (report, codes, added) in zip(entries, incoming, strict=True):
        trail.add(
            system,
            "repository.entry_added",
            model_target(entry),
            {"reference": entry.reference, "kind": entry.kind},
            when=moment(added, 9),
        )
        by_position = {}
        for position, found in enumerate(report.findings, start=1):
            finding = RepositoryFinding(
                entry=entry,
                edition=1,
                position=position,
                what_happened=found.what_happened,
                why=found.why,
                agencies=list(found.agencies),
            )
            by_position[position] = finding
            findings.append(finding)
            intended.append((finding, codes[position - 1] if position <= len(codes) else [], added))
        for position, rec in enumerate(report.recommendations, start=1):
            recommendations.append((rec, position, entry, by_position))
    to_code = intended[: max(0, len(intended) - UNCODED)]
    analyst = _analyst()
    for finding, _slugs, added in to_code:
        finding.coded_at, finding.coded_by = moment(added + datetime.timedelta(days=14), 11), analyst.user
    insert(RepositoryFinding, findings)
    insert(
        RepositoryRecommendation,
        [
            RepositoryRecommendation(
                entry=entry,
                edition=1,
                position=position,
                finding=by_position.get(rec.finding_position),
                text=rec.text,
                outcome=rec.outcome,
                addressee=rec.addressee,
            )
            for rec, position, entry, by_position in recommendations
        ],
    )
    coded = _code(to_code, analyst, trail)
    facet_index.refresh([entry.pk for entry in entries])
    return {
        "repository entries": len(entries),
        "repository findings": len(findings),
        "repository recommendations": len(recommendations),
        "findings coded": coded,
    }


def _analyst():
    return Membership.objects.filter(role=Role.NATIONAL_ANALYST).select_related("user", "organisation").first()


def _code(pairs, analyst, trail):
    """The codes of findings marked coded (an import of coded material: no suggestion was shown)."""
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    actor = audit.Actor.person(analyst.user, organisation=analyst.organisation, role=Role.NATIONAL_ANALYST)
    codes = []
    for finding, slugs, _added in pairs:
        for slug in slugs:
            if slug in themes:
                codes.append(
                    FindingTheme(finding=finding, theme=themes[slug], coded_by=analyst.user, coded_at=finding.coded_at)
                )
        trail.add(
            actor, "repository.finding_coded", model_target(finding), {"themes": list(slugs)}, when=finding.coded_at
        )
    with dated_as_given(field(FindingTheme, "coded_at")):
        insert(FindingTheme, codes)
    return len(pairs)
