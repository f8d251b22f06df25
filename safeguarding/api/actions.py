"""Issuing and revoking API tokens: the only code that changes an ApiToken."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from safeguarding.core import audit

from . import tokens
from .models import ApiToken, Scope

MANAGE_PERMISSION = "organisations.manage_api_tokens"
_PREFIX_ATTEMPTS = 5


def _check_issue_request(organisation, name, areas, scopes, expires_at):
    errors = {}
    if not (name or "").strip():
        errors["name"] = "Enter a name for the token"
    if organisation is None:
        errors["organisation"] = "Select the organisation that will use the token"
    if not areas:
        errors["areas"] = "Select at least one area the token may be used for"
    unknown = sorted(set(scopes or ()) - set(Scope.values))
    if not scopes:
        errors["scopes"] = "Select at least one thing the token may do"
    elif unknown:
        errors["scopes"] = f"Unknown scope: {', '.join(unknown)}"
    if expires_at is not None and expires_at <= timezone.now():
        errors["expires_at"] = "The expiry date must be in the future"
    if errors:
        raise ValidationError(errors)


def _check_partnership(organisation, areas):
    """Tokens reach only areas the organisation serves; a token for anywhere else would leak."""
    served = set(organisation.safeguarding_areas.values_list("pk", flat=True))
    strangers = [area.name for area in areas if area.pk not in served]
    if strangers:
        raise ValidationError(
            {"areas": f"{organisation.name} is not a partner of {', '.join(strangers)}: choose only areas it serves"}
        )


def _create_with_unique_prefix(**fields):
    """A fresh prefix until one is free: 32 random bits rarely collide, but the column is unique."""
    for _ in range(_PREFIX_ATTEMPTS):
        prefix = tokens.new_prefix()
        plaintext = tokens.new_plaintext(prefix)
        try:
            with transaction.atomic():
                token = ApiToken.objects.create(prefix=prefix, secret_hash=tokens.hash_token(plaintext), **fields)
        except IntegrityError:
            if not ApiToken.objects.filter(prefix=prefix).exists():
                raise
            continue
        return token, plaintext
    raise RuntimeError("Could not find a free API token prefix")  # pragma: no cover


def issue_token(user, organisation, name, areas, scopes, expires_at=None):
    """Issues a token and returns (token, plaintext). The plaintext exists only in this return value."""
    if not user.has_perm(MANAGE_PERMISSION):
        raise PermissionDenied("You cannot issue API tokens")
    areas = list(areas or ())
    scopes = list(dict.fromkeys(scopes or ()))  # keeps the order given, drops repeats
    _check_issue_request(organisation, name, areas, scopes, expires_at)
    for area in areas:
        if not user.has_perm(MANAGE_PERMISSION, area):
            raise PermissionDenied(f"You cannot issue API tokens for {area.name}")
    _check_partnership(organisation, areas)

    with transaction.atomic():
        token, plaintext = _create_with_unique_prefix(
            organisation=organisation,
            name=name.strip(),
            scopes=scopes,
            created_by=user,
            expires_at=expires_at,
        )
        token.areas.set(areas)
        summary = {
            "prefix": token.prefix,
            "organisation_id": organisation.pk,
            "scopes": scopes,
            "area_ids": sorted(area.pk for area in areas),
            "expires_at": expires_at.isoformat() if expires_at else None,
        }
        # One event per area, so each area's administrators see the token in their area's audit trail.
        for area in areas:
            audit.record(user, "api_token.issued", token, summary, area=area)
    return token, plaintext


def can_revoke(user, token):
    """Any administrator of one of the token's areas may revoke it: cutting access off needs no more."""
    return any(user.has_perm(MANAGE_PERMISSION, area) for area in token.areas.all())


def revoke_token(user, token):
    if not can_revoke(user, token):
        raise PermissionDenied("You cannot revoke this API token")
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is not None:
            raise ValidationError("This API token has already been revoked")
        locked.revoked_at = timezone.now()
        locked.revoked_by = user
        locked.save(update_fields=["revoked_at", "revoked_by"])
        for area in locked.areas.all():
            audit.record(
                user,
                "api_token.revoked",
                locked,
                {"prefix": locked.prefix, "organisation_id": locked.organisation_id},
                area=area,
            )
    token.revoked_at, token.revoked_by = locked.revoked_at, locked.revoked_by
    return token
