"""The audit search form. It is sent with GET, so a search is a link that can be bookmarked or shared."""

import datetime

from django import forms
from django.utils import timezone

from safeguarding.core.forms import GovukDateField

from .queries import LONDON, record_types_in, verbs_in

ANY = ""


def _verb_choices(verbs):
    """Each verb, and before them each family of verbs ("identity." for identity.viewed, identity.changed…)."""
    families = sorted({verb.split(".", 1)[0] + "." for verb in verbs if "." in verb})
    return [
        (ANY, "Any action"),
        ("Groups of actions", [(family, f"Any {family}… action") for family in families]),
        ("Actions", [(verb, verb) for verb in verbs]),
    ]


class AuditSearchForm(forms.Form):
    person = forms.CharField(
        label="Person",
        required=False,
        max_length=254,
        help_text="All or part of an email address, API token name or command",
        error_messages={"max_length": "The person must be 254 characters or fewer"},
    )
    record_type = forms.ChoiceField(
        label="Type of record",
        required=False,
        error_messages={"invalid_choice": "Select a type of record from the list"},
    )
    record = forms.CharField(
        label="Record",
        required=False,
        max_length=200,
        help_text="The ID of the record, or all or part of its name",
        error_messages={"max_length": "The record must be 200 characters or fewer"},
    )
    verb = forms.ChoiceField(
        label="Action", required=False, error_messages={"invalid_choice": "Select an action from the list"}
    )
    date_from = GovukDateField(label="Start date", required=False, help_text="For example, 27 3 2026")
    date_to = GovukDateField(
        label="End date", required=False, help_text="For example, 31 3 2026. Events on this day are included"
    )
    area = forms.ModelChoiceField(
        label="Area",
        required=False,
        queryset=None,
        empty_label="All areas",
        error_messages={"invalid_choice": "Select an area from the list"},
    )

    def __init__(self, data=None, *, event_areas, areas=None, **kwargs):
        """`event_areas` are the areas whose events the person may see (None for all; the choices come from
        those events); `areas` the areas they may narrow to, or None when there is only one and the field
        would be noise."""
        super().__init__(data, **kwargs)
        self.fields["verb"].choices = _verb_choices(verbs_in(event_areas))
        self.fields["record_type"].choices = [
            (ANY, "Any type"),
            *((kind, kind) for kind in record_types_in(event_areas)),
        ]
        if areas is None:
            del self.fields["area"]
        else:
            self.fields["area"].queryset = areas

    def _check_not_future(self, name, label):
        day = self.cleaned_data.get(name)
        today = timezone.localdate(timezone=LONDON)
        if day and day > today:
            self.add_error(name, f"The {label} must be today or in the past")

    def clean(self):
        cleaned = super().clean()
        self._check_not_future("date_from", "start date")
        self._check_not_future("date_to", "end date")
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from and "date_to" not in self.errors:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return cleaned

    # Free text typed into the record box could be a child's name, and audit data must never
    # hold identity fields: the export's own event says only that the box was used.
    FILTERS_RECORDED_WITHOUT_THEIR_TEXT = frozenset({"record"})

    def filters_for_the_record(self):
        """The filters as plain JSON values, for the audit event an export writes."""
        filters = {}
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            if name in self.FILTERS_RECORDED_WITHOUT_THEIR_TEXT:
                filters[name] = "(text given, not recorded)"
            elif isinstance(value, datetime.date):
                filters[name] = value.isoformat()
            else:
                filters[name] = getattr(value, "pk", value)
        return filters
