"""Reads the register's pages share: filtering the register, a reviewer's completed inquiries, and
the counts of their quality assessments per marker."""

from django.utils import timezone

from safeguarding.incidents.states import IncidentStatus

from . import cpd
from .models import Reviewer
from .quality_markers import MET, NOT_MET, PARTLY_MET, QUALITY_MARKERS

COMPLETED_LLI_STATES = (IncidentStatus.PUBLISHED, IncidentStatus.SUBMITTED_NATIONAL)

ACCREDITATION_STATUSES = {"current": "Current", "expired": "Expired", "none": "None recorded"}


def accreditation_status(reviewer, on):
    if reviewer.current_accreditation(on) is not None:
        return "current"
    return "expired" if reviewer.latest_accreditation() is not None else "none"


def register_rows(*, specialism="", availability="", status="", on=None):
    """The register filtered, each reviewer with their accreditation status and this year's CPD compliance."""
    on = on or timezone.localdate()
    reviewers = Reviewer.objects.select_related("user").prefetch_related("accreditations", "cpd_records")
    if availability:
        reviewers = reviewers.filter(availability=availability)
    required = cpd.required_hours()
    rows = []
    for reviewer in reviewers:
        # A JSON list: filtered here, because SQLite has no JSON containment lookup.
        if specialism and specialism not in reviewer.specialisms:
            continue
        reviewer_status = accreditation_status(reviewer, on)
        if status and reviewer_status != status:
            continue
        rows.append(
            {
                "reviewer": reviewer,
                "status": reviewer_status,
                "accreditation": reviewer.current_accreditation(on) or reviewer.latest_accreditation(),
                "cpd": cpd.compliance(reviewer, on.year, required=required),
            }
        )
    return rows


def completed_inquiries(incidents, reviewer):
    """The reviewer's completed local learning inquiries among `incidents` (a scoped queryset)."""
    return (
        incidents.filter(status__in=COMPLETED_LLI_STATES, lli__lead_reviewer_id=reviewer.user_id)
        .select_related("area")
        .order_by("-pk")
    )


def marker_counts(assessments):
    """[(marker, met, partly met, not met)] over the assessments, in the markers' order."""
    rows = []
    for marker in QUALITY_MARKERS:
        ratings = [a.ratings.get(marker.key) for a in assessments]
        rows.append((marker, ratings.count(MET), ratings.count(PARTLY_MET), ratings.count(NOT_MET)))
    return rows
