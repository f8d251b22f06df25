from django import forms

from safeguarding.core.forms import GovukDateField
from safeguarding.organisations.models import Organisation
from safeguarding.organisations.models.organisations import STATUTORY_PARTNER_KINDS


class SectionForm(forms.Form):
    body = forms.CharField(
        label="Text of the section",
        required=False,
        strip=False,
        help_text="Write in plain paragraphs. Start a line with '- ' for a bullet, '### ' for a sub-heading; "
        "**two asterisks** make bold text; [words](https://address) make a link.",
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class EvidenceForm(forms.Form):
    title = forms.CharField(
        label="Title of the evidence",
        max_length=200,
        error_messages={
            "required": "Enter the title of the evidence",
            "max_length": "The title of the evidence must be 200 characters or fewer",
        },
    )
    url = forms.URLField(
        label="Web address",
        max_length=500,
        assume_scheme="https",
        help_text="Where a reader can find it, for example https://www.example.gov.uk/audit-2026.pdf",
        error_messages={
            "required": "Enter the web address of the evidence",
            "invalid": "Enter the web address of the evidence in the right form, like https://www.example.gov.uk/report",
            "max_length": "The web address must be 500 characters or fewer",
        },
    )


class RelevantAgencyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Agency",
        queryset=Organisation.objects.none(),
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency", "invalid_choice": "Choose the agency from the list"},
    )
    role = forms.CharField(
        label="Its role in the arrangements",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter the agency's role in the arrangements",
            "max_length": "The agency's role must be 1,000 characters or fewer",
        },
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = area.partners.exclude(kind__in=STATUTORY_PARTNER_KINDS).filter(
            is_active=True
        )


class SignOffForm(forms.Form):
    confirm = forms.BooleanField(
        label="I confirm these arrangements for my agency",
        error_messages={"required": "Confirm the arrangements for your agency to sign them off"},
    )


class DeadlineForm(forms.Form):
    deadline = GovukDateField(label="Deadline", help_text="For example, 31 3 2027")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=300,
        help_text="For example, the regulation or announcement that sets it",
        error_messages={"max_length": "The note must be 300 characters or fewer"},
    )


def _pounds(label, *, required=True):
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": f"Enter the {label.lower().removesuffix(' (optional)')}, in pounds",
            "invalid": f"Enter the {label.lower().removesuffix(' (optional)')} as a number of pounds, "
            "like 25000 or 25000.50",
            "min_value": f"The {label.lower().removesuffix(' (optional)')} must be £0 or more",
            "max_digits": f"The {label.lower().removesuffix(' (optional)')} must be less than £10,000,000,000",
            "max_decimal_places": f"The {label.lower().removesuffix(' (optional)')} can have at most 2 decimal places",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
    )


