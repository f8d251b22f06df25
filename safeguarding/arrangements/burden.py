"""The burden on one agency across every area it serves (Wood paragraphs 84 and 147).

An agency sees the meetings its people attended and the reports asked of it in every area, even
areas where none of its people holds a role: the rows are about the agency itself, and seeing them
side by side is how duplication becomes visible. Only titles, dates and counts are shown.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .models import MeetingAttendance, ReportRequest


@dataclass
class AreaBurden:
    area: object
    meetings: int = 0
    people_hours: Decimal = Decimal(0)
    reports: int = 0
    meeting_titles: list = field(default_factory=list)


def burden(organisation, start, end):
    """(rows per area sorted by name, totals) of meetings attended and reports asked between the dates."""
    by_area = {}
    attendance = MeetingAttendance.objects.filter(
        organisation=organisation, meeting__held_on__range=(start, end)
    ).select_related("meeting__area")
    for row in attendance:
        meeting = row.meeting
        item = by_area.setdefault(meeting.area_id, AreaBurden(meeting.area))
        item.meetings += 1
        item.people_hours += meeting.hours * row.attendees
        item.meeting_titles.append(meeting)
    for request in ReportRequest.objects.filter(organisation=organisation, due_on__range=(start, end)).select_related(
        "area"
    ):
        by_area.setdefault(request.area_id, AreaBurden(request.area)).reports += 1
    rows = sorted(by_area.values(), key=lambda item: item.area.name)
    totals = {
        "areas": len(rows),
        "meetings": sum(r.meetings for r in rows),
        "people_hours": sum((r.people_hours for r in rows), Decimal(0)),
        "reports": sum(r.reports for r in rows),
    }
    return rows, totals


def same_titles_across_areas(rows):
    """Meeting kinds the agency attends in more than one area: where duplication is likeliest."""
    areas_by_kind = defaultdict(set)
    for row in rows:
        for meeting in row.meeting_titles:
            areas_by_kind[meeting.get_kind_display()].add(row.area.name)
    return {kind: sorted(areas) for kind, areas in areas_by_kind.items() if len(areas) > 1}
