"""Forms of the report, its redaction, publication, and accountability reporting."""

from django import forms

from safeguarding.core.forms import GovukDateField

from ..models import AccountabilityBody


def _section(label, help_text="", rows=6):
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": rows}), required=False, help_text=help_text
    )


class ReportForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label="Title", required=False, help_text="Do not use the child's or family's names")
    summary = _section("Summary", "What happened to the child, and what the inquiry looked at", rows=4)
    background = _section("Background", "The child's circumstances and the agencies involved")
    methodology_used = _section("How the inquiry was carried out", "The method, who took part, and the family's part")
    what_went_well = _section("What went well")
    learning = _section("What we have learned", "The learning in a few sentences; findings and recommendations follow")


class ReturnToFindingsForm(forms.Form):
    reason = forms.CharField(label="Why the findings need more work", widget=forms.Textarea(attrs={"rows": 3}))


class RedactionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    redactions = forms.MultipleChoiceField(choices=(), required=False, widget=forms.CheckboxSelectMultiple)
    extra_terms = forms.CharField(
        label="Other details to redact (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="One a line: names of staff, places, schools or anything else that could identify the family",
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["redactions"].choices = [(c.term, c.term) for c in candidates]


class PublishForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.CharField(
        label="Publication decision",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What is published, where, and with whose agreement (the family's views among them)",
    )
    published_on = GovukDateField(label="Date of publication", required=False)


class AccountabilityForm(forms.Form):
    body = forms.ChoiceField(
        label="Accountability body", choices=AccountabilityBody.choices, widget=forms.RadioSelect, required=False
    )
    body_name = forms.CharField(label="Name of the committee or board", required=False)
    reported_on = GovukDateField(label="Date the learning was reported", required=False)
    note = forms.CharField(label="Note (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False)
