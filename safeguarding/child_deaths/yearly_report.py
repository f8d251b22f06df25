"""The child death review section of an area's yearly report (the arrangements app's extension point).

Counts only, for children who normally lived in the area: no names, no case references, no free
text. Timeliness uses the case's six-month panel review clock (child_deaths.clocks), so the report
agrees with the case pages. Returns None when the area had no deaths notified and no reviews
completed in the year: the report then says the figures are not available.
"""

from django.utils import timezone

from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.core.clocks.models import ClockPolicy

from .clocks import PANEL_REVIEW, panel_review_clock
from .models import ChildDeathCase
from .models.vocabulary import Category, Modifiable


def _length(policy):
    """'15 working days', '1 month': the clock's length from the policy table, in words."""
    return policy.length


def _share(part, whole):
    return f"{part} of {whole} ({round(100 * part / whole)}%)" if whole else f"{part} of {whole}"


def yearly_report_section(area, start, end, *, today=None):
    today = today or timezone.localdate()
    # A case linked into another is the same death: count it once, through the case it joined. A case
    # whose notifications were all marked not genuine is no death at all.
    cases = ChildDeathCase.objects.filter(area=area).counted()
    notified = cases.filter(notified_on__range=(start, end)).count()
    reviewed = list(
        cases.filter(panel_review__final=True, panel_review__reviewed_on__range=(start, end)).select_related(
            "area", "panel_review"
        )
    )
    if not notified and not reviewed:
        return None

    policy = ClockPolicy.objects.get(key=PANEL_REVIEW)
    completed = len(reviewed)
    on_time = sum(1 for case in reviewed if panel_review_clock(case, today).state == ClockState.MET)
    modifiable = sum(1 for case in reviewed if case.panel_review.modifiable == Modifiable.YES)
    lines = [
        "### Child death reviews",
        "",
        f"- Deaths notified of children who normally lived in the area: {notified}",
        f"- Reviews completed by the child death overview panel: {completed}",
    ]
    if completed:
        lines += [
            f"- Reviews completed within {_length(policy)} of the death: {_share(on_time, completed)}",
            f"- Reviews that identified modifiable factors: {_share(modifiable, completed)}",
        ]
        by_category = []
        for value, label in Category.choices:
            in_category = [case for case in reviewed if case.panel_review.category == value]
            if in_category:
                with_factors = sum(1 for case in in_category if case.panel_review.modifiable == Modifiable.YES)
                # "8. Perinatal…" opening a list item would start a numbered list of its own in Markdown,
                # renumbered from 1: the category's number is escaped so that it stays its own.
                number, _, name = label.partition(". ")
                by_category.append(f"- {number}\\. {name}: {len(in_category)}, {with_factors} with modifiable factors")
        if by_category:
            lines += [
                "",
                "Completed reviews by category:",
                "",
                *by_category,
            ]
    return "\n".join(lines)
