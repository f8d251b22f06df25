"""Forming a safeguarding area and changing it afterwards, with its history kept.

An area is formed by the national administrator from local authorities of the reference data and its three
statutory partners (Wood recommendation 1); its first administrator and the partners' lead chief officers are
invited through the ordinary invitation action, and each lead chief officer confirms the area. Later changes
(an authority joining or leaving, two areas merging, a new health body) add rows to the area's history.
Cases stay with the area they were opened in: nothing here moves a case.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from safeguarding.core import audit
from safeguarding.organisations.actions import invite_person
from safeguarding.organisations.models import Organisation, OrganisationKind, Role, SafeguardingArea

from ..models import AreaChange, PanelChange, PartnerConfirmation
from .common import effective_date, require

PARTNER_FIELDS = {
    OrganisationKind.LOCAL_AUTHORITY: "local_authority_partner",
    OrganisationKind.HEALTH: "health_body",
    OrganisationKind.POLICE: "police_force",
}


def merged_into(area):
    """The area `area` merged into, or None while it stands on its own."""
    change = area.changes.filter(kind=AreaChange.Kind.MERGED_INTO).select_related("other_area").first()
    return change.other_area if change else None


def _check_standing(area):
    successor = merged_into(area)
    if successor is not None:
        raise ValidationError(f"{area.name} has merged into {successor.name}: change {successor.name} instead")


def _dated(area, effective_on, today):
    """The change's date: not in the future, and not before the area was formed here."""
    effective_on = effective_date(effective_on, today)
    formed = area.changes.filter(kind=AreaChange.Kind.FORMED).values_list("effective_on", flat=True).first()
    if formed is not None and effective_on < formed:
        raise ValidationError(
            {"effective_on": f"The change cannot take effect before {area.name} was formed on {formed:%-d %B %Y}"}
        )
    return effective_on


def _check_authorities_free(authorities, *, field="local_authorities", except_area=None):
    errors = []
    for authority in authorities:
        others = authority.safeguarding_areas.all()
        if except_area is not None:
            others = others.exclude(pk=except_area.pk)
        holder = others.first()
        if holder is not None:
            errors.append(
                f"{authority.name} is already in {holder.name}: a local authority belongs to one safeguarding area. "
                f"Record it leaving {holder.name} first"
            )
    if errors:
        raise ValidationError({field: errors})


def _authority_organisation(authority):
    organisation = Organisation.objects.filter(local_authority=authority).first()
    if organisation is None:
        raise ValidationError(
            {"local_authorities": f"{authority.name} has no organisation: run load_reference_data to add it"}
        )
    return organisation


def _check_partner(organisation, kind, field):
    if organisation is None:
        raise ValidationError({field: f"Choose the {OrganisationKind(kind).label.lower()}"})
    if organisation.kind != kind:
        raise ValidationError({field: f"{organisation.name} is not a {OrganisationKind(kind).label.lower()}"})
    if not organisation.is_active:
        raise ValidationError({field: f"{organisation.name} is no longer active: choose another"})


def _unique_slug(name):
    base = slugify(name)[:90] or "area"
    slug, n = base, 2
    while SafeguardingArea.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _change(area, kind, description, admin, effective_on, **extra):
    return AreaChange.objects.create(
        area=area, kind=kind, description=description[:500], made_by=admin, effective_on=effective_on, **extra
    )


def form_area(
    admin,
    *,
    name,
    local_authorities,
    local_authority_partner,
    health_body,
    police_force,
    administrator,
    chief_officers,
    accept_url_builder,
    nation=SafeguardingArea.Nation.ENGLAND,
    effective_on=None,
    today=None,
):
    """Forms an area and sends its invitations; returns the area.

    `administrator` is (full name, email); `chief_officers` maps each statutory partner kind to the (full name,
    email) of its lead chief officer. Nothing is stored unless everything is valid, invitations included.
    """
    require(admin, "onboarding.form_area", message="Only a national administrator forms a safeguarding area")
    name = (name or "").strip()
    local_authorities = list(local_authorities or [])
    errors = {}
    if not name:
        errors["name"] = "Enter the area's name"
    elif SafeguardingArea.objects.filter(name__iexact=name).exists():
        errors["name"] = f"There is already an area called {name}: choose another name"
    if not local_authorities:
        errors["local_authorities"] = "Choose at least one local authority"
    if errors:
        raise ValidationError(errors)
    effective_on = effective_date(effective_on, today)
    _check_authorities_free(local_authorities)
    if local_authority_partner is None or local_authority_partner.local_authority not in local_authorities:
        raise ValidationError(
            {"local_authority_partner": "Choose the local authority partner from the authorities the area covers"}
        )
    _check_partner(health_body, OrganisationKind.HEALTH, "health_body")
    _check_partner(police_force, OrganisationKind.POLICE, "police_force")
    policed = {authority.police_force_area_id for authority in local_authorities}
    if police_force.police_force_area_id not in policed:
        raise ValidationError({"police_force": f"{police_force.name} does not police any of the chosen authorities"})
    authority_organisations = [_authority_organisation(authority) for authority in local_authorities]
    partners = {OrganisationKind.LOCAL_AUTHORITY: local_authority_partner, OrganisationKind.HEALTH: health_body}
    partners[OrganisationKind.POLICE] = police_force
    with transaction.atomic():
        area = SafeguardingArea.objects.create(name=name, slug=_unique_slug(name), nation=nation)
        area.local_authorities.set(local_authorities)
        area.partners.set({*authority_organisations, health_body, police_force})
        names = ", ".join(authority.name for authority in local_authorities)
        _change(
            area,
            AreaChange.Kind.FORMED,
            f"Formed covering {names}, with {local_authority_partner.name}, {health_body.name} and {police_force.name}",
            admin,
            effective_on,
        )
        for organisation in partners.values():
            PartnerConfirmation.objects.create(area=area, organisation=organisation)
        audit.record(
            admin,
            "area.formed",
            area,
            {
                "local_authorities": [authority.code for authority in local_authorities],
                "partners": sorted(organisation.pk for organisation in partners.values()),
            },
            area=area,
        )
        _invite(
            admin,
            area,
            administrator,
            local_authority_partner,
            Role.AREA_ADMINISTRATOR,
            "administrator",
            accept_url_builder,
        )
        for kind, organisation in partners.items():
            prefix = f"{PARTNER_FIELDS[kind]}_officer"
            _invite(
                admin, area, chief_officers.get(kind), organisation, Role.LEAD_CHIEF_OFFICER, prefix, accept_url_builder
            )
    return area