def _year_field():
    return forms.IntegerField(
        label="Financial year starting in April",
        min_value=2000,
        max_value=2100,
        help_text="For example, 2026 for April 2026 to March 2027",
        error_messages={
            "required": "Enter the year the financial year starts",
            "invalid": "Enter the year as 4 digits, like 2026",
            "min_value": "The year must be 2000 or later",
            "max_value": "The year must be 2100 or earlier",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
    )


class ContributionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Partner",
        queryset=Organisation.objects.none(),
        empty_label="Choose a partner",
        error_messages={"required": "Choose the partner", "invalid_choice": "Choose the partner from the list"},
    )
    year = _year_field()
    money = _pounds("Money contribution")
    in_kind = _pounds("In-kind value (optional)", required=False)
    in_kind_description = forms.CharField(
        label="What the in-kind contribution is (optional)",
        required=False,
        max_length=300,
        help_text="For example, a business manager seconded for 2 days a week",
        error_messages={"max_length": "The description of the in-kind contribution must be 300 characters or fewer"},
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = area.partners.filter(is_active=True)

    def clean_in_kind(self):
        from decimal import Decimal

        return self.cleaned_data["in_kind"] or Decimal(0)


class ChangeContributionForm(forms.Form):
    money = _pounds("Money contribution")
    in_kind = _pounds("In-kind value (optional)", required=False)
    in_kind_description = ContributionForm.base_fields["in_kind_description"]
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_in_kind(self):
        from decimal import Decimal

        return self.cleaned_data["in_kind"] or Decimal(0)


class CalculatorForm(forms.Form):
    year = _year_field()
    total = _pounds("Total yearly cost of the arrangements")
    formula = forms.ChoiceField(
        label="How to share the cost",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how to share the cost", "invalid_choice": "Choose a way from the list"},
    )

    def __init__(self, *args, partners, **kwargs):
        from .funding import Formula

        super().__init__(*args, **kwargs)
        self.fields["formula"].choices = Formula.choices
        for partner in partners:
            self.fields[f"weight_{partner.key}"] = forms.DecimalField(
                label=f"Weight for {partner.name} (custom only)",
                required=False,
                min_value=0,
                max_digits=8,
                decimal_places=2,
                error_messages={
                    "invalid": f"Enter the weight for {partner.name} as a number, like 40",
                    "min_value": f"The weight for {partner.name} must be 0 or more",
                },
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
            )


def _date(label, what):
    field = GovukDateField(label=label)
    field.error_messages = {
        "required": f"Enter the {what}",
        "incomplete": f"The {what} must include a day, a month and a year",
        "invalid": f"The {what} must be a real date",
    }
    return field


class NotInFutureMixin:
    """Dates of things that have happened cannot be after today."""

    past_date_fields = ()

    def clean(self):
        import django.utils.timezone

        data = super().clean()
        today = django.utils.timezone.localdate()
        for name, what in self.past_date_fields:
            if data.get(name) and data[name] > today:
                self.add_error(name, f"The {what} must be today or in the past")
        return data


class ScrutinyForm(NotInFutureMixin, forms.Form):
    past_date_fields = (("carried_out_on", "date of the activity"),)

    kind = forms.ChoiceField(
        label="Kind of scrutiny",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of scrutiny"},
    )
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the title of the activity"}
    )
    carried_out_on = _date("Date of the activity", "date of the activity")
    carried_out_by = forms.CharField(
        label="Carried out by",
        max_length=200,
        help_text="The independent person or body, for example an independent scrutineer or an inspectorate",
        error_messages={"required": "Enter who carried out the activity"},
    )
    findings = forms.CharField(
        label="Findings",
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter the findings",
            "max_length": "The findings must be 6,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        from .models import ScrutinyKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ScrutinyKind.choices


class ScrutinyResponseForm(NotInFutureMixin, forms.Form):
    past_date_fields = (("responded_on", "date of the response"),)

    response = forms.CharField(
        label="The partners' response",
        max_length=6000,
        help_text="What the partners will do about the findings, and by when",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter the partners' response",
            "max_length": "The response must be 6,000 characters or fewer",
        },
    )
    responded_on = _date("Date of the response", "date of the response")
    version = forms.IntegerField(widget=forms.HiddenInput)


