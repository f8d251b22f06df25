import re

from django import forms

_CODE = re.compile(r"^\d{6}$")


class TotpCodeForm(forms.Form):
    """A 6-digit code from an authenticator app, checked against the person's device."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code changes every 30 seconds",
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "class": "govuk-input--width-5"}
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = re.sub(r"\s", "", self.cleaned_data["code"])
        if not _CODE.match(code):
            raise forms.ValidationError("The code must be 6 digits, like 123456")
        if not self.device.verify_token(code):
            raise forms.ValidationError("The code is not correct or has expired. Enter the newest code from your app")
        return code
