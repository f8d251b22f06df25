"""The one rule for what the public may read: published and superseded versions, never drafts.

Public pages have no person to scope by, so they read versions only through these functions
(and tests check that a draft never comes out of them).
"""

from .models import ArrangementsVersion, VersionStatus, YearlyReport

PUBLIC_STATUSES = (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED)


def public_versions(area=None):
    versions = ArrangementsVersion.objects.filter(status__in=PUBLIC_STATUSES)
    return versions.filter(area=area) if area is not None else versions


def current_publications():
    return ArrangementsVersion.objects.filter(status=VersionStatus.PUBLISHED).select_related("area")


def public_reports(area):
    return YearlyReport.objects.filter(area=area, status=YearlyReport.Status.PUBLISHED).order_by("-year")
