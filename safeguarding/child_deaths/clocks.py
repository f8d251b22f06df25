"""The clocks of a child death case, from the national policy table."""

from safeguarding.core.clocks.deadlines import clock

INFORM_DATABASE = "child-death-inform-database"
AGENCY_REPORT = "child-death-agency-report"
PANEL_REVIEW = "child-death-panel-review"


def inform_database_clock(case, today):
    return clock(
        INFORM_DATABASE,
        case.notified_on,
        nation=case.area.nation,
        today=today,
        completed_on=case.national_database_informed_on,
    )


def panel_review_clock(case, today):
    review = getattr(case, "panel_review", None)
    completed = review.reviewed_on if review is not None and review.final else None
    return clock(PANEL_REVIEW, case.date_of_death, nation=case.area.nation, today=today, completed_on=completed)


def agency_report_clock(report, today):
    return clock(
        AGENCY_REPORT,
        report.requested_on,
        nation=report.case.area.nation,
        today=today,
        completed_on=report.submitted_on,
    )
