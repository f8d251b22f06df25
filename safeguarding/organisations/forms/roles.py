from django import forms

from ..models import Organisation
from ..models.people import NATIONAL_ROLES
from . import choices


def in_sentence(label):
    """A label as it reads inside a sentence: "health body (ICB or NHS trust)". Only the first word loses its
    capital, and not when it is a name or an abbreviation ("Cafcass", "NHS")."""
    first, _, rest = label.partition(" ")
    if first in PROPER_WORDS or first.isupper():
        return label
    return f"{first.lower()} {rest}".rstrip()


PROPER_WORDS = {"Cafcass"}


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}, {in_sentence(obj.get_kind_display())}"


class RoleForm(forms.Form):
    """A role, the organisation it is held for, and the area (none for a national role)."""

    role = forms.ChoiceField(
        label="Role",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a role", "invalid_choice": "Choose one of the roles listed"},
    )
    organisation = OrganisationChoiceField(
        label="Organisation",
        queryset=None,
        empty_label="Choose an organisation",
        help_text="The organisation the person works for in this role",
        error_messages={
            "required": "Choose the organisation the person works for",
            "invalid_choice": "Choose one of the organisations listed",
        },
    )
    area = forms.ModelChoiceField(
        label="Area",
        queryset=None,
        required=False,
        error_messages={"invalid_choice": "Choose one of the areas listed"},
    )

    def __init__(self, *args, admin, home_areas=(), **kwargs):
        """`home_areas`: the areas whose partners and agencies are listed first among the organisations (the
        person's own areas when a role is added), when no area is chosen in the form."""
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = choices.roles_for(admin)
        self.fields["organisation"].queryset = choices.organisations_for(admin)
        areas = choices.areas_for(admin)
        self.fields["area"].queryset = areas
        if choices.may_grant_national_roles(admin):
            self.fields["area"].empty_label = "No area (national role)"
            self.fields["area"].help_text = 'Choose "No area" for a national role'
        else:
            self.fields["area"].empty_label = "Choose an area"
            if len(areas) == 1:
                self.fields["area"].initial = areas[0].pk
        self._group_organisations(areas, home_areas)

    def _group_organisations(self, areas, home_areas):
        """The chosen area's organisations first (or the home areas', or the administrator's own area's), then
        the others; a national administrator's list runs to hundreds."""
        chosen = self._chosen_area(areas)
        first_areas = [chosen] if chosen else [area for area in home_areas if area in areas]
        if not first_areas and len(areas) == 1:
            first_areas = list(areas)
        label = "This area's organisations" if len(first_areas) == 1 else "Your areas' organisations"
        choices.use_grouped_organisations(
            self.fields["organisation"],
            first=Organisation.objects.filter(is_active=True, safeguarding_areas__in=first_areas).distinct(),
            first_label=label,
        )

    def _chosen_area(self, areas):
        value = self.data.get(self.add_prefix("area")) if self.is_bound else self.initial.get("area")
        value = value or self.fields["area"].initial
        if not value:
            return None
        try:
            return areas.filter(pk=value).first()
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        role, area = cleaned.get("role"), cleaned.get("area")
        if role and "area" not in self.errors:
            if role in NATIONAL_ROLES and area is not None:
                self.add_error("area", 'A national role is held for the whole of England: choose "No area"')
            elif role not in NATIONAL_ROLES and area is None:
                self.add_error("area", "Choose the area for this role")
        return cleaned


class InviteForm(RoleForm):
    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages={
            "required": "Enter the person's full name",
            "max_length": "The full name must be 200 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    email = forms.EmailField(
        label="Work email address",
        help_text="The invitation link is sent to this address",
        error_messages={
            "required": "Enter the person's work email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    field_order = ["full_name", "email", "role", "organisation", "area"]
