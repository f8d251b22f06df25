"""The analyst's filters, as a GET form (GOV.UK markup comes from the project's form renderer)."""

from django import forms

from safeguarding.child_deaths.models.vocabulary import AgeBand, Category

from .analysis.filters import Filters


class FilterForm(forms.Form):
    year = forms.ChoiceField(
        label="Year of death",
        required=False,
        error_messages={"invalid_choice": "Choose a year of death from the list"},
    )
    region = forms.ChoiceField(
        label="Region of residence", required=False, error_messages={"invalid_choice": "Choose a region from the list"}
    )
    age_band = forms.ChoiceField(
        label="Age at death",
        required=False,
        choices=[("", "All ages"), *AgeBand.choices],
        error_messages={"invalid_choice": "Choose an age band from the list"},
    )
    category = forms.ChoiceField(
        label="Category",
        required=False,
        choices=[("", "All categories"), *Category.choices],
        error_messages={"invalid_choice": "Choose a category from the list"},
    )

    def __init__(self, data, *, years, regions):
        super().__init__(data)
        self.fields["year"].choices = [("", "All years"), *[(str(year), str(year)) for year in reversed(years)]]
        self.fields["region"].choices = [("", "England"), *sorted(regions.items(), key=lambda item: item[1])]
        self.years, self.regions = years, regions

    def filters(self):
        """The chosen filters; none when any choice is not allowed (the page shows the errors)."""
        if not self.is_valid():
            return Filters()
        return Filters.parse(self.cleaned_data, years=self.years, regions=self.regions)
