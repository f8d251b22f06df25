"""Every change to invitations, memberships and a person's second factor goes through these functions.

Each checks permission (PermissionDenied), then the rules (ValidationError, keyed by the form field it
concerns), changes the data in one transaction with its audit event, and sends email only on commit.
"""

from .invitations import accept_invitation, invite_person, revoke_invitation
from .memberships import end_membership, grant_membership
from .two_factor import reset_two_factor

__all__ = [
    "accept_invitation",
    "end_membership",
    "grant_membership",
    "invite_person",
    "reset_two_factor",
    "revoke_invitation",
]
