from django import forms

from .models import ClockUnit


class ClockPolicyForm(forms.Form):
    amount = forms.IntegerField(
        label="Length",
        min_value=1,
        max_value=365,
        error_messages={
            "required": "Enter the length",
            "invalid": "The length must be a whole number",
            "min_value": "The length must be at least 1",
            "max_value": "The length must be 365 or less",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
    )
    unit = forms.ChoiceField(
        label="Unit",
        choices=ClockUnit.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the unit", "invalid_choice": "Choose the unit from the list"},
    )


class PolicySettingForm(forms.Form):
    value = forms.IntegerField(
        label="Value",
        min_value=1,
        error_messages={
            "required": "Enter the value",
            "invalid": "The value must be a whole number",
            "min_value": "The value must be at least 1",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
    )
