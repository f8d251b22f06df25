"""Invitations: how a person joins the service, by a one-time link sent to their work email address."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from safeguarding.core.scoping import AreaScopedQuerySet

from .people import NATIONAL_ROLES, Role

# How long an invitation link works. Long enough for someone on leave for a week; short enough that a
# forgotten email is not a standing way in.
INVITATION_LIFETIME = datetime.timedelta(days=7)


def new_token():
    """A fresh secret for an invitation link. Only its hash is stored; the plaintext goes in the email."""
    return secrets.token_urlsafe(32)


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def default_expiry():
    return timezone.now() + INVITATION_LIFETIME


class InvitationQuerySet(AreaScopedQuerySet):
    """Invitations, scoped by area like the memberships they offer."""

    national_roles_see_all = False

    def open(self):
        """Neither accepted, revoked nor expired: the link still works."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An offer of one role (for an organisation, in an area or nationally) to a person, by email."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"

    email = models.EmailField()
    full_name = models.CharField(max_length=200)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.PROTECT, related_name="invitations"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the link's token")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email"], name="invitation_email_idx")]
        constraints = [
            # The same scope rule as Membership: national roles without an area, every other role with one.
            models.CheckConstraint(
                condition=(
                    models.Q(role__in=sorted(NATIONAL_ROLES), area__isnull=True)
                    | (~models.Q(role__in=sorted(NATIONAL_ROLES)) & models.Q(area__isnull=False))
                ),
                name="invitation_area_matches_role_scope",
            ),
            models.CheckConstraint(
                condition=models.Q(accepted_at__isnull=True) | models.Q(accepted_user__isnull=False),
                name="accepted_invitation_names_its_user",
            ),
        ]

    def __str__(self):
        return f"Invitation: {self.get_role_display()} ({self.held_for})"

    @property
    def held_for(self):
        return self.area.name if self.area_id else "England (national)"

    @property
    def status(self):
        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    @property
    def is_open(self):
        return self.status == self.Status.PENDING
