from django import forms

from ..models import CaseStatus, Panel
from ..models.vocabulary import AgeBand, Category, Expectation


def _with_all(choices, label):
    return [("", label), *choices]


class CaseFilterForm(forms.Form):
    """The panel manager's case list filters, sent by GET so a filtered list can be bookmarked."""

    panel = forms.ModelChoiceField(
        label="Panel", queryset=Panel.objects.none(), required=False, empty_label="All panels"
    )
    status = forms.ChoiceField(label="Status", choices=_with_all(CaseStatus.choices, "Any status"), required=False)
    category = forms.ChoiceField(
        label="Category of death", choices=_with_all(Category.choices, "Any category"), required=False
    )
    age_band = forms.ChoiceField(label="Age at death", choices=_with_all(AgeBand.choices, "Any age"), required=False)
    expectation = forms.ChoiceField(
        label="Expected or unexpected", choices=_with_all(Expectation.choices, "Either"), required=False
    )

    def __init__(self, *args, panels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = panels

    def apply(self, cases):
        if not self.is_valid():
            return cases
        data = self.cleaned_data
        if data["panel"]:
            cases = cases.filter(panel=data["panel"])
        for field in ("status", "category", "age_band", "expectation"):
            if data[field]:
                cases = cases.filter(**{field: data[field]})
        return cases