class MeasureForm(forms.Form):
    name = forms.CharField(
        label="Name of the measure", max_length=200, error_messages={"required": "Enter the name of the measure"}
    )
    description = forms.CharField(
        label="What it shows (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The description must be 2,000 characters or fewer"},
    )
    unit = forms.CharField(
        label="Unit",
        max_length=60,
        help_text="For example: %, days, per 10,000 children",
        error_messages={"required": "Enter the unit of the measure"},
    )
    higher_is_better = forms.TypedChoiceField(
        label="Is a higher value better?",
        choices=[("yes", "Yes, higher is better"), ("no", "No, lower is better")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether a higher value is better"},
    )


class MeasureValueForm(NotInFutureMixin, forms.Form):
    past_date_fields = (("period_ending", "end of the period"),)

    period_ending = _date("End of the period", "end of the period")
    value = forms.DecimalField(
        label="Value",
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": "Enter the value",
            "invalid": "Enter the value as a number, like 72.5",
            "max_decimal_places": "The value can have at most 2 decimal places",
            "max_digits": "The value is too large",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=300,
        error_messages={"max_length": "The note must be 300 characters or fewer"},
    )


class EngagementForm(NotInFutureMixin, forms.Form):
    past_date_fields = (("held_on", "date it happened"),)

    held_on = _date("Date it happened", "date it happened")
    activity = forms.CharField(
        label="What was done",
        max_length=300,
        help_text="For example, a workshop with the Youth Council on online safety",
        error_messages={
            "required": "Enter what was done",
            "max_length": "What was done must be 300 characters or fewer",
        },
    )
    participants = forms.CharField(
        label="Who took part",
        max_length=300,
        help_text="Describe groups, not individuals: do not give children's names",
        error_messages={
            "required": "Enter who took part",
            "max_length": "Who took part must be 300 characters or fewer",
        },
    )
    what_changed = forms.CharField(
        label="What changed because of it (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "What changed must be 4,000 characters or fewer"},
    )


class StartReportForm(forms.Form):
    year = _year_field()


class ReportForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        from .models import REPORT_SECTIONS

        super().__init__(*args, **kwargs)
        for field, heading in REPORT_SECTIONS:
            self.fields[field] = forms.CharField(
                label=heading,
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 8}),
            )
        self.order_fields([field for field, _ in REPORT_SECTIONS] + ["version"])


class MeetingForm(NotInFutureMixin, forms.Form):
    past_date_fields = (("held_on", "date of the meeting"),)

    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the title of the meeting"}
    )
    kind = forms.ChoiceField(
        label="Kind of meeting", widget=forms.RadioSelect, error_messages={"required": "Choose the kind of meeting"}
    )
    held_on = _date("Date of the meeting", "date of the meeting")
    hours = forms.DecimalField(
        label="Length in hours",
        max_digits=4,
        decimal_places=1,
        min_value=0.5,
        max_value=24,
        help_text="For example, 2.5",
        error_messages={
            "required": "Enter the length of the meeting in hours",
            "invalid": "Enter the length of the meeting as a number of hours, like 2.5",
            "min_value": "The length of the meeting must be at least half an hour",
            "max_value": "The length of the meeting must be 24 hours or less",
            "max_decimal_places": "Give the length to the nearest tenth of an hour",
            "max_digits": "The length of the meeting must be 24 hours or less",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
    )

    def __init__(self, *args, partners, **kwargs):
        from .models import MeetingKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = MeetingKind.choices
        self.partners = list(partners)
        for organisation in self.partners:
            self.fields[f"attendees_{organisation.pk}"] = forms.IntegerField(
                label=f"People from {organisation.name}",
                required=False,
                min_value=0,
                max_value=200,
                error_messages={
                    "invalid": f"Enter the number of people from {organisation.name} as a whole number",
                    "min_value": f"The number of people from {organisation.name} must be 0 or more",
                    "max_value": f"The number of people from {organisation.name} must be 200 or fewer",
                },
                widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
            )

    def attendance(self):
        return {org: self.cleaned_data.get(f"attendees_{org.pk}") or 0 for org in self.partners}


class ReportRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Agency asked",
        queryset=Organisation.objects.none(),
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency asked", "invalid_choice": "Choose the agency from the list"},
    )
    title = forms.CharField(
        label="Report", max_length=200, error_messages={"required": "Enter what report was asked for"}
    )
    due_on = _date("Due date", "due date")

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = area.partners.filter(is_active=True)


class BurdenForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Agency",
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"required": "Choose the agency", "invalid_choice": "Choose the agency from the list"},
    )
    start = _date("From", "start of the period")
    end = _date("To", "end of the period")

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end of the period must be the same as or after the start")
        return data
