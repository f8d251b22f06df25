from django import forms

from safeguarding.core.forms import GovukDateField

from ..choices import Proceeding


class PauseRequestForm(forms.Form):
    proceeding = forms.ChoiceField(
        label="Which proceeding",
        choices=Proceeding.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the proceeding the inquiry would wait for"},
    )
    reason = forms.CharField(
        label="The exceptional reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Parallel proceedings are not a reason to delay unless the national body accepts an exceptional one",
    )
    starts_on = GovukDateField(label="Date the pause starts", required=False)


class PauseDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("accept", "Accept: pause the clocks"), ("refuse", "Refuse: the clocks keep running")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to accept or refuse the pause"},
    )
    decision_reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class PauseEndForm(forms.Form):
    ended_on = GovukDateField(label="Date the pause ended", required=False)
