from django import forms

from .actions import CHOOSABLE_KINDS
from .models import Delivery, Kind


class PreferencesForm(forms.Form):
    """One choice per kind of message: an email straight away, or a daily summary."""

    def __init__(self, *args, current, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in CHOOSABLE_KINDS:
            self.fields[kind] = forms.ChoiceField(
                label=Kind(kind).label,
                choices=Delivery.choices,
                widget=forms.RadioSelect,
                initial=current.get(kind, Delivery.IMMEDIATE),
                error_messages={"required": "Choose an email straight away or a daily summary"},
            )
