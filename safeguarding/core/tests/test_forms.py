"""GOV.UK rendering of form fields, including the date input pattern."""

import datetime

import pytest
from django import forms

from safeguarding.core.forms import GovukDateField


class ExampleForm(forms.Form):
    name = forms.CharField(label="Full name", help_text="As it appears on their record")
    incident_date = GovukDateField(label="Date of the incident")
    harm = forms.ChoiceField(
        label="Harm", choices=[("death", "Death"), ("serious", "Serious harm")], widget=forms.RadioSelect
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)


def test_valid_date_parts_make_a_date():
    form = ExampleForm(
        {"name": "A", "incident_date_0": "25", "incident_date_1": "12", "incident_date_2": "2026", "harm": "death"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["incident_date"] == datetime.date(2026, 12, 25)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the date of the incident"),
        (("25", "", "2026"), "The date of the incident must include a day, a month and a year"),
        (("31", "2", "2026"), "The date of the incident must be a real date"),
        (("aa", "2", "2026"), "The date of the incident must be a real date"),
    ],
)
def test_date_errors_name_the_field_and_the_rule(parts, message):
    data = {"name": "A", "harm": "death"} | {f"incident_date_{i}": part for i, part in enumerate(parts)}
    form = ExampleForm(data)
    assert not form.is_valid()
    assert form.errors["incident_date"] == [message]


def test_fields_render_with_design_system_markup_and_errors():
    form = ExampleForm({"incident_date_0": "31", "incident_date_1": "2", "incident_date_2": "2026"})
    form.is_valid()
    html = str(form)
    assert 'class="govuk-form-group govuk-form-group--error"' in html
    assert '<label class="govuk-label govuk-label--s" for="id_name">Full name</label>' in html
    assert '<div id="id_name-hint" class="govuk-hint">As it appears on their record</div>' in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html
    assert 'class="govuk-date-input"' in html
    assert 'name="incident_date_0"' in html and 'value="31"' in html
    assert 'class="govuk-radios__input" id="id_harm_0" name="harm" type="radio" value="death"' in html
    assert 'class="govuk-textarea"' in html


def test_error_summary_links_to_first_box_of_multi_part_fields(rf):
    from django.template.loader import render_to_string

    form = ExampleForm({})
    form.is_valid()
    html = render_to_string("govuk/includes/error_summary.html", {"form": form})
    assert '<a href="#id_incident_date_0">Enter the date of the incident</a>' in html
    assert '<a href="#id_harm_0">' in html
    assert '<a href="#id_name">' in html
