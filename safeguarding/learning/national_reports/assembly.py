"""The figures of a year's annual report, assembled from the platform's data into a JSON snapshot.

Everything here counts national totals for the national roles; nothing is suppressed yet. The public page
and the PDF pass every figure through `disclosure.py` before showing it.

Which date puts a case in the year: a notification by the day it was submitted, a rapid inquiry by the
day it started, a local learning inquiry by the decision to hold one (begun) and its completion
(completed), a national inquiry by the day it was proposed (and decided, and published). Timeliness counts
each clock that was completed in the year, by the case's own clocks (pauses included), so the report agrees
with what the case pages showed.
"""

import datetime
import statistics

from django.utils import timezone

from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.core.clocks.models import ClockPolicy
from safeguarding.incidents import clocks as incident_clocks
from safeguarding.incidents.models import Incident, RapidInquiry
from safeguarding.incidents.models.rapid_inquiry import Decision
from safeguarding.learning.intelligence import similarity
from safeguarding.learning.intelligence.analysis import theme_counts
from safeguarding.learning.intelligence.repetition import repetition_index
from safeguarding.learning.nsci import clocks as nsci_clocks
from safeguarding.learning.nsci.models import NationalInquiry
from safeguarding.learning.nsci.models.inquiry import Decision as NsciDecision
from safeguarding.learning.repository.models import RepositoryEntry

LEADING_THEMES = 10
REPEATED_RECOMMENDATIONS = 10
REPEATED_CLUSTERS = 5


def year_bounds(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _in_year(day, start, end):
    return day is not None and start <= day <= end


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def _incident_figures(start, end, today):
    """Counts of the local journey, and the clocks completed in the year."""
    incidents = list(
        Incident.objects.filter(submitted_at__isnull=False)
        .select_related("area", "rapid_inquiry")
        .prefetch_related("pauses")
    )
    policies = {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=incident_clocks.KEYS)}
    decided = [i for i in incidents if _in_year(i.decided_on, start, end)]

    def decision_of(incident):
        return getattr(getattr(incident, "rapid_inquiry", None), "decision", "")

    counts = {
        "notifications": sum(1 for i in incidents if _in_year(_local_date(i.submitted_at), start, end)),
        "rapid_inquiries": RapidInquiry.objects.filter(started_on__range=(start, end)).count(),
        "rapid_inquiry_decisions": len(decided),
        "llis_begun": sum(1 for i in decided if decision_of(i) == Decision.LLI),
        "referrals_for_nsci": sum(1 for i in decided if decision_of(i) == Decision.REFER_NSCI),
        "llis_completed": sum(1 for i in incidents if _in_year(i.lli_completed_on, start, end)),
        "lli_reports_published": sum(1 for i in incidents if _in_year(i.published_on, start, end)),
    }
    clocks = [
        case_clock.clock
        for incident in incidents
        for case_clock in incident_clocks.case_clocks(incident, today=today, policies=policies)
    ]
    return counts, clocks, [policies[key] for key in incident_clocks.KEYS if key in policies]


def _national_inquiry_figures(start, end, today):
    """Counts and clocks of the national serious case inquiries."""
    policies = nsci_clocks.policies()
    inquiries = list(NationalInquiry.objects.all())
    counts = {
        "proposed": sum(1 for n in inquiries if _in_year(n.proposed_on, start, end)),
        "accepted": sum(
            1 for n in inquiries if _in_year(n.decided_on, start, end) and n.decision == NsciDecision.ACCEPT
        ),
        "published": sum(1 for n in inquiries if _in_year(n.published_on, start, end)),
    }
    clocks = [clock for n in inquiries for clock in nsci_clocks.inquiry_clocks(n, today=today, policies=policies)]
    return counts, clocks, [policies[key] for key in nsci_clocks.KEYS if key in policies]


def _length(policy):
    return policy.length


def timeliness(clocks, policies, start, end):
    """Per clock of the policy table: how many were completed in the year, how many on time, and the
    median days (calendar) from the clock's start to completion."""
    rows = []
    for policy in policies:
        done = [c for c in clocks if c.key == policy.key and _in_year(c.completed_on, start, end)]
        days = [(c.completed_on - c.started_on).days for c in done]
        rows.append(
            {
                "key": policy.key,
                "name": policy.name,
                "length": _length(policy),
                "starts_from": policy.starts_from,
                "completed": len(done),
                "on_time": sum(1 for c in done if c.state == ClockState.MET),
                "median_days": statistics.median(days) if days else None,
            }
        )
    return rows


