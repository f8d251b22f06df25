from django import forms


class NewPasswordForm(forms.Form):
    """The password a new person chooses; the rules (AUTH_PASSWORD_VALIDATORS) are checked on acceptance."""

    password = forms.CharField(
        label="Create a password",
        strip=False,
        help_text="At least 12 characters. Do not use a common password, only numbers, or your name.",
        error_messages={"required": "Enter a password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label="Enter the password again",
        strip=False,
        error_messages={"required": "Enter the password again"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        password, again = cleaned.get("password"), cleaned.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", "The passwords do not match: enter the same password twice")
        return cleaned


class InvitationCodeForm(forms.Form):
    """The code from the invitation email. The link fills it in (from the part after `#`) where JavaScript runs."""

    code = forms.CharField(
        label="Invitation code",
        help_text="The code in your invitation email, under the link",
        max_length=100,
        error_messages={"required": "Enter the invitation code from your email"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class AcceptInvitationForm(forms.Form):
    """Someone who already has an account only confirms."""
