"""Forms for findings, recommendations and actions. Only shape is checked here; the rules live in the actions."""

from django import forms
from django.core.exceptions import ValidationError

from safeguarding.core.forms import GovukDateField

from .. import evidence
from ..models import ActionStatus, FindingKind, JourneyStage


class _AreaOrganisations:
    """Limits organisation fields to the area's active agencies, listed by name."""

    organisation_fields = ()

    def limit_to_area(self, area):
        for name in self.organisation_fields:
            self.fields[name].queryset = area.partners.filter(is_active=True).order_by("name")
            self.fields[name].label_from_instance = lambda org: org.name


class FindingForm(_AreaOrganisations, forms.Form):
    organisation_fields = ("agencies",)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    what_happened = forms.CharField(
        label="What happened",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="The practice, as it happened, without names",
    )
    why = forms.CharField(
        label="Why it happened",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=(
            "The systemic or human factors behind it: tools, procedures, caseloads, supervision, the way "
            "agencies hand over. Not only who did what"
        ),
    )
    journey_stage = forms.ChoiceField(
        label="Stage of the child's journey",
        choices=JourneyStage.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    kind = forms.ChoiceField(
        label="Good practice or a practice problem",
        choices=FindingKind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies concerned", queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_to_area(area)


class FindingChoice(forms.ModelChoiceField):
    def label_from_instance(self, finding):
        text = finding.what_happened
        return f"{finding.get_kind_display()}: {text[:80]}{'…' if len(text) > 80 else ''}"


class RecommendationForm(_AreaOrganisations, forms.Form):
    organisation_fields = ("addressee",)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    finding = FindingChoice(
        label="The finding it answers (optional)", queryset=None, required=False, empty_label="None"
    )
    addressee = forms.ModelChoiceField(
        label="Addressed to",
        queryset=None,
        required=False,
        empty_label="Choose the organisation",
        help_text="The organisation that must make the change",
    )
    change = forms.CharField(
        label="What should change",
        widget=forms.Textarea(attrs={"rows": 5, "data-quality": "change"}),
        required=False,
        help_text="The change to a system, procedure or tool, specific enough that someone can do it",
    )
    outcome = forms.CharField(
        label="The measurable outcome",
        widget=forms.Textarea(attrs={"rows": 3, "data-quality": "outcome"}),
        required=False,
        help_text="What will show that the change has worked, and how it will be measured",
    )
    due_on = GovukDateField(label="Date the change is due", required=False)

    def __init__(self, *args, area, findings, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_to_area(area)
        self.fields["finding"].queryset = findings


class ActionForm(forms.Form):
    description = forms.CharField(label="The action", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    owner = forms.CharField(
        label="Owner", required=False, help_text="The post or team responsible, for example Head of Early Help"
    )
    due_on = GovukDateField(label="Due by", required=False)


class ActionProgressForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect, required=False)
    evidence_of_impact = forms.CharField(
        label="Evidence of impact",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What has changed for children, and how you know: an audit, a measure, feedback",
    )
    evidence_file = forms.FileField(
        label="Evidence of impact file (optional)",
        required=False,
        widget=forms.FileInput,
        help_text=f"{evidence.ALLOWED_LABELS.capitalize()}, 10 MB or smaller. A new file replaces the one "
        "already attached",
        error_messages={
            "empty": "The evidence file is empty: choose a file with the evidence in it",
            "invalid": "The evidence file could not be read: choose the file again",
        },
    )

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            try:
                evidence.check_file(upload)
            except ValidationError as error:
                raise ValidationError(error.message_dict[evidence.FIELD]) from None
        return upload or None
