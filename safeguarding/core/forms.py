"""GOV.UK Design System form rendering and form fields shared by every app.

Every Django form renders through templates/govuk/forms/, so a form written anywhere in the
project gets GOV.UK labels, hints, error messages and the error summary without extra markup.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"


class GovukDateWidget(forms.MultiWidget):
    """Three boxes (day, month, year), as the Design System's date input pattern asks."""

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput, forms.TextInput, forms.TextInput], attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with the Design System's error wording."""

    widget = GovukDateWidget
    default_error_messages = {
        "required": "Enter the %(label)s",
        "incomplete": "The %(label)s must include a day, a month and a year",
        "invalid": "The %(label)s must be a real date",
    }

    def __init__(self, *args, **kwargs):
        parts = [
            forms.IntegerField(min_value=1, max_value=31),
            forms.IntegerField(min_value=1, max_value=12),
            forms.IntegerField(min_value=1900, max_value=9999),
        ]
        super().__init__(parts, *args, require_all_fields=False, **kwargs)

    def _message(self, code):
        return self.error_messages[code] % {"label": (self.label or "date").lower()}

    def clean(self, value):
        value = value or ["", "", ""]
        filled = ["" if part is None else str(part).strip() for part in value]
        if not any(filled):
            if self.required:
                raise ValidationError(self._message("required"), code="required")
            return None
        if not all(filled):
            raise ValidationError(self._message("incomplete"), code="incomplete")
        try:
            day, month, year = (int(part) for part in filled)
            return datetime.date(year, month, day)
        except (TypeError, ValueError):
            raise ValidationError(self._message("invalid"), code="invalid") from None

    def compress(self, data_list):  # clean() above does the work; required by MultiValueField.
        return data_list


def add_action_errors(form, error):
    """Puts a ValidationError raised by an action on the form: on the field it names, else at the top.

    Actions check the rules and name the field; views show their refusal with this, in one way everywhere.
    """
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)
