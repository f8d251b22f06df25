from django import forms

from .actions import IdentityViewReason


class RevealIdentityForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why do you need to see this child's identifying details?",
        help_text="Your name, the time and this reason are recorded in the audit trail.",
        choices=IdentityViewReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select why you need to see the child's identifying details",
            "invalid_choice": "Select why you need to see the child's identifying details",
        },
    )
