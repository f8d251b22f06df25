"""Assembling a yearly report's first draft from what the platform holds for the area.

Each section is Markdown the partners then edit. Figures from other pillars come through an
extension point rather than imports, so this app works with or without them:

    YEARLY_REPORT_CONTRIBUTORS names apps; for each one installed, its module `<app>.yearly_report`
    (if it exists) must offer `yearly_report_section(area, start, end)` returning Markdown (str) or
    None. `start` and `end` are the first and last dates of the financial year.

The serious incidents (safeguarding.incidents) and child death review (safeguarding.child_deaths)
apps can add their figures (incidents notified, inquiries completed and their timeliness, actions
completed or overdue, child death reviews) by providing that module.
"""

import datetime
import importlib

from django.apps import apps

from . import funding
from .models import (
    ArrangementsVersion,
    Engagement,
    FundingContribution,
    OutcomeMeasure,
    ScrutinyActivity,
    SignOff,
    VersionStatus,
    financial_year_label,
)
from .populations import area_children

YEARLY_REPORT_CONTRIBUTORS = ("safeguarding.incidents", "safeguarding.child_deaths")


def year_bounds(year):
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)


def contributed_sections(area, start, end):
    """Markdown from every installed contributor app that provides a yearly_report module."""
    parts = []
    for app_name in YEARLY_REPORT_CONTRIBUTORS:
        if not apps.is_installed(app_name):
            continue
        try:
            module = importlib.import_module(f"{app_name}.yearly_report")
        except ModuleNotFoundError as error:
            if error.name != f"{app_name}.yearly_report":
                raise
            continue
        text = module.yearly_report_section(area, start, end)
        if text:
            parts.append(text.strip())
    return parts


def _arrangements(area, end):
    published = (
        ArrangementsVersion.objects.filter(area=area, status__in=[VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED])
        .filter(published_at__date__lte=end)
        .order_by("-number")
        .first()
    )
    if published is None:
        return "The partners had not yet published their arrangements by the end of the year."
    lines = [
        f"Our arrangements (version {published.number}) were published on {published.published_at:%-d %B %Y}, "
        "signed off by the lead chief officers of:",
        "",
    ]
    for sign_off in SignOff.objects.filter(document=published, cleared_at__isnull=True).select_related("organisation"):
        lines.append(f"- {sign_off.get_partner_kind_display()}: {sign_off.organisation.name}")
    return "\n".join(lines)


def _funding(area, year):
    rows = list(FundingContribution.objects.filter(area=area, year=year).select_related("organisation"))
    if not rows:
        return "No contributions were recorded for this year."
    total = sum(row.total for row in rows)
    lines = [f"- {row.organisation.name}: £{row.money:,.2f} in money and £{row.in_kind:,.2f} in kind" for row in rows]
    per_child = funding.per_child(total, area_children(area, year))
    summary = f"In total the partners contributed £{total:,.2f}"
    summary += f", or £{per_child} for each child in the area." if per_child is not None else "."
    return "\n".join([*lines, "", summary])


def _scrutiny(area, start, end):
    activities = ScrutinyActivity.objects.filter(area=area, carried_out_on__range=(start, end))
    if not activities:
        return "No independent scrutiny was recorded this year."
    blocks = []
    for activity in activities:
        block = (
            f"### {activity.title}\n\n{activity.get_kind_display()}, {activity.carried_out_on:%-d %B %Y}, "
            f"by {activity.carried_out_by}.\n\n**Findings:** {activity.findings}"
        )
        block += (
            f"\n\n**Our response:** {activity.response}"
            if activity.response
            else "\n\n**Our response:** still to come."
        )
        blocks.append(block)
    return "\n\n".join(blocks)


def _outcomes(area, start, end):
    lines = []
    for measure in OutcomeMeasure.objects.filter(area=area).prefetch_related("values"):
        values = [v for v in measure.values.all() if v.period_ending <= end]
        if not values:
            continue
        latest = values[-1]
        line = f"- {measure.name}: {measure.with_unit(latest.value)} to {latest.period_ending:%-d %B %Y}"
        if len(values) > 1:
            line += f" (previously {measure.with_unit(values[-2].value)})"
        lines.append(line)
    return "\n".join(lines) or "No outcome measures were recorded for this year."


def _engagement(area, start, end):
    rows = Engagement.objects.filter(area=area, held_on__range=(start, end))
    if not rows:
        return "No engagement with children and young people was recorded this year."
    return "\n".join(
        f"- {row.held_on:%-d %B %Y}: {row.activity} ({row.participants})."
        + (f" What changed: {row.what_changed}" if row.what_changed else "")
        for row in rows
    )


def assemble(area, year):
    """{field: Markdown} for a new yearly report's sections."""
    start, end = year_bounds(year)
    contributed = contributed_sections(area, start, end)
    return {
        "introduction": f"This is the yearly report of {area.name} for {financial_year_label(year)}. "
        "It sets out how the local authority, health and police partners worked together to protect children, "
        "what independent scrutiny found, and what we changed as a result.",
        "arrangements_text": _arrangements(area, end),
        "funding_text": _funding(area, year),
        "scrutiny_text": _scrutiny(area, start, end),
        "outcomes_text": _outcomes(area, start, end),
        "engagement_text": _engagement(area, start, end),
        "learning_text": "\n\n".join(contributed)
        or "Figures on serious incidents and child death reviews are not available from the platform for this year.",
    }
