"""The register's forms: they turn typed input into values; the actions check the rules and name the field."""

from django import forms
from django.contrib.auth import get_user_model

from safeguarding.core.forms import GovukDateField
from safeguarding.organisations.forms.choices import AUTOCOMPLETE_ATTRS
from safeguarding.organisations.models import Organisation, SafeguardingArea

from .models import AccreditationLevel, Availability, Specialism
from .quality_markers import QUALITY_MARKERS, RATINGS


class ReviewerForm(forms.Form):
    email = forms.EmailField(
        label="Email address of the person's account",
        required=False,
        help_text="The reviewer signs in with this account: invite them first if they do not have one",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    specialisms = forms.MultipleChoiceField(
        label="Specialisms", choices=Specialism.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    availability = forms.ChoiceField(
        label="Availability", choices=Availability.choices, widget=forms.RadioSelect, required=False
    )
    availability_note = forms.CharField(label="Note on availability", required=False, max_length=500)
    available_from = GovukDateField(
        label="Available from", required=False, help_text="For a reviewer not available now: when they expect to be"
    )

    def __init__(self, *args, adding, **kwargs):
        super().__init__(*args, **kwargs)
        if not adding:
            del self.fields["email"]

    def clean_email(self):
        email = self.cleaned_data.get("email", "").strip()
        if not email:
            raise forms.ValidationError("Enter the email address of the person's account")
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError("There is no account with this email address: invite the person first")
        self.cleaned_data["user"] = user
        return email


class AccreditationForm(forms.Form):
    level = forms.ChoiceField(
        label="Level", choices=AccreditationLevel.choices, widget=forms.RadioSelect, required=False
    )
    awarding_body = forms.CharField(label="Awarding body", required=False, max_length=200)
    accredited_on = GovukDateField(label="Date of accreditation", required=False)
    expires_on = GovukDateField(label="Expiry date", required=False)


class CpdForm(forms.Form):
    completed_on = GovukDateField(label="Date of the activity", required=False)
    hours = forms.DecimalField(
        label="Hours",
        required=False,
        max_digits=5,
        decimal_places=1,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input govuk-input--width-4"}),
        help_text="More than 0 and no more than 100, to one decimal place",
        error_messages={"invalid": "Enter the hours as a number, for example 3.5"},
    )
    activity = forms.CharField(label="Activity", required=False, max_length=300)


class NamedChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class EmploymentForm(forms.Form):
    organisation = NamedChoice(
        label="Organisation",
        queryset=Organisation.objects.filter(is_active=True).order_by("name"),
        required=False,
        empty_label="Choose an organisation",
        # Every organisation in England: type-ahead when JavaScript runs, a plain select when it does not.
        widget=forms.Select(attrs=AUTOCOMPLETE_ATTRS),
    )
    area = NamedChoice(
        label="Safeguarding area",
        queryset=SafeguardingArea.objects.all(),
        required=False,
        empty_label="Choose an area",
        help_text="The area worked for, if the job was for the area's partnership or you do not know the agency",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    role_title = forms.CharField(label="Job title", required=False, max_length=200)
    started_on = GovukDateField(label="Start date", required=False)
    ended_on = GovukDateField(label="End date", required=False, help_text="Leave empty for a current job")


class QualityAssessmentForm(forms.Form):
    """A rating and an optional comment for each of the 18 markers, then an overall comment."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for marker in QUALITY_MARKERS:
            self.fields[marker.key] = forms.ChoiceField(
                label=f"{marker.name}",
                help_text=marker.description,
                choices=list(RATINGS.items()),
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"{marker.key}_comment"] = forms.CharField(
                label=f"Comment on {marker.name.lower()} (optional)", required=False, max_length=1000
            )
        self.fields["overall_comment"] = forms.CharField(
            label="Overall comment", required=False, widget=forms.Textarea(attrs={"rows": 4})
        )

    def by_stage(self):
        """[(stage, [(rating field, comment field)])], for the template."""
        stages = {}
        for marker in QUALITY_MARKERS:
            stages.setdefault(marker.stage, []).append((self[marker.key], self[f"{marker.key}_comment"]))
        return list(stages.items())

    def ratings_and_comments(self):
        data = self.cleaned_data
        ratings = {m.key: data.get(m.key) or None for m in QUALITY_MARKERS}
        comments = {m.key: data.get(f"{m.key}_comment", "") for m in QUALITY_MARKERS}
        return {k: v for k, v in ratings.items() if v}, comments
