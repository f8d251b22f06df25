"""Adding a relevant agency with its official code, linked to the areas it serves; finding any organisation."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from safeguarding.core import audit, permissions
from safeguarding.organisations.models import Organisation, Role

from ..agencies import CODE_RULES, KIND_OF
from ..models import AgencyProfile, AgencyType


def check_code(agency_type, code):
    """The code, normalised (upper case, no spaces); a ValidationError naming the code's rule if it is wrong."""
    code = "".join((code or "").split()).upper()
    rule = CODE_RULES.get(agency_type)
    if rule is None:
        if code:
            raise ValidationError({"code": f"A {AgencyType(agency_type).label.lower()} has no official code here"})
        return ""
    if not code:
        if rule.required:
            raise ValidationError({"code": f"Enter the {rule.name}"})
        return ""
    if not rule.check(code):
        raise ValidationError({"code": f"Enter the {rule.name} in the correct format, like {rule.example}"})
    return code


def _check_may_add_for(admin, areas):
    if permissions.is_national_administrator(admin):
        return
    mine = permissions.area_ids_with_role(admin, {Role.AREA_ADMINISTRATOR})
    outside = [area.name for area in areas if area.pk not in mine]
    if outside or not mine:
        raise PermissionDenied(f"You do not administer {', '.join(outside) or 'any area'}")


def add_organisation(admin, *, agency_type, name, code, areas):
    """Creates the organisation (of the kind its agency type is) and makes it a partner of `areas`."""
    areas = list(areas or [])
    _check_may_add_for(admin, areas)
    name = (name or "").strip()
    errors = {}
    if agency_type not in AgencyType.values:
        errors["agency_type"] = "Choose the type of agency"
    if not name:
        errors["name"] = "Enter the agency's name"
    if not areas:
        errors["areas"] = "Choose at least one area the agency serves"
    if errors:
        raise ValidationError(errors)
    code = check_code(agency_type, code)
    kind = KIND_OF[agency_type]
    with transaction.atomic():
        if code:
            existing = Organisation.objects.filter(kind=kind, code=code).first()
            if existing is not None:
                raise ValidationError(
                    {"code": f"{existing.name} already has the {CODE_RULES[agency_type].name} {code}"}
                )
        organisation = Organisation.objects.create(kind=kind, name=name, code=code)
        AgencyProfile.objects.create(organisation=organisation, agency_type=agency_type, added_by=admin)
        for area in areas:
            area.partners.add(organisation)
            audit.record(
                admin,
                "organisation.added",
                organisation,
                {"agency_type": agency_type, "code": code, "area_id": area.pk},
                area=area,
            )
    return organisation


def search(query, *, limit=20):
    """Active organisations whose name contains the words typed, or whose code is what was typed."""
    words = (query or "").split()
    if not words:
        return Organisation.objects.none()
    matches = Organisation.objects.filter(is_active=True)
    by_name = Q()
    for word in words:
        by_name &= Q(name__icontains=word)
    code = "".join(words).upper()
    return (
        matches.filter(by_name | Q(code__iexact=code))
        .select_related("agency_profile")
        .prefetch_related("safeguarding_areas")
        .order_by("name")[:limit]
    )
