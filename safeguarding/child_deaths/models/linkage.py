"""Trained linkage models, kept and versioned, and the blocking keys that find a notification's candidates."""

from django.db import models


class LinkageModelVersion(models.Model):
    """One trained linkage model. Versions are only added, never changed: a proposal keeps the version
    that scored it, and the newest version scores what arrives next."""

    class Source(models.TextChoices):
        DEFAULT = "default", "Default model shipped with the platform, trained on synthetic notifications"
        TRAINED = "trained", "Trained on the national table of notifications"

    version = models.PositiveIntegerField(unique=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    trained_at = models.DateTimeField()
    trained_by = models.CharField(max_length=200, help_text="Who or what trained or installed it")
    records = models.PositiveIntegerField(help_text="How many notifications it was trained on")
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the model as shipped or trained")
    summary = models.JSONField(default=dict, help_text="Training figures: EM sessions, prior, untrained levels")

    class Meta:
        ordering = ["-version"]

    def __str__(self):
        return f"Linkage model version {self.version}"


class LinkageModelParameters(models.Model):
    """The model itself, apart from its version row, which pages read with every proposal: Splink's
    settings with the trained m, u and prior, and term frequencies under keyed hashes, never values."""

    version = models.OneToOneField(LinkageModelVersion, on_delete=models.PROTECT, related_name="stored")
    parameters = models.JSONField()

    def __str__(self):
        return f"Parameters of linkage model version {self.version.version}"


class LinkageBlockingKey(models.Model):
    """A keyed hash of the values one blocking rule joins on (say family name and year of birth) for one
    notification: notifications that share a key are compared on arrival. Holds no value in clear."""

    notification = models.ForeignKey("child_deaths.Notification", on_delete=models.CASCADE, related_name="linkage_keys")
    rule = models.CharField(max_length=60)
    key = models.CharField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notification", "rule"], name="one_key_per_notification_and_rule")
        ]
        indexes = [models.Index(fields=["rule", "key"], name="linkage_key_lookup")]

    def __str__(self):
        return f"{self.rule} key of notification {self.notification_id}"