def _invite(admin, area, person, organisation, role, prefix, accept_url_builder):
    full_name, email = person or ("", "")
    try:
        invite_person(
            admin,
            email=email,
            full_name=full_name,
            organisation=organisation,
            area=area,
            role=role,
            accept_url_builder=accept_url_builder,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(
                {
                    f"{prefix}_{'name' if key == 'full_name' else key}": value
                    for key, value in error.message_dict.items()
                }
            ) from None
        raise


def _field(prefix, key):
    return f"{prefix}_{'name' if key == 'full_name' else key}"


def ask_to_confirm(membership):
    """Called as someone becomes a lead chief officer in an area (invitation accepted, or role given): if their
    organisation's confirmation of the area is waiting, they are asked for it by email and in the service. At an
    area's formation its officers are only invited, so this is when the request reaches them."""
    if membership.role != Role.LEAD_CHIEF_OFFICER or membership.area_id is None:
        return None
    waiting = PartnerConfirmation.objects.filter(
        area_id=membership.area_id, organisation_id=membership.organisation_id, confirmed_at__isnull=True
    )
    if not waiting.exists():
        return None
    from safeguarding.notifications import announce

    return announce.area_confirmation_requested(membership.area, membership.organisation)


def confirmations_for(user, area):
    """The confirmations of `area` still waiting for `user`, as the lead chief officer of that partner."""
    held = set(
        user.memberships.filter(area=area, role=Role.LEAD_CHIEF_OFFICER).values_list("organisation_id", flat=True)
    )
    if not held:
        return []
    waiting = PartnerConfirmation.objects.filter(area=area, confirmed_at__isnull=True, organisation__in=held)
    return list(waiting.select_related("organisation"))


def confirm_area(user, area):
    """A statutory partner's lead chief officer confirms the area their organisation was named a partner of."""
    mine = confirmations_for(user, area)
    if not mine:
        raise PermissionDenied("Only a lead chief officer of a partner still to confirm may confirm this area")
    with transaction.atomic():
        confirmation = PartnerConfirmation.objects.select_for_update().get(pk=mine[0].pk)
        if confirmation.confirmed_at is not None:
            raise ValidationError(f"{confirmation.organisation.name} has already confirmed {area.name}")
        confirmation.confirmed_by = user
        confirmation.confirmed_at = timezone.now()
        confirmation.save(update_fields=["confirmed_by", "confirmed_at"])
        _change(
            area,
            AreaChange.Kind.PARTNER_CONFIRMED,
            f"{confirmation.organisation.name} confirmed the area",
            user,
            timezone.localdate(),
            organisation=confirmation.organisation,
        )
        audit.record(user, "area.confirmed", area, {"organisation_id": confirmation.organisation_id}, area=area)
    return confirmation


def add_local_authority(admin, area, authority, *, effective_on=None, today=None):
    require(admin, "onboarding.change_area", area, "Only a national administrator changes an area")
    _check_standing(area)
    if area.local_authorities.filter(pk=authority.pk).exists():
        raise ValidationError({"local_authority": f"{authority.name} is already in {area.name}"})
    effective_on = _dated(area, effective_on, today)
    _check_authorities_free([authority], field="local_authority")
    organisation = _authority_organisation(authority)
    with transaction.atomic():
        area.local_authorities.add(authority)
        area.partners.add(organisation)
        _change(
            area,
            AreaChange.Kind.AUTHORITY_JOINED,
            f"{authority.name} joined",
            admin,
            effective_on,
            local_authority=authority,
        )
        audit.record(admin, "area.authority_joined", area, {"local_authority": authority.code}, area=area)
    return area


def remove_local_authority(admin, area, authority, *, effective_on=None, today=None):
    """The authority leaves; its cases already opened stay with this area."""
    require(admin, "onboarding.change_area", area, "Only a national administrator changes an area")
    _check_standing(area)
    if not area.local_authorities.filter(pk=authority.pk).exists():
        raise ValidationError({"local_authority": f"{authority.name} is not in {area.name}"})
    if area.local_authorities.count() == 1:
        raise ValidationError(
            {"local_authority": f"{authority.name} is {area.name}'s only local authority: merge the area instead"}
        )
    organisation = Organisation.objects.filter(local_authority=authority).first()
    if PartnerConfirmation.objects.filter(area=area, organisation=organisation).exists():
        raise ValidationError(
            {
                "local_authority": f"{authority.name} is {area.name}'s local authority partner: it cannot leave while "
                "it speaks for the area's local authorities. Merge the area instead"
            }
        )
    effective_on = _dated(area, effective_on, today)
    with transaction.atomic():
        area.local_authorities.remove(authority)
        if organisation is not None:
            area.partners.remove(organisation)
        _change(
            area,
            AreaChange.Kind.AUTHORITY_LEFT,
            f"{authority.name} left",
            admin,
            effective_on,
            local_authority=authority,
        )
        audit.record(admin, "area.authority_left", area, {"local_authority": authority.code}, area=area)
    return area


def change_health_body(admin, area, health_body, *, effective_on=None, today=None):
    """A new health body replaces the old as statutory partner (ICBs merge); its lead chief officer confirms."""
    require(admin, "onboarding.change_area", area, "Only a national administrator changes an area")
    _check_standing(area)
    _check_partner(health_body, OrganisationKind.HEALTH, "health_body")
    current = PartnerConfirmation.objects.filter(area=area, organisation__kind=OrganisationKind.HEALTH).first()
    if current is not None and current.organisation_id == health_body.pk:
        raise ValidationError({"health_body": f"{health_body.name} is already {area.name}'s health partner"})
    effective_on = _dated(area, effective_on, today)
    with transaction.atomic():
        old = current.organisation if current else None
        if current is not None:
            area.partners.remove(old)
            current.delete()
        area.partners.add(health_body)
        PartnerConfirmation.objects.create(area=area, organisation=health_body)
        was = f" in place of {old.name}" if old else ""
        _change(
            area,
            AreaChange.Kind.HEALTH_BODY_CHANGED,
            f"{health_body.name} became the health partner{was}",
            admin,
            effective_on,
            organisation=health_body,
        )
        audit.record(
            admin,
            "area.health_body_changed",
            area,
            {"from": old.pk if old else None, "to": health_body.pk},
            area=area,
        )
    return area


def merge_areas(admin, continuing, absorbed, *, effective_on=None, today=None):
    """`absorbed` merges into `continuing`: its authorities and partners move across; its cases, people and
    history stay where they were, so its past is still read as its own."""
    require(admin, "onboarding.change_area", continuing, "Only a national administrator changes an area")
    if continuing.pk == absorbed.pk:
        raise ValidationError({"absorbed": "Choose a different area to merge in"})
    _check_standing(continuing)
    _check_standing(absorbed)
    effective_on = _dated(continuing, effective_on, today)
    from safeguarding.child_deaths.models import Panel

    with transaction.atomic():
        authorities = list(absorbed.local_authorities.all())
        absorbed.local_authorities.clear()
        continuing.local_authorities.add(*authorities)
        continuing.partners.add(*absorbed.partners.all())
        names = ", ".join(authority.name for authority in authorities) or "no local authorities"
        _change(
            continuing,
            AreaChange.Kind.MERGED_IN,
            f"{absorbed.name} merged in, bringing {names}",
            admin,
            effective_on,
            other_area=absorbed,
        )
        _change(
            absorbed,
            AreaChange.Kind.MERGED_INTO,
            f"Merged into {continuing.name}",
            admin,
            effective_on,
            other_area=continuing,
        )
        # The continuing area is reviewed by the absorbed area's panel when it had none of its own.
        if not Panel.objects.filter(areas=continuing).exists():
            for panel in Panel.objects.filter(areas=absorbed):
                panel.areas.add(continuing)
                PanelChange.objects.create(
                    panel=panel,
                    kind=PanelChange.Kind.AREA_JOINED,
                    area=continuing,
                    effective_on=effective_on,
                    description=f"{continuing.name} joined when {absorbed.name} merged into it",
                    children=panel.child_population()[0],
                    made_by=admin,
                )
        audit.record(
            admin,
            "area.merged",
            continuing,
            {"absorbed": absorbed.pk, "authorities": [a.code for a in authorities]},
            area=continuing,
        )
        audit.record(admin, "area.merged_into", absorbed, {"continuing": continuing.pk}, area=absorbed)
    return continuing
