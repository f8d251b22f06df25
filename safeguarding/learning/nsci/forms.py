"""The forms of the national inquiry pages. They collect input; the actions check the rules."""

from django import forms

from safeguarding.core.forms import GovukDateField
from safeguarding.incidents.models import Methodology
from safeguarding.learning.repository.models import Theme
from safeguarding.organisations.models import SafeguardingArea

from .criteria import CRITERIA
from .models import InquirySource
from .models.inquiry import Decision


class _Named(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class _NamedMultiple(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ProposeForm(forms.Form):
    source = forms.ChoiceField(
        label="Where the proposal comes from", choices=InquirySource.choices, widget=forms.RadioSelect, required=False
    )
    recurrence_alert = forms.ModelChoiceField(
        label="Recurrence alert", queryset=None, required=False, empty_label="No alert"
    )
    incident = forms.ModelChoiceField(
        label="Rapid inquiry referral", queryset=None, required=False, empty_label="No referral"
    )
    title = forms.CharField(label="Title", max_length=200, required=False, help_text="A short name for the inquiry")
    summary_of_concern = forms.CharField(
        label="Summary of concern",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text="Why a national inquiry may be needed. No names of children or family members.",
    )
    areas = _NamedMultiple(
        label="Safeguarding areas involved", queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )
    named_areas = forms.MultipleChoiceField(
        label="Other areas whose reports raised the alert",
        help_text="Areas known only by the name on their published reports",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    themes = _NamedMultiple(label="Themes", queryset=None, widget=forms.CheckboxSelectMultiple, required=False)

    field_order = ["source", "recurrence_alert", "incident", "title", "summary_of_concern", "areas", "named_areas"]

    def __init__(self, *args, alerts, incidents, named_areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        if named_areas:
            self.fields["named_areas"].choices = [(name, name) for name in named_areas]
        else:
            del self.fields["named_areas"]
        self.fields["recurrence_alert"].queryset = alerts
        self.fields["incident"].queryset = incidents
        self.fields["incident"].label_from_instance = lambda incident: f"{incident.reference}, {incident.area.name}"
        self.fields["areas"].queryset = SafeguardingArea.objects.order_by("name")
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)


class AssessForm(forms.Form):
    """One checkbox and one note per criterion (Wood paras 170-172)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in CRITERIA:
            self.fields[criterion.key] = forms.BooleanField(label=criterion.label, required=False)
            self.fields[f"{criterion.key}_note"] = forms.CharField(
                label=f"Note: {criterion.label.lower()}",
                help_text=criterion.hint,
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def answers(self):
        data = self.cleaned_data
        return {c.key: (data.get(c.key, False), data.get(f"{c.key}_note", "")) for c in CRITERIA}

    @staticmethod
    def initial_from(criteria):
        initial = {}
        for key, answer in criteria.items():
            initial[key] = bool(answer.get("met"))
            initial[f"{key}_note"] = answer.get("note", "")
        return initial


class DecideForm(forms.Form):
    prefix = "decide"
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label="Decision", choices=Decision.choices, widget=forms.RadioSelect, required=False)
    decision_reasons = forms.CharField(
        label="Reasons for the decision", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )


class SetUpForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    terms_of_reference = forms.CharField(
        label="Terms of reference",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text="The questions the inquiry will answer, the period it covers and the agencies taking part",
    )
    methodology = _Named(
        label="Methodology",
        queryset=Methodology.objects.filter(is_active=True),
        widget=forms.RadioSelect,
        required=False,
    )
    methodology_notes = forms.CharField(
        label="Methodology notes",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="How the method is adapted for a national inquiry, or a method that is not on the list",
    )
    lead_reviewer = forms.ModelChoiceField(
        label="Lead reviewer", queryset=None, required=False, empty_label="Choose a reviewer"
    )
    members = forms.ModelMultipleChoiceField(
        label="Team members", queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, reviewers, **kwargs):
        """`reviewers` is the queryset the fields accept: every register entry, so that the action (not
        the form) refuses an ineligible one with its reason. The page offers only the eligible."""
        super().__init__(*args, **kwargs)
        for name in ("lead_reviewer", "members"):
            self.fields[name].queryset = reviewers
            self.fields[name].label_from_instance = lambda reviewer: reviewer.name


class ProgressNoteForm(forms.Form):
    noted_on = GovukDateField(label="Date", required=False)
    text = forms.CharField(label="Progress", widget=forms.Textarea(attrs={"rows": 4}), required=False)


class SummaryForm(forms.Form):
    prefix = "summary"
    version = forms.IntegerField(widget=forms.HiddenInput)
    report_summary = forms.CharField(label="Summary", widget=forms.Textarea(attrs={"rows": 8}), required=False)


class FindingForm(forms.Form):
    prefix = "finding"
    what_happened = forms.CharField(
        label="What the inquiry found", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    why = forms.CharField(label="Why it happened", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class RecommendationForm(forms.Form):
    prefix = "recommendation"
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    addressee = forms.CharField(
        label="Addressed to",
        max_length=200,
        required=False,
        help_text="A national body or government department, for example Department for Education",
    )


class VersionForm(forms.Form):
    """A button that moves the inquiry on: only the version it was loaded at."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class ReopenForm(forms.Form):
    prefix = "reopen"
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Why the report goes back for more work", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
