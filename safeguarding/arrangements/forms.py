from django import forms

from safeguarding.core.forms import GovukDateField
from safeguarding.organisations.models import Organisation
from safeguarding.organisations.models.organisations import STATUTORY_PARTNER_KINDS


class SectionForm(forms.Form):
    body = forms.CharField(
        label="Text of the section",
        required=False,
        strip=False,
        help_text="Write in plain paragraphs. Start a line with '- ' for a bullet, '### ' for a sub-heading; "
        "**two asterisks** make bold text; [words](https://address) make a link.",
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class EvidenceForm(forms.Form):
    title = forms.CharField(
        label="Title of the evidence",
        max_length=200,
        error_messages={
            "required": "Enter the title of the evidence",
            "max_length": "The title of the evidence must be 200 characters or fewer",
        },
    )
    url = forms.URLField(
        label="Web address",
        max_length=500,
        assume_scheme="https",
        help_text="Where a reader can find it, for example https://www.example.gov.uk/audit-2026.pdf",
        error_messages={
            "required": "Enter the web address of the evidence",
            "invalid": "Enter the web address of the evidence in the right form, like https://www.example.gov.uk/report",
            "max_length": "The web address must be 500 characters or fewer",
        },
    )


class RelevantAgencyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Agency",
        queryset=Organisation.objects.none(),
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency", "invalid_choice": "Choose the agency from the list"},
    )
    role = forms.CharField(
        label="Its role in the arrangements",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter the agency's role in the arrangements",
            "max_length": "The agency's role must be 1,000 characters or fewer",
        },
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = area.partners.exclude(kind__in=STATUTORY_PARTNER_KINDS).filter(
            is_active=True
        )


class SignOffForm(forms.Form):
    confirm = forms.BooleanField(
        label="I confirm these arrangements for my agency",
        error_messages={"required": "Confirm the arrangements for your agency to sign them off"},
    )


class DeadlineForm(forms.Form):
    deadline = GovukDateField(label="Deadline", help_text="For example, 31 3 2027")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=300,
        help_text="For example, the regulation or announcement that sets it",
        error_messages={"max_length": "The note must be 300 characters or fewer"},
    )
