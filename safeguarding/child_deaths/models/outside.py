"""A death notified through the public page, waiting for its notifier to confirm their work email."""

from django.db import models


class PendingOutsideNotification(models.Model):
    """Everything the notifier typed, sealed at once with the identity keys (bound to `seal_id`), until the
    code sent to their work email is entered. Then it becomes a Notification and the sealed copy is emptied.
    Only hashes of the email address and the code are kept in clear."""

    seal_id = models.CharField(max_length=40, unique=True)
    key_id = models.CharField(max_length=32)
    nonce = models.BinaryField()
    ciphertext = models.BinaryField()
    email_hash = models.CharField(max_length=64, db_index=True)
    code_hash = models.CharField(max_length=64, blank=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    notification = models.OneToOneField(
        "child_deaths.Notification", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Notification from outside awaiting confirmation ({self.seal_id[:8]})"
