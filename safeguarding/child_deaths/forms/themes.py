from django import forms

from safeguarding.core.forms import GovukDateField

from ..models import Panel
from ..models.vocabulary import AgeBand, Category


class ThemedMeetingForm(forms.Form):
    panel = forms.ModelChoiceField(
        label="Panel", queryset=Panel.objects.none(), error_messages={"required": "Select the panel"}
    )
    theme = forms.CharField(label="Theme", max_length=200, required=False, help_text="For example, neonatal deaths")
    meets_on = GovukDateField(label="Date of the meeting", required=False)
    category = forms.ChoiceField(
        label="Gather cases of this category", choices=[("", "Any category"), *Category.choices], required=False
    )
    age_band = forms.ChoiceField(
        label="Gather cases of this age at death", choices=[("", "Any age"), *AgeBand.choices], required=False
    )
    notes = forms.CharField(label="Notes for members", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, panels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = panels
