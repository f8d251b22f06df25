"""The child identity table: pseudonym and linkage key in clear, every identifying detail sealed."""

import secrets

from django.db import models

from safeguarding.core.scoping import AreaScopedQuerySet

from . import crypto

# No 0/O, 1/I/L: pseudonyms are read aloud on the phone and copied by hand.
PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PSEUDONYM_PATTERN = r"C-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"


def new_pseudonym():
    """Like C-7KQ2-M9XD: 31⁸ (about 850 billion) possibilities, drawn from `secrets`."""
    groups = ("".join(secrets.choice(PSEUDONYM_ALPHABET) for _ in range(4)) for _ in range(2))
    return "C-" + "-".join(groups)


class ChildIdentityQuerySet(AreaScopedQuerySet):
    pass


class ChildIdentity(models.Model):
    """One child as recorded by one area. Case data refers to the child only by `pseudonym`.

    Nothing identifying is stored in clear: names, NHS number, date of birth, address, postcode
    and the reason an NHS number is unavailable are sealed together in `ciphertext`. The same
    child recorded by two areas is two rows that share a `linkage_key`.
    """

    pseudonym = models.CharField(max_length=11, unique=True, default=new_pseudonym, editable=False)
    area = models.ForeignKey(
        "organisations.SafeguardingArea",
        on_delete=models.PROTECT,
        related_name="child_identities",
        help_text="The area whose case recorded the child",
    )
    # NULL, not "", without an NHS number: children without one must never match each other.
    linkage_key = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True, db_index=True, help_text="HMAC of the NHS number; NULL without one"
    )
    key_id = models.CharField(max_length=32, help_text="Which IDENTITY_ENCRYPTION_KEYS key sealed the details")
    nonce = models.BinaryField(max_length=crypto.NONCE_BYTES)
    ciphertext = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised by each change, so a stale edit is refused")

    objects = ChildIdentityQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "child identities"

    def __str__(self):
        # Audit events and logs show this: never anything but the pseudonym.
        return self.pseudonym

    @property
    def has_nhs_number(self):
        return self.linkage_key is not None

    def seal(self, fields):
        sealed = crypto.seal(fields, pseudonym=self.pseudonym)
        self.key_id, self.nonce, self.ciphertext = sealed.key_id, sealed.nonce, sealed.ciphertext

    def unseal(self):
        """The identifying details. Only actions.reveal_identity (audited) shows them to a person."""
        return crypto.unseal(crypto.Sealed(self.key_id, self.nonce, self.ciphertext), pseudonym=self.pseudonym)
