"""API tokens: how an organisation's case-management system authenticates to the REST API."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Scope(models.TextChoices):
    """What a token may do. Each API view names the scopes it needs (`required_scopes`)."""

    AREAS_READ = "areas:read", "Read the safeguarding areas the token covers"
    INCIDENTS_READ = "incidents:read", "Read serious incident notifications"
    INCIDENTS_WRITE = "incidents:write", "Notify serious incidents"
    CHILD_DEATHS_READ = "child_deaths:read", "Read child death notifications"
    CHILD_DEATHS_WRITE = "child_deaths:write", "Notify child deaths"


class ApiTokenQuerySet(models.QuerySet):
    def administered_by(self, user):
        """Tokens an administrator manages: all for national administrators, else those covering their areas."""
        from safeguarding.core import permissions
        from safeguarding.organisations.models import Role

        if permissions.is_national_administrator(user):
            return self.all()
        area_ids = permissions.area_ids_with_role(user, {Role.AREA_ADMINISTRATOR})
        # A subquery rather than a join, so a token covering two of the person's areas is listed once.
        covering = ApiToken.areas.through.objects.filter(safeguardingarea_id__in=area_ids).values("apitoken_id")
        return self.filter(pk__in=covering)


class ApiToken(models.Model):
    """A credential issued to one organisation for some of the areas it is a partner of.

    The plaintext (`slp_<prefix>_<secret>`) is shown once when issued and never stored: only
    `prefix`, to find the row, and `secret_hash`, to check the rest.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="api_tokens")
    name = models.CharField(max_length=200, help_text="What uses it, e.g. Tees Valley council case system")
    prefix = models.CharField(max_length=8, unique=True, help_text="Identifies the token in lists and logs")
    # SHA-256 of the whole token, not a slow password hash: the secret is 256 random bits, so
    # there is nothing to guess by brute force, and a slow hash would cost every API request.
    secret_hash = models.CharField(max_length=64)
    areas = models.ManyToManyField("organisations.SafeguardingArea", related_name="api_tokens")
    scopes = models.JSONField(default=list, help_text="Values of Scope")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix})"

    @property
    def status(self):
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if self.expires_at is not None and self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.ACTIVE

    @property
    def is_usable(self):
        return self.status == self.Status.ACTIVE

    def get_scopes_display(self):
        labels = dict(Scope.choices)
        return [labels.get(scope, scope) for scope in self.scopes]


class IdempotencyRecord(models.Model):
    """The first answer to a POST made with an Idempotency-Key, replayed for any repeat of that key.

    A case-management system that retries after a timeout cannot know whether its first request
    landed; sending the same key again returns the first result and creates nothing new.
    """

    token = models.ForeignKey(ApiToken, on_delete=models.PROTECT, related_name="idempotency_records")
    endpoint = models.CharField(max_length=100)
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64, help_text="SHA-256 of the request body, to refuse a reused key")
    response_status = models.PositiveSmallIntegerField()
    response_body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "endpoint", "key"], name="unique_idempotency_key_per_token"),
        ]

    def __str__(self):
        return f"{self.endpoint} {self.key}"
