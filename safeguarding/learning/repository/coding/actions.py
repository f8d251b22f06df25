"""Coding a finding against the common category scheme: the one way a national analyst's codes are written."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit, permissions
from safeguarding.core.concurrency import save_if_unchanged
from safeguarding.organisations.models import Role

from ..models import FindingTheme, Theme
from ..search import facet_index
from .suggest import suggest_themes

PERMISSION = "repository.code_findings"


def _person(actor):
    return actor.user if isinstance(actor, audit.Actor) else actor


def _audit_actor(actor):
    """The analyst as the audit trail names them: with the national organisation they code for."""
    if isinstance(actor, audit.Actor):
        return actor
    membership = next(
        (m for m in permissions.memberships(actor) if m.area_id is None and m.role == Role.NATIONAL_ANALYST), None
    )
    if membership is None:
        return actor
    return audit.Actor.person(actor, organisation=membership.organisation, role=membership.role)


def _themes_for(theme_slugs):
    slugs = list(dict.fromkeys(slug.strip() for slug in theme_slugs if slug and slug.strip()))
    if not slugs:
        raise ValidationError({"themes": "Select at least one theme from the category scheme"})
    themes = {theme.slug: theme for theme in Theme.objects.filter(slug__in=slugs, is_active=True)}
    unknown = [slug for slug in slugs if slug not in themes]
    if unknown:
        raise ValidationError(
            {"themes": f"Not a theme of the category scheme: {', '.join(unknown)}. Choose from the scheme's themes"}
        )
    return [themes[slug] for slug in slugs]


def code_finding(actor, finding, theme_slugs, expected_version, *, suggestions=None, now=None):
    """Replaces the finding's codes with `theme_slugs` (active themes of the scheme, at least one).

    `suggestions` ({slug: confidence}) are those the coder was shown; when not given they are worked out
    now from the finding's text. They are kept with the coding so suggestion accuracy can be measured.
    Raises PermissionDenied, ValidationError (field "themes") or StaleEdit.
    """
    user = _person(actor)
    if user is None or not user.has_perm(PERMISSION, finding):
        raise PermissionDenied("Only national analysts may code findings.")
    if finding.edition != finding.entry.edition:
        raise ValidationError(
            f"This finding belongs to edition {finding.edition} of {finding.entry.reference}, which a later "
            "edition has replaced: code the current edition's findings"
        )
    themes = _themes_for(theme_slugs)
    if suggestions is None:
        suggestions = suggest_themes(finding.text).as_dict()
    now = now or timezone.now()
    with transaction.atomic():
        finding.coded_at, finding.coded_by, finding.suggestions_at_coding = now, user, dict(suggestions)
        save_if_unchanged(finding, expected_version, ["coded_at", "coded_by", "suggestions_at_coding"])
        previous = sorted(finding.codes.values_list("theme__slug", flat=True))
        finding.codes.all().delete()
        FindingTheme.objects.bulk_create(
            [
                FindingTheme(finding=finding, theme=theme, was_suggested=theme.slug in suggestions, coded_by=user)
                for theme in themes
            ]
        )
        facet_index.refresh([finding.entry_id])
        audit.record(
            _audit_actor(actor),
            "repository.finding_coded",
            finding,
            {
                "entry": finding.entry.reference,
                "codes": [theme.slug for theme in themes],
                "previous_codes": previous,
                "suggested": sorted(suggestions),
            },
        )
    return finding
