"""The coding form. Which codes are allowed is the coding action's rule (active themes of the scheme, at
least one), so the form passes every ticked value through and the action names what is wrong."""

from django import forms


class AnyValuesField(forms.MultipleChoiceField):
    def valid_value(self, value):
        return True


class CodingForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    themes = AnyValuesField(required=False, label="Themes", widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, theme_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = list(theme_choices)
