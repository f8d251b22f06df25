"""The audit trail: an append-only, hash-chained record of every change and every view of identity."""

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One thing somebody did or saw. Never edited or deleted: database triggers refuse both.

    Each event stores the hash of the one before it (by `sequence`), so an edited, inserted or
    deleted row breaks the chain, which `manage.py verify_audit_chain` detects.
    """

    class ActorKind(models.TextChoices):
        PERSON = "person", "Person"
        API_CLIENT = "api_client", "API client"
        SYSTEM = "system", "System (command or task)"

    # The event's place in the chain, its predecessor's hash and its own: empty until the sealer chains it
    # (seconds after its transaction commits; see core/audit.py).
    sequence = models.PositiveBigIntegerField(unique=True, null=True, blank=True)
    occurred_at = models.DateTimeField(db_index=True)
    actor_kind = models.CharField(max_length=12, choices=ActorKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    actor_label = models.CharField(max_length=254, help_text="Email, API token name or command, kept as it was")
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(max_length=30, blank=True, help_text="The role the actor used")
    area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verb = models.CharField(max_length=60, db_index=True, help_text="What happened, e.g. identity.viewed")
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    data = models.JSONField(default=dict, blank=True, help_text="A summary of what changed; never identity fields")
    request_id = models.CharField(max_length=64, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["-sequence"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),
            # The audit search: one action's or one area's events newest first, a page at a time, and the
            # actions and kinds of record of an area's events for the search form (see audit_search/queries.py).
            models.Index(fields=["verb", "sequence"], name="audit_verb_sequence_idx"),
            models.Index(fields=["area", "sequence"], name="audit_area_sequence_idx"),
            models.Index(fields=["area", "verb"], name="audit_area_verb_idx"),
            models.Index(fields=["area", "target_type"], name="audit_area_target_type_idx"),
            # The sealer's queue: the few events written but not yet chained.
            models.Index(fields=["id"], condition=models.Q(sequence__isnull=True), name="audit_unsealed_idx"),
        ]

    def __str__(self):
        return f"#{self.sequence} {self.actor_label} {self.verb} {self.target_label}".strip()
