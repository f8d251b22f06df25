"""Serious incident references (SI-00042) for the header's "Go to a reference" box."""

import re

from django.urls import reverse

from safeguarding.core.work.references import Found, Resolver

from .models import Incident


def _find(user, match):
    incident = Incident.objects.visible_to(user).filter(pk=int(match["number"])).first()
    # The case page's own rule: national roles read a case only once it is notified.
    if incident is None or not user.has_perm("incidents.view_case", incident):
        return None
    return Found(reverse("incidents:case", args=[incident.pk]))


RESOLVERS = [Resolver("serious incident", re.compile(r"SI-(?P<number>[0-9]{1,9})"), _find)]
