from django import forms

from safeguarding.core.forms import GovukDateField

from ..models import Involvement, InvolvementResponse, Methodology


class MethodologyChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SetUpForm(forms.Form):
    prefix = "setup"
    version = forms.IntegerField(widget=forms.HiddenInput)
    terms_of_reference = forms.CharField(
        label="Terms of reference",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text="The questions the inquiry will answer, the period it covers and the agencies taking part",
    )
    methodology = MethodologyChoice(
        label="Methodology",
        queryset=Methodology.objects.filter(is_active=True),
        widget=forms.RadioSelect,
        required=False,
    )
    lead_reviewer = forms.ModelChoiceField(
        label="Lead reviewer", queryset=None, required=False, empty_label="Choose a reviewer"
    )

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_reviewer"].queryset = reviewers
        self.fields["lead_reviewer"].label_from_instance = lambda user: user.full_name or user.email


class InvolvementForm(forms.Form):
    prefix = "involvement"
    kind = forms.ChoiceField(label="Who", choices=Involvement.Kind.choices, widget=forms.RadioSelect, required=False)
    who = forms.CharField(
        label="Role or relationship to the child", required=False, help_text="For example, mother; school nurse"
    )
    response = forms.ChoiceField(
        label="Response", choices=InvolvementResponse.choices, widget=forms.RadioSelect, required=False
    )
    offered_on = GovukDateField(label="Date offered", required=False)
    responded_on = GovukDateField(label="Date of the answer", required=False)
