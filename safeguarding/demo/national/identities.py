"""Sealed identities of synthetic children, with valid NHS numbers from the range the NHS keeps for testing
(999 000 0000 to 999 999 9999), so no real child's number is ever generated."""

from safeguarding.core.identity.models import ChildIdentity, new_pseudonym
from safeguarding.core.identity.nhs import linkage_key


def test_range_nhs_number(rng):
    """A valid (modulus 11) NHS number beginning 999."""
    while True:
        digits = [9, 9, 9] + [rng.randrange(10) for _ in range(6)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def sealed_identity(area, details, nhs):
    """An unsaved ChildIdentity of `area`: `details` (names, date of birth, address, postcode) sealed with
    the NHS number, and the number's keyed hash as its linkage key."""
    identity = ChildIdentity(pseudonym=new_pseudonym(), area=area, linkage_key=linkage_key(nhs) if nhs else None)
    identity.seal(
        {
            "given_names": details.get("given_names", ""),
            "family_name": details.get("family_name", ""),
            "nhs_number": nhs or "",
            "nhs_number_unavailable_reason": "" if nhs else "Not known to the notifier",
            "date_of_birth": details["date_of_birth"].isoformat() if details.get("date_of_birth") else "",
            "address": details.get("address", ""),
            "postcode": details.get("postcode", ""),
        }
    )
    return identity
