"""Themed review meetings: a panel gathers its cases by theme (all neonatal deaths, all suicides)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit

from ..models import CaseStatus, ChildDeathCase, ThemedMeeting
from ..models.vocabulary import AgeBand, Category
from .common import acting_as, require


def matching_cases(panel, *, category="", age_band=""):
    cases = ChildDeathCase.objects.filter(panel=panel).exclude(status=CaseStatus.MERGED)
    if category:
        cases = cases.filter(category=category)
    if age_band:
        cases = cases.filter(age_band=age_band)
    return cases


def create_themed_meeting(user, panel, *, theme, meets_on, category="", age_band="", notes="", today=None):
    require(user, "child_deaths.manage_panel", panel, "Only the panel's manager arranges its themed meetings.")
    today = today or timezone.localdate()
    errors = {}
    if not (theme or "").strip():
        errors["theme"] = "Enter the theme of the meeting"
    if meets_on is None:
        errors["meets_on"] = "Enter the date of the meeting"
    if category and category not in Category.values:
        errors["category"] = "Select a category from the 10 standard categories"
    if age_band and age_band not in AgeBand.values:
        errors["age_band"] = "Select an age band from the list"
    if not category and not age_band:
        errors["category"] = "Select a category or an age band to gather the cases by"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = ThemedMeeting.objects.create(
            panel=panel,
            theme=theme.strip(),
            meets_on=meets_on,
            category=category,
            age_band=age_band,
            notes=(notes or "").strip(),
            created_by=user,
        )
        cases = list(matching_cases(panel, category=category, age_band=age_band))
        meeting.cases.set(cases)
        area = panel.areas.order_by("pk").first()
        audit.record(
            acting_as(user, area),
            "child_death.themed_meeting.created",
            meeting,
            {"panel": panel.pk, "cases": len(cases), "category": category, "age_band": age_band},
            area=area,
        )
    return meeting
