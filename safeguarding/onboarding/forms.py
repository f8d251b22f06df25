"""The forms of forming and changing areas and panels, adding agencies, bulk invitations and imports."""

from django import forms

from safeguarding.core.forms import GovukDateField
from safeguarding.organisations.models import LocalAuthority, Organisation, OrganisationKind, SafeguardingArea

from .models import AgencyType


class AuthorityChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        held = [area.name for area in obj.safeguarding_areas.all()]
        return f"{obj.name} ({obj.code}){f', in {held[0]}' if held else ''}"


class PersonFields(forms.Form):
    """A name and a work email address for each person invited with the area."""

    PEOPLE = (
        ("administrator", "First area administrator", "Works for the local authority partner"),
        ("local_authority_partner_officer", "Lead chief officer of the local authority", ""),
        ("health_body_officer", "Lead chief officer of the health body", ""),
        ("police_force_officer", "Lead chief officer of the police force", ""),
    )

    def add_person_fields(self):
        for prefix, title, hint in self.PEOPLE:
            self.fields[f"{prefix}_name"] = forms.CharField(
                label=f"{title}: full name",
                max_length=200,
                help_text=hint,
                error_messages={"required": f"Enter the full name of the {title[0].lower()}{title[1:]}"},
            )
            self.fields[f"{prefix}_email"] = forms.EmailField(
                label=f"{title}: work email address",
                error_messages={
                    "required": f"Enter the work email address of the {title[0].lower()}{title[1:]}",
                    "invalid": "Enter an email address in the correct format, like name@example.org",
                },
            )


