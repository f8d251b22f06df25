"""Turning a case of the incidents app into what the repository receives: only its redacted, published
text and non-identifying facts (the child as an age band), never the working copy."""

from safeguarding.incidents.redaction import SECTIONS

from .actions import Incoming, IncomingFinding, IncomingRecommendation
from .models import AgeBand, EntryKind


def _region_of(area):
    authority = area.local_authorities.select_related("region").first()
    return authority.region if authority else None


def _agency_kinds(organisations):
    return sorted({organisation.kind for organisation in organisations})


def _facts(incident):
    return {
        "area": incident.area,
        "area_name": incident.area.name,
        "region": _region_of(incident.area),
        "incident": incident,
        "harm": incident.harm,
        "harm_kinds": list(incident.harm_kinds or []),
        "age_band": AgeBand.for_age(incident.child_age_years),
        "agencies": _agency_kinds(incident.agencies_involved.all()),
    }


def from_learning_report(incident):
    """The published (redacted) report of a local learning inquiry, with its findings and recommendations."""
    report = incident.report
    published = report.published_sections
    findings = []
    for number, finding in enumerate(incident.findings.all(), start=1):
        findings.append(
            IncomingFinding(
                what_happened=published.get(f"finding_{number}_what_happened", ""),
                why=published.get(f"finding_{number}_why", ""),
                agencies=_agency_kinds(finding.agencies.all()),
            )
        )
    finding_positions = {finding.pk: n for n, finding in enumerate(incident.findings.all(), start=1)}
    recommendations = [
        IncomingRecommendation(
            text=published.get(f"recommendation_{number}_change", ""),
            outcome=published.get(f"recommendation_{number}_outcome", ""),
            addressee=recommendation.addressee.name if recommendation.addressee_id else "",
            finding_position=finding_positions.get(recommendation.finding_id),
        )
        for number, recommendation in enumerate(incident.recommendations.all(), start=1)
    ]
    lli = getattr(incident, "lli", None)
    return Incoming(
        source_key=f"incident:{incident.pk}",
        kind=EntryKind.LLI_REPORT,
        title=published.get("title", ""),
        summary=published.get("summary", ""),
        published_on=incident.published_on,
        sections=[(heading, published.get(key, "")) for key, heading in SECTIONS if key not in {"title", "summary"}],
        findings=findings,
        recommendations=recommendations,
        methodology=lli.methodology.name if lli and lli.methodology_id else "",
        is_public=True,
        **_facts(incident),
    )


def from_rapid_inquiry(incident):
    """A rapid inquiry that decided no further review was needed: the learning summary its lead wrote for
    the national body without names (never the working assessment or reasons), for national roles only."""
    inquiry = incident.rapid_inquiry
    return Incoming(
        source_key=f"rapid-inquiry:{incident.pk}",
        kind=EntryKind.RAPID_INQUIRY,
        title=f"Rapid inquiry {incident.reference}: learning summary",
        summary=inquiry.national_summary,
        published_on=incident.decided_on,
        sections=[("What the rapid inquiry learned", inquiry.national_summary)],
        methodology="Rapid inquiry",
        is_public=False,
        **_facts(incident),
    )
