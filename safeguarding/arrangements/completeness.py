"""What a draft still lacks before the lead chief officers can sign it off."""

from dataclasses import dataclass

from .sections import SECTIONS_BY_KEY


@dataclass(frozen=True)
class Gap:
    anchor: str  # the id of the place on the version page where the gap can be filled
    message: str


def gaps(version):
    """Every missing piece of `version`, in document order; empty when it is complete."""
    sections = version.sections.prefetch_related("evidence").order_by("position")
    return gaps_of(sections, has_agencies=version.relevant_agencies.exists())


def gaps_of(sections, *, has_agencies):
    """The gaps of a version from its sections (with their evidence prefetched), in position order, and
    whether it lists a relevant agency: for lists of many versions read in a few queries."""
    found = []
    for section in sections:
        if not section.body.strip():
            found.append(Gap(f"section-{section.key}", f"{section.title}: write this section"))
        definition = SECTIONS_BY_KEY.get(section.key)
        if definition and definition.needs_evidence and not section.evidence.all():
            found.append(Gap(f"section-{section.key}", f"{section.title}: attach at least one piece of evidence"))
    if not has_agencies:
        found.append(Gap("relevant-agencies", "Relevant agencies: list at least one agency and its role"))
    return found


def is_complete(version):
    return not gaps(version)
