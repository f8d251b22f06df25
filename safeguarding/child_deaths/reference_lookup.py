"""Child death case references (CD-2026-00042) for the header's "Go to a reference" box."""

import re

from django.urls import reverse

from safeguarding.core.work.references import Found, Resolver

from .models import ChildDeathCase


def _find(user, match):
    case = ChildDeathCase.objects.visible_to(user).filter(reference=match[0]).first()
    return Found(reverse("child_deaths:case", args=[case.reference])) if case else None


RESOLVERS = [Resolver("child death", re.compile(r"CD-[0-9]{4}-[0-9]{1,9}"), _find)]
