"""The form administrators issue API tokens with. The rules themselves live in actions.issue_token."""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.utils import timezone

from safeguarding.core.forms import GovukDateField
from safeguarding.organisations.models import Organisation

from .models import Scope


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, organisation):
        return f"{organisation.name} ({organisation.get_kind_display()})"


class IssueTokenForm(forms.Form):
    organisation = OrganisationChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        empty_label="Choose the organisation",
        help_text="The organisation whose system will use the token. Only partners of your areas are listed.",
        error_messages={
            "required": "Select the organisation that will use the token",
            "invalid_choice": "Select an organisation from the list",
        },
    )
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="What will use the token, for example: Tees Valley council case system",
        error_messages={
            "required": "Enter a name for the token",
            "max_length": "The name must be 200 characters or fewer",
        },
    )
    areas = forms.ModelMultipleChoiceField(
        label="Areas",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="The token reaches data of these areas only. The organisation must be a partner of each.",
        error_messages={
            "required": "Select at least one area the token may be used for",
            "invalid_choice": "Select only areas from the list",
            "invalid_pk_value": "Select only areas from the list",
        },
    )
    scopes = forms.MultipleChoiceField(
        label="What the token may do",
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Give only what the system needs.",
        error_messages={
            "required": "Select at least one thing the token may do",
            "invalid_choice": "Select only things from the list",
        },
    )
    expires_on = GovukDateField(
        label="Expiry date",
        required=False,
        help_text="Optional. The token stops working at the start of this day. For example, 27 3 2027",
    )

    def __init__(self, *args, organisations, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["areas"].queryset = areas

    def clean_expires_on(self):
        expires_on = self.cleaned_data.get("expires_on")
        if expires_on is not None and expires_on <= timezone.localdate():
            raise forms.ValidationError("The expiry date must be in the future")
        return expires_on

    def expires_at(self):
        """The start of the expiry day in the service's time zone, or None."""
        expires_on = self.cleaned_data.get("expires_on")
        if expires_on is None:
            return None
        return datetime.datetime.combine(expires_on, datetime.time.min, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
