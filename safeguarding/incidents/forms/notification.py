"""The notification form: every field of issue 4 step 1, in the order a notifier knows them."""

from django import forms

from safeguarding.core.forms import GovukDateField

from .. import choices

BLANK = [("", "Choose one")]


def _radios(choice_class, label, **kwargs):
    return forms.ChoiceField(
        label=label, choices=choice_class.choices, widget=forms.RadioSelect, required=False, **kwargs
    )


class NotificationForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    abuse_or_neglect = _radios(choices.AbuseOrNeglect, "Is abuse or neglect known or suspected?")
    harm = _radios(choices.Harm, "What harm did the child come to?")
    where_harmed = _radios(choices.WhereHarmed, "Where was the child harmed?")
    looked_after_or_care_leaver_death = forms.BooleanField(
        label="The child was looked after, or a care leaver under 25, and died",
        required=False,
        help_text="Such a death is notified whatever the cause",
    )
    incident_date = GovukDateField(
        label="Date the incident happened", required=False, help_text="For example, 27 3 2026"
    )
    aware_date = GovukDateField(label="Date you became aware of the incident", required=False)
    harm_kinds = forms.MultipleChoiceField(
        label="Kinds of harm", choices=choices.HarmKind.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    summary = forms.CharField(
        label="What happened",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="Do not write the names of the child, family or staff: they are recorded separately, sealed",
    )
    other_children = forms.CharField(
        label="Other children (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=(
            "One notification covers siblings harmed together, or one exploitation operation: "
            "list the other children here by pseudonym. Notify unrelated children separately."
        ),
    )
    child_age_years = forms.IntegerField(label="Child's age in years", required=False, min_value=0, max_value=24)
    child_sex = _radios(choices.Sex, "Child's sex")
    child_ethnicity = forms.ChoiceField(
        label="Child's ethnic group", choices=BLANK + choices.Ethnicity.choices, required=False
    )
    child_disability = _radios(choices.Disability, "Does the child have a disability?")
    child_status = forms.ChoiceField(
        label="Child's status at the time", choices=BLANK + choices.ChildStatus.choices, required=False
    )
    agencies_involved = forms.ModelMultipleChoiceField(
        label="Agencies involved with the child",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, area, with_identity=False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_identity:
            # Sealed into the identity table by the action, never stored on the case.
            self.fields.update(identity_fields())
        self.fields["agencies_involved"].queryset = area.partners.filter(is_active=True).order_by("name")
        for kind, label in choices.Proceeding.choices:
            self.fields[f"proceeding_{kind}"] = forms.ChoiceField(
                label=f"{label}: status",
                choices=[("", "None"), *choices.ProceedingStatus.choices],
                required=False,
            )

    @classmethod
    def initial_from(cls, incident):
        initial = {name: getattr(incident, name) for name in cls.base_fields if hasattr(incident, name)}
        initial["version"] = incident.version
        initial["agencies_involved"] = list(incident.agencies_involved.all())
        for kind, status in incident.parallel_proceedings.items():
            initial[f"proceeding_{kind}"] = status
        return initial

    def case_data(self):
        """The cleaned values, shaped as the notification actions take them."""
        data = {name: self.cleaned_data[name] for name in self.base_fields if name != "version"}
        data["agencies_involved"] = list(data["agencies_involved"])
        data["parallel_proceedings"] = {
            kind: self.cleaned_data[f"proceeding_{kind}"]
            for kind in choices.Proceeding.values
            if self.cleaned_data.get(f"proceeding_{kind}")
        }
        return data

    def identity(self):
        """The child's identifying details as typed, or None when the form did not ask for them."""
        if "given_names" not in self.fields:
            return None
        return {key: self.cleaned_data.get(key) for key in IDENTITY_FIELD_NAMES}


IDENTITY_FIELD_NAMES = (
    "given_names",
    "family_name",
    "nhs_number",
    "nhs_number_unavailable_reason",
    "date_of_birth",
    "postcode",
)


def identity_fields():
    return {
        "given_names": forms.CharField(label="Child's given names", required=False),
        "family_name": forms.CharField(label="Child's family name", required=False),
        "nhs_number": forms.CharField(
            label="NHS number", required=False, help_text="10 digits, for example 943 476 5919"
        ),
        "nhs_number_unavailable_reason": forms.CharField(label="If there is no NHS number, why not", required=False),
        "date_of_birth": GovukDateField(label="Date of birth", required=False),
        "postcode": forms.CharField(label="Postcode (optional)", required=False),
    }
