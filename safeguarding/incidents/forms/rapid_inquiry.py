"""Forms of the rapid inquiry page. Each carries `form` so that one page can hold several."""

from django import forms

from safeguarding.core.forms import GovukDateField

from ..models.rapid_inquiry import Decision


class _AreaAgencyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Agency", queryset=None, error_messages={"required": "Select the agency"}
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = area.partners.filter(is_active=True).order_by("name")


class SummaryRequestForm(_AreaAgencyForm):
    prefix = "request"
    due_on = GovukDateField(label="Summary due by", required=False)
    # Checked by the action, so its message names the rule.
    contact_email = forms.CharField(
        label="Contact email (optional)",
        required=False,
        help_text="Where reminders go if the summary is late",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class SummaryReceivedForm(forms.Form):
    prefix = "received"
    request_id = forms.IntegerField(widget=forms.HiddenInput)
    received_on = GovukDateField(label="Date received", required=False)
    summary = forms.CharField(label="The agency's summary", widget=forms.Textarea(attrs={"rows": 4}), required=False)


class EngagementForm(_AreaAgencyForm):
    prefix = "engagement"
    practitioner_role = forms.CharField(
        label="Practitioner's role", required=False, help_text="For example, health visitor"
    )
    engaged_on = GovukDateField(label="Date", required=False)
    how = forms.CharField(label="How (optional)", required=False, help_text="For example, one-to-one conversation")


class SafetyActionForm(_AreaAgencyForm):
    prefix = "safety"
    description = forms.CharField(
        label="Action taken to keep children safe", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    taken_on = GovukDateField(label="Date taken", required=False)


class DecisionForm(forms.Form):
    prefix = "decision"
    version = forms.IntegerField(widget=forms.HiddenInput)
    initial_assessment = forms.CharField(
        label="Initial assessment",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text="What the inquiry has found so far, and what it means for children now",
    )
    decision = forms.ChoiceField(label="Decision", choices=Decision.choices, widget=forms.RadioSelect, required=False)
    decision_reasons = forms.CharField(label="Reasons", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    national_summary = forms.CharField(
        label="Learning summary for the national body",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=(
            "Needed when the decision is no further review: the learning this inquiry captured, for the national "
            "repository. Do not name the child, the family or practitioners."
        ),
    )


class SignOffForm(forms.Form):
    decision_version = forms.IntegerField(widget=forms.HiddenInput)
