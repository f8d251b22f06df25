"""National repository references (NLR-2026-0001) for the header's "Go to a reference" box. Published
reports are open to everyone; a rapid inquiry's learning summary only to the national roles."""

import re

from django.urls import reverse

from safeguarding.core.work.references import Found, Resolver

from .models import RepositoryEntry


def _find(user, match):
    entry = RepositoryEntry.objects.visible_to(user).filter(reference=match[0]).first()
    return Found(reverse("repository:entry", args=[entry.reference])) if entry else None


RESOLVERS = [Resolver("national repository entry", re.compile(r"NLR-[0-9]{4}-[0-9]{1,9}"), _find)]
