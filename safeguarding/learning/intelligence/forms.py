"""The intelligence page's filters (a GET form) and the dismissal of an alert."""

import datetime

from django import forms

from safeguarding.core.clocks.calendar import add_months
from safeguarding.learning.repository.models import Theme
from safeguarding.organisations.models import Region

DEFAULT_PERIOD = "last-24"
ROLLING_PERIODS = {
    "last-12": ("Last 12 months", 12),
    "last-24": ("Last 24 months", 24),
    "last-60": ("Last 5 years", 60),
}


class FilterForm(forms.Form):
    period = forms.ChoiceField(
        label="Period (date of publication)",
        required=False,
        error_messages={"invalid_choice": "Choose a period from the list"},
    )
    region = forms.ChoiceField(
        label="Region", required=False, error_messages={"invalid_choice": "Choose a region from the list"}
    )
    theme = forms.ChoiceField(
        label="Theme to follow over the years",
        required=False,
        error_messages={"invalid_choice": "Choose a theme from the list"},
    )

    def __init__(self, data, *, years):
        super().__init__(data)
        self.fields["period"].choices = [
            *((key, label) for key, (label, _months) in ROLLING_PERIODS.items()),
            *((f"year-{year}", f"Published in {year}") for year in reversed(years)),
            ("all", "All years"),
        ]
        self.fields["region"].choices = [("", "England"), *((str(r.pk), r.name) for r in Region.objects.all())]
        self.fields["theme"].choices = [
            ("", "The theme in most reports"),
            *((theme.slug, theme.name) for theme in Theme.objects.filter(is_active=True)),
        ]

    def selection(self, today):
        """(start, end, period label, region or None, theme or None); the defaults when a choice is not allowed."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        period = data.get("period") or DEFAULT_PERIOD
        start, end, label = period_bounds(period, today)
        region = Region.objects.filter(pk=data["region"]).first() if data.get("region") else None
        theme = Theme.objects.filter(slug=data["theme"]).first() if data.get("theme") else None
        return start, end, label, region, theme


def period_bounds(period, today):
    if period in ROLLING_PERIODS:
        label, months = ROLLING_PERIODS[period]
        return add_months(today, -months) + datetime.timedelta(days=1), today, label.lower()
    if period.startswith("year-"):
        year = int(period.removeprefix("year-"))
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"published in {year}"
    return None, None, "all years"


class DismissForm(forms.Form):
    reason = forms.CharField(
        label="Why does this alert need no national inquiry?",
        help_text="For example: the reports are already being looked at by a national inquiry into the same theme.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter why this alert needs no national inquiry"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
