"""Forms of the annual report: starting a year, writing its sections, publishing it."""

from django import forms


def _section(label, help_text, rows=8):
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": rows}), required=False, help_text=help_text
    )


class StartForm(forms.Form):
    year = forms.TypedChoiceField(label="Year", coerce=int, choices=())

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]


# Sections are written in Markdown, as the arrangements' sections are.
FORMATTING = '. Each line is a paragraph; start a line with "- " for a bullet point'


class SectionsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    foreword = _section("Foreword", "From the chair of the national body, to the Secretary of State" + FORMATTING)
    key_messages = _section("Key messages", "What the year's figures and learning say, in a few points" + FORMATTING)
    lessons_for_government = _section(
        "Lessons for government",
        "What the national body asks of government and national bodies. The report cannot be published without it"
        + FORMATTING,
    )


class VersionForm(forms.Form):
    """For a button that acts on the report as the person saw it (assemble again, publish)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
