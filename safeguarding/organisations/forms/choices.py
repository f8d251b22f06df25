"""What an administrator may choose from: the roles they may give, their areas, and those areas' partners."""

from safeguarding.core import permissions

from ..models import Organisation, OrganisationKind, Role, SafeguardingArea
from ..models.people import NATIONAL_ROLES


def may_grant_national_roles(admin):
    return admin.has_perm("organisations.grant_national_roles")


def roles_for(admin):
    if may_grant_national_roles(admin):
        return list(Role.choices)
    return [(value, label) for value, label in Role.choices if value not in NATIONAL_ROLES]


def areas_for(admin):
    if permissions.is_national_administrator(admin):
        return SafeguardingArea.objects.all()
    return SafeguardingArea.objects.filter(pk__in=permissions.area_ids_with_role(admin, {Role.AREA_ADMINISTRATOR}))


def organisations_for(admin):
    """Active partners of the administrator's areas, and national bodies for those who give national roles."""
    partners = Organisation.objects.filter(is_active=True, safeguarding_areas__in=areas_for(admin))
    organisations = Organisation.objects.filter(pk__in=partners.values("pk"))
    if may_grant_national_roles(admin):
        national_bodies = Organisation.objects.filter(is_active=True, kind=OrganisationKind.NATIONAL_BODY)
        organisations = organisations | national_bodies
    return organisations.order_by("name")


# Marks a <select> for type-ahead: static/js/autocomplete.mjs turns it into an accessible-autocomplete box
# when JavaScript runs; without it the select works as it is.
AUTOCOMPLETE_ATTRS = {"data-module": "app-autocomplete"}


def organisation_choices(organisations, *, empty_label, first=(), first_label="", label=None):
    """The choices of an organisation <select>: `first` (the area's own partners and agencies) in their own
    group at the top, then every other organisation of `organisations`, both by name.

    `first` is an iterable of organisations; those not among `organisations` are left out. With nothing in
    `first`, or nothing else, the list is not grouped.
    """
    label = label or (lambda organisation: organisation.name)
    everything = list(organisations.order_by("name"))
    first_ids = {organisation.pk for organisation in first}
    own = [(organisation.pk, label(organisation)) for organisation in everything if organisation.pk in first_ids]
    others = [(organisation.pk, label(organisation)) for organisation in everything if organisation.pk not in first_ids]
    if not own or not others:
        return [("", empty_label), *own, *others]
    return [("", empty_label), (first_label, own), ("Other organisations", others)]


def use_grouped_organisations(field, *, first=(), first_label=""):
    """Gives a ModelChoiceField of organisations the grouped choices and the type-ahead. The field still
    validates against its queryset."""
    field.choices = organisation_choices(
        field.queryset,
        empty_label=field.empty_label or "",
        first=first,
        first_label=first_label,
        label=field.label_from_instance,
    )
    field.widget.attrs.update(AUTOCOMPLETE_ATTRS)
