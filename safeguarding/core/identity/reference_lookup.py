"""A child's pseudonym (C-7KQ2-M9XD) for the header's "Go to a reference" box: it opens the child's
pseudonymised record, and every lookup of a pseudonym, found or not, is in the audit trail."""

import re

from django.urls import reverse

from safeguarding.core.work.references import Found, Resolver

from .models import PSEUDONYM_PATTERN, ChildIdentity


def _find(user, match):
    identity = ChildIdentity.objects.visible_to(user).select_related("area").filter(pseudonym=match[0]).first()
    # The record page's own rule (core.view_pseudonymised).
    if identity is None or not user.has_perm("core.view_pseudonymised", identity):
        return None
    return Found(reverse("identity:child-detail", args=[identity.pseudonym]), target=identity, area=identity.area)


RESOLVERS = [
    Resolver("child's pseudonym", re.compile(PSEUDONYM_PATTERN), _find, audited_as="identity.childidentity"),
]
