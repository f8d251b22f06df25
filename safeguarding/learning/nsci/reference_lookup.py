"""National inquiry references (NSCI-2026-03) for the header's "Go to a reference" box: national roles only."""

import re

from django.urls import reverse

from safeguarding.core.work.references import Found, Resolver

from .models import NationalInquiry


def _find(user, match):
    if not user.has_perm("nsci.view"):
        return None
    inquiry = NationalInquiry.objects.visible_to(user).filter(reference=match[0]).first()
    return Found(reverse("nsci:inquiry", args=[inquiry.pk])) if inquiry else None


RESOLVERS = [Resolver("national inquiry", re.compile(r"NSCI-[0-9]{4}-[0-9]{1,9}"), _find)]
