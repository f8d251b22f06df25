from django import forms

from . import choices


class PeopleFilterForm(forms.Form):
    """The people list's search and filters, sent by GET so a filtered list can be bookmarked."""

    q = forms.CharField(label="Name or email address", required=False, max_length=200)
    role = forms.ChoiceField(label="Role", required=False)
    area = forms.ModelChoiceField(label="Area", queryset=None, required=False, empty_label="All areas")

    def __init__(self, *args, admin, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "All roles"), *choices.roles_for(admin)]
        self.fields["area"].queryset = choices.areas_for(admin)

    def filters(self):
        """The valid filters; an unknown role or area in the address is ignored rather than shown as an error."""
        if not self.is_bound:
            return {}
        self.is_valid()
        self.errors.clear()
        return {name: value for name, value in self.cleaned_data.items() if value}
