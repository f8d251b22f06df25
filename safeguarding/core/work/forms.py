from django import forms

from .references import MAX_LENGTH


class GoToForm(forms.Form):
    reference = forms.CharField(
        label="Case reference or pseudonym",
        help_text="For example SI-00042, CD-2026-00042, NLR-2026-0001, NSCI-2026-03, or a child's pseudonym such "
        "as C-7KQ2-M9XD",
        max_length=MAX_LENGTH,
        error_messages={
            "required": "Enter a case reference or a child's pseudonym",
            "max_length": f"A reference or pseudonym is {MAX_LENGTH} characters or fewer",
        },
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off", "class": "govuk-input--width-20"}),
    )