def leading_themes(start, end):
    """The themes found in the most reports published in the year (current editions, coded findings)."""
    return [
        {
            "slug": count.theme.slug,
            "name": count.theme.name,
            "group": count.theme.group.name,
            "reports": count.reports,
            "areas": count.areas,
            "findings": count.findings,
        }
        for count in theme_counts(start, end)[:LEADING_THEMES]
    ]


def recurrence_alerts(start, end):
    """The recurrence alerts raised in the year, whether still open or since dismissed."""
    from safeguarding.learning.intelligence.models import RecurrenceAlert

    alerts = RecurrenceAlert.objects.filter(raised_on__range=(start, end)).select_related("theme")
    return [
        {
            "theme": alert.theme.name,
            "slug": alert.theme.slug,
            "raised_on": alert.raised_on.isoformat(),
            "window_start": alert.window_start.isoformat(),
            "window_end": alert.window_end.isoformat(),
            "reports": alert.report_count,
            "areas": alert.area_count,
            "status": alert.get_status_display(),
        }
        for alert in alerts.order_by("raised_on", "theme__name")
    ]


def repeated_recommendations(start, end):
    """Where the same recommendation keeps being written: the repetition index per theme (the themes with
    the most repeated recommendations) and the clusters of near-duplicates spread over the most areas.

    Published reports only, as the clusters' examples are quoted in a public report. The report's figures
    are frozen, so they are read from a comparison of the recommendations as they are now."""
    similarity.ensure_fresh()
    result = repetition_index(start, end, public_only=True)
    themes = sorted(result.by_theme, key=lambda row: (-row.repeated, -row.index, row.theme.name))
    return {
        "recommendations": result.recommendations,
        "repeated": result.repeated,
        "themes": [
            {
                "name": row.theme.name,
                "slug": row.theme.slug,
                "recommendations": row.recommendations,
                "repeated": row.repeated,
                "index": round(row.index, 3),
            }
            for row in themes[:REPEATED_RECOMMENDATIONS]
            if row.repeated
        ],
        "clusters": [
            {
                "example": cluster.example.text,
                "reference": cluster.example.reference,
                "recommendations": cluster.size,
                "reports": cluster.reports,
                "areas": cluster.areas,
                "years": cluster.years,
            }
            for cluster in result.clusters[:REPEATED_CLUSTERS]
        ],
    }


def assemble_figures(year, *, today=None, progress=None):
    """The snapshot stored on the annual report: plain JSON, frozen once assembled. `progress(done, total,
    stage)`, if given, is told before each stage."""
    today = today or timezone.localdate()
    start, end = year_bounds(year)
    stages = iter(ASSEMBLY_STAGES)

    def step():
        if progress is not None:
            done, label = next(stages)
            progress(done, len(ASSEMBLY_STAGES), label)

    step()
    incident_counts, clocks, policies = _incident_figures(start, end, today)
    step()
    nsci_counts, inquiry_clocks, nsci_policies = _national_inquiry_figures(start, end, today)
    step()
    entries = RepositoryEntry.objects.filter(published_on__range=(start, end))
    repository = {"reports": entries.count(), "public_reports": entries.filter(is_public=True).count()}
    step()
    clock_figures = timeliness(clocks + inquiry_clocks, policies + nsci_policies, start, end)
    step()
    themes = leading_themes(start, end)
    step()
    alerts = recurrence_alerts(start, end)
    step()
    repetition = repeated_recommendations(start, end)
    step()
    return {
        "year": year,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "assembled_on": today.isoformat(),
        "incidents": incident_counts,
        "national_inquiries": nsci_counts,
        "repository": repository,
        "timeliness": clock_figures,
        "themes": themes,
        "alerts": alerts,
        "repetition": repetition,
    }


# (steps done before it, what is being counted): what the run's page says while the figures are assembled.
ASSEMBLY_STAGES = tuple(
    enumerate(
        (
            "Counting notifications, rapid inquiries and local learning inquiries",
            "Counting national inquiries",
            "Counting reports in the national repository",
            "Measuring the year's clocks",
            "Finding the leading themes",
            "Listing recurrence alerts",
            "Finding repeated recommendations",
            "Saving the figures on the report",
        )
    )
)
