from django import forms


class LinkDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Are these notifications about the same child?",
        choices=[("confirm", "Yes, link them into one case"), ("reject", "No, they are different children")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the notifications are about the same child",
            "invalid_choice": "Select whether the notifications are about the same child",
        },
    )
    reason = forms.CharField(
        label="Reason",
        help_text="Needed when they are different children, for example which detail differs",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class UndoLinkForm(forms.Form):
    reason = forms.CharField(
        label="Why is the link being undone?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the link is being undone"},
    )
