from django import forms

from safeguarding.core.forms import GovukDateField
from safeguarding.organisations.models import SafeguardingArea

from ..models.vocabulary import EthnicityGroup, Expectation, JarCriterion, NotifyingAgency, PlaceOfDeath, Sex


def _required(message):
    # Not required here: the action checks every field at once, so one submission lists every problem.
    return {"invalid_choice": message}


class NotificationForm(forms.Form):
    """Everything an agency knows about a death when it notifies it. Identity is sealed on submission."""

    agency = forms.ChoiceField(
        label="Which kind of agency are you notifying for?",
        choices=NotifyingAgency.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=_required("Select which kind of agency is notifying"),
    )
    given_names = forms.CharField(label="Child's given names", max_length=200, required=False)
    family_name = forms.CharField(label="Child's family name", max_length=200, required=False)
    nhs_number = forms.CharField(
        label="NHS number", max_length=20, required=False, help_text="10 digits, for example 943 476 5919"
    )
    nhs_number_unavailable_reason = forms.CharField(
        label="If the NHS number is not available, say why", max_length=300, required=False
    )
    date_of_birth = GovukDateField(label="Date of birth", required=False, help_text="For example, 27 3 2019")
    address = forms.CharField(label="Home address", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    postcode = forms.CharField(label="Home postcode", max_length=10, required=False)
    residence_area = forms.ModelChoiceField(
        label="Safeguarding area where the child normally lived",
        queryset=SafeguardingArea.objects.order_by("name"),
        required=False,
        empty_label="Select an area",
    )
    sex = forms.ChoiceField(
        label="Sex",
        choices=Sex.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=_required("Select the child's sex"),
    )
    ethnicity_group = forms.ChoiceField(
        label="Ethnic group",
        choices=EthnicityGroup.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=_required("Select the child's ethnic group"),
    )
    date_of_death = GovukDateField(label="Date of death", required=False)
    time_of_death = forms.TimeField(
        label="Time of death (if known)",
        required=False,
        help_text="24-hour clock, for example 04:30",
        error_messages={"invalid": "Enter the time of death as hours and minutes, for example 04:30"},
    )
    place_of_death = forms.ChoiceField(
        label="Where did the child die?",
        choices=PlaceOfDeath.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=_required("Select where the child died"),
    )
    hospital_name = forms.CharField(label="If in hospital, which hospital", max_length=200, required=False)
    place_of_death_area = forms.ModelChoiceField(
        label="Safeguarding area where the child died",
        help_text="Leave empty only if the child died abroad",
        queryset=SafeguardingArea.objects.order_by("name"),
        required=False,
        empty_label="Select an area",
    )
    expectation = forms.ChoiceField(
        label="Was the death expected or unexpected?",
        choices=Expectation.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=_required("Select whether the death was expected or unexpected"),
    )
    jar_criteria = forms.MultipleChoiceField(
        label="Do any of these apply? (select all that apply)",
        help_text="Any of these means a joint agency response is needed",
        choices=JarCriterion.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    circumstances = forms.CharField(
        label="Circumstances of the death", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    notifier_name = forms.CharField(label="Your name", max_length=200, required=False)
    notifier_role = forms.CharField(label="Your job title or role", max_length=200, required=False)
    notifier_contact = forms.CharField(label="Your work email or telephone", max_length=200, required=False)


class OutsideNotificationForm(NotificationForm):
    """The public page's form: the same facts, who the notifier is, who else knew the child, and a honeypot.
    Every text field is bounded, so one submission cannot fill the database."""

    notifier_contact = None
    residence_area = forms.ModelChoiceField(
        label="Safeguarding area where the child normally lived",
        help_text="If you do not know, leave this empty: the panel for the place of death receives the notification",
        queryset=SafeguardingArea.objects.order_by("name"),
        required=False,
        empty_label="Not known",
    )
    address = forms.CharField(
        label="Home address", max_length=500, widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    circumstances = forms.CharField(
        label="Circumstances of the death", max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    notifier_organisation = forms.CharField(label="Organisation you work for", max_length=200, required=False)
    notifier_email = forms.CharField(
        label="Your work email address",
        max_length=254,
        required=False,
        help_text="We send a code to this address: the notification is accepted once you enter it",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    notifier_phone = forms.CharField(
        label="Your work telephone number",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    agencies_involved = forms.CharField(
        label="Who else was involved with the child?",
        help_text="Agencies and services, for example the GP practice, school, health visitor or social care team",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The honeypot: hidden from people (and from assistive technology), filled in by robots.
    website = forms.CharField(
        label="Leave this empty",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    field_order = [
        "notifier_name",
        "notifier_role",
        "notifier_organisation",
        "agency",
        "notifier_email",
        "notifier_phone",
    ]


class ConfirmCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from the email",
        max_length=20,
        required=False,
        help_text="6 digits",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )


class NotGenuineForm(forms.Form):
    reason = forms.CharField(
        label="Why is this notification not genuine?",
        help_text="For example, the NHS number belongs to a living child, or the sender could not be traced",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
