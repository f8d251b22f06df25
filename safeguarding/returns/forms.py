from django import forms

from .actions import MAX_ANSWER_CHARACTERS


class RequestReturnForm(forms.Form):
    contact_name = forms.CharField(label="Contact's name", max_length=200, required=False)
    contact_email = forms.CharField(
        label="Contact's work email address",
        max_length=254,
        required=False,
        help_text="The link and the one-time code both go to this address",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class RequestInformationForm(RequestReturnForm):
    question = forms.CharField(
        label="What do you want to ask?",
        help_text="The notifier reads this after entering the code. Do not name the child or family",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class LinkForm(forms.Form):
    token = forms.CharField(
        label="Access key",
        max_length=200,
        help_text="If you opened the link in the email, this is already filled in. If not, copy the access key "
        "from the email",
        error_messages={"required": "Enter the access key from the link in your email"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from the email",
        max_length=20,
        required=False,
        help_text="6 digits",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )


class AnswersForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for key, question in questions:
            self.fields[key] = forms.CharField(
                label=question,
                required=False,
                max_length=MAX_ANSWER_CHARACTERS,
                widget=forms.Textarea(attrs={"rows": 5}),
            )


class FileForm(forms.Form):
    file = forms.FileField(
        label="Attach a file",
        required=False,
        help_text="A PDF, PNG, JPEG, Word (DOCX), Excel (XLSX), CSV or text file, 10 MB or smaller",
    )