class AreaForm(PersonFields):
    name = forms.CharField(
        label="Name of the area", max_length=200, error_messages={"required": "Enter the area's name"}
    )
    nation = forms.ChoiceField(
        label="Nation",
        choices=SafeguardingArea.Nation.choices,
        widget=forms.RadioSelect,
        initial=SafeguardingArea.Nation.ENGLAND,
    )
    local_authorities = AuthorityChoiceField(
        label="Local authorities the area covers",
        queryset=LocalAuthority.objects.prefetch_related("safeguarding_areas").order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one local authority"},
    )
    local_authority_partner = forms.ModelChoiceField(
        label="Local authority partner",
        help_text="One of the authorities above: its lead chief officer speaks for the local authorities",
        queryset=Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY, is_active=True),
        empty_label="Choose the local authority partner",
        error_messages={"required": "Choose the local authority partner"},
    )
    health_body = forms.ModelChoiceField(
        label="Health body partner",
        queryset=Organisation.objects.filter(kind=OrganisationKind.HEALTH, is_active=True),
        empty_label="Choose the health body",
        error_messages={"required": "Choose the health body"},
    )
    police_force = forms.ModelChoiceField(
        label="Police force partner",
        queryset=Organisation.objects.filter(kind=OrganisationKind.POLICE, is_active=True),
        empty_label="Choose the police force",
        error_messages={"required": "Choose the police force"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_person_fields()

    def person(self, prefix):
        return self.cleaned_data[f"{prefix}_name"], self.cleaned_data[f"{prefix}_email"]


class AreaChangeForm(forms.Form):
    class Kind:
        JOIN = "join"
        LEAVE = "leave"
        HEALTH = "health"
        MERGE = "merge"
        CHOICES = [
            (JOIN, "A local authority joins"),
            (LEAVE, "A local authority leaves"),
            (HEALTH, "The health body changes"),
            (MERGE, "Another area merges into this one"),
        ]

    change = forms.ChoiceField(
        label="What changed",
        choices=Kind.CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what changed"},
    )
    local_authority = forms.ModelChoiceField(
        label="Local authority (joining or leaving)",
        queryset=LocalAuthority.objects.order_by("name"),
        required=False,
        empty_label="Choose a local authority",
    )
    health_body = forms.ModelChoiceField(
        label="New health body",
        queryset=Organisation.objects.filter(kind=OrganisationKind.HEALTH, is_active=True),
        required=False,
        empty_label="Choose the health body",
    )
    absorbed = forms.ModelChoiceField(
        label="Area merging in", queryset=SafeguardingArea.objects.all(), required=False, empty_label="Choose an area"
    )
    effective_on = GovukDateField(
        label="Date the change took effect", required=False, help_text="For example, 1 4 2026. Leave empty for today"
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["absorbed"].queryset = SafeguardingArea.objects.exclude(pk=area.pk)

    def clean(self):
        cleaned = super().clean()
        needs = {
            self.Kind.JOIN: ("local_authority", "Choose the local authority that joins"),
            self.Kind.LEAVE: ("local_authority", "Choose the local authority that leaves"),
            self.Kind.HEALTH: ("health_body", "Choose the new health body"),
            self.Kind.MERGE: ("absorbed", "Choose the area that merges in"),
        }
        if cleaned.get("change") in needs:
            field, message = needs[cleaned["change"]]
            if not cleaned.get(field) and field not in self.errors:
                self.add_error(field, message)
        return cleaned


class PanelForm(forms.Form):
    name = forms.CharField(
        label="Name of the panel", max_length=200, error_messages={"required": "Enter the panel's name"}
    )
    areas = forms.ModelMultipleChoiceField(
        label="Safeguarding areas the panel covers",
        queryset=SafeguardingArea.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one safeguarding area"},
    )
    effective_on = GovukDateField(
        label="Date the panel started", required=False, help_text="For example, 1 4 2026. Leave empty for today"
    )


class PanelChangeForm(forms.Form):
    change = forms.ChoiceField(
        label="What changed",
        choices=[("join", "An area joins the panel"), ("leave", "An area leaves the panel")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what changed"},
    )
    area = forms.ModelChoiceField(
        label="Safeguarding area",
        queryset=SafeguardingArea.objects.order_by("name"),
        empty_label="Choose an area",
        error_messages={"required": "Choose the area"},
    )
    effective_on = GovukDateField(
        label="Date the change took effect", required=False, help_text="For example, 1 4 2026. Leave empty for today"
    )


class OrganisationForm(forms.Form):
    agency_type = forms.ChoiceField(
        label="Type of agency",
        choices=AgencyType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of agency"},
    )
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the agency's name"})
    code = forms.CharField(
        label="Official code",
        max_length=20,
        required=False,
        help_text="A school's DfE unique reference number (URN, 6 digits); an NHS trust's or GP practice's ODS "
        "code; an academy trust's Companies House number; a charity's registered number",
    )
    areas = forms.ModelMultipleChoiceField(
        label="Safeguarding areas it serves",
        queryset=SafeguardingArea.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one area the agency serves"},
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = areas


class OrganisationSearchForm(forms.Form):
    q = forms.CharField(label="Name or official code", max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.urls import reverse

        # static/js/organisation-search.mjs offers suggestions from this address as the person types.
        self.fields["q"].widget.attrs["data-organisation-search"] = reverse("onboarding:organisation-search-json")


class CsvUploadForm(forms.Form):
    file = forms.FileField(label="CSV file", required=False, help_text="Saved as CSV (comma separated), UTF-8")
    # The checked file comes back with the confirmation, so what is sent is exactly what was checked.
    content = forms.CharField(required=False, widget=forms.HiddenInput)
    file_name = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    MAX_BYTES = 5 * 1024 * 1024

    def text(self):
        upload = self.cleaned_data.get("file")
        if upload is not None:
            if upload.size > self.MAX_BYTES:
                self.add_error("file", f"The file must be smaller than {self.MAX_BYTES // (1024 * 1024)} MB")
                return None
            try:
                return upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error("file", "The file must be saved as UTF-8 text (CSV UTF-8)")
                return None
        if self.cleaned_data.get("content"):
            return self.cleaned_data["content"]
        self.add_error("file", "Choose a CSV file")
        return None

    def name_of_file(self):
        upload = self.cleaned_data.get("file")
        return (upload.name if upload is not None else self.cleaned_data.get("file_name") or "upload.csv")[:200]


class BulkInviteForm(CsvUploadForm):
    area = forms.ModelChoiceField(
        label="Area",
        queryset=SafeguardingArea.objects.none(),
        empty_label="Choose an area",
        error_messages={"required": "Choose the area the people will work in"},
    )

    field_order = ["area", "file"]

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas
        if len(areas) == 1:
            self.fields["area"].initial = areas[0].pk


class DeathImportForm(forms.Form):
    """The file of historic deaths for one panel (the panel is the page's). It never comes back to the browser:
    the checked file is kept sealed and the import starts from it."""

    file = forms.FileField(
        label="CSV file",
        help_text="Saved as CSV (comma separated), UTF-8",
        error_messages={"required": "Choose a CSV file"},
    )

    text = CsvUploadForm.text
    MAX_BYTES = 20 * 1024 * 1024

    def name_of_file(self):
        return self.cleaned_data["file"].name[:200]
