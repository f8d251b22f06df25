"""Going to a case by its reference or a child's pseudonym, from the box in the header.

Each app that owns references lists resolvers in its `reference_lookup.RESOLVERS`: a `Resolver` with
the pattern its references follow and a function `find(user, text) -> url or None` that looks the
reference up through the same scoped queryset and permission as the page it leads to. Anything the
person may not open, and anything that does not exist, gives None alike: the box then answers
"not found" the same way for both, so it never shows that a reference exists elsewhere.
"""

import re
from dataclasses import dataclass
from functools import cache

from safeguarding.core import audit
from safeguarding.core.work.discovery import collect

MODULE_NAME = "reference_lookup"
# Longer than any reference or pseudonym the service issues; anything longer is not looked up.
MAX_LENGTH = 30


@dataclass(frozen=True)
class Found:
    url: str
    target: object = None  # the row found, for the audit trail of audited lookups
    area: object = None


@dataclass(frozen=True)
class Resolver:
    name: str  # what kind of thing, for the audit trail and tests, e.g. "serious incident"
    pattern: re.Pattern  # matched against the normalised text (upper case, no spaces)
    find: object  # find(user, match) -> Found, or None when the person may not open it or it does not exist
    # Lookups of a child (a pseudonym) are written to the audit trail, found or not: who looked for which child.
    audited_as: str = ""  # the audit target type of an audited lookup, e.g. "identity.childidentity"


def normalise(text):
    """Upper case with spaces taken out: references are read aloud and typed in any case."""
    return re.sub(r"\s+", "", text or "").upper()[: MAX_LENGTH + 1]


@cache
def resolvers():
    return collect(MODULE_NAME, "RESOLVERS")


def resolve(user, text):
    """(resolver, Found or None) for the normalised `text`. Found is None when nothing the person may open
    matches; the resolver is None when the text looks like no reference the service issues."""
    if len(text) > MAX_LENGTH:
        return None, None
    for resolver in resolvers():
        match = resolver.pattern.fullmatch(text)
        if match:
            return resolver, resolver.find(user, match)
    return None, None


def go_to(user, text):
    """The address of the case or child `text` names, when the person may open it; otherwise None, the
    same for a reference outside their scope as for one that does not exist."""
    text = normalise(text)
    resolver, found = resolve(user, text)
    if resolver is not None and resolver.audited_as:
        target = found.target if found else (resolver.audited_as, "", text)
        audit.record(
            user,
            "identity.looked_up",
            target,
            {"searched_for": text, "kind": resolver.name, "found": found is not None},
            area=found.area if found else None,
        )
    return found.url if found else None
