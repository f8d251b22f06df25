"""The monthly digest of new additions to the repository (by the date an entry reached it, `added_on`):
the months to list, a month's additions, and `send_digest`, which emails a month's additions to every
national analyst and administrator, once per month.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.models.people import NATIONAL_ROLES

from ..models import RepositoryEntry

SENT_VERB = "repository.digest_sent"


def parse_month(text):
    """ "2026-03" -> date(2026, 3, 1); a clear ValidationError for anything else."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        raise ValidationError({"month": f"Enter the month as yyyy-mm, for example 2026-03 (not {text!r})"}) from None


def month_label(month):
    return f"{month:%B %Y}"


def next_month(month):
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def months_with_additions(entries, *, limit=12):
    """[(first day of month, number added)], latest first, for the months in which anything was added."""
    rows = (
        entries.order_by()
        .annotate(month=TruncMonth("added_on"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by("-month")[:limit]
    )
    return [(row["month"], row["n"]) for row in rows]


def additions_in(entries, month):
    return entries.filter(added_on__gte=month, added_on__lt=next_month(month)).order_by("added_on", "reference")


@dataclass(frozen=True)
class DigestResult:
    month: datetime.date
    entries: int
    recipients: int
    already_sent: bool = False


def _recipients():
    people = get_user_model().objects.filter(
        is_active=True, memberships__role__in=sorted(NATIONAL_ROLES), memberships__area__isnull=True
    )
    return sorted({email for email in people.values_list("email", flat=True) if email})


def _message(month, additions, base_url):
    lines = [f"New in the national repository of learning, {month_label(month)}:", ""]
    for entry in additions:
        visibility = "" if entry.is_public else " (not public: national roles only)"
        lines += [
            f"{entry.reference}: {entry.title}{visibility}",
            f"  {entry.get_kind_display()}, {entry.area_name}, published {entry.published_on:%-d %B %Y}",
            f"  {base_url}{reverse('repository:entry', args=[entry.reference])}",
        ]
    if not additions:
        lines.append("Nothing was added this month.")
    public_page = reverse("repository:digest-month", args=[f"{month:%Y}", f"{month:%m}"])
    lines += ["", f"This month's public additions: {base_url}{public_page}"]
    return "\n".join(lines)


def send_digest(month, *, actor=None, today=None, base_url=""):
    """Emails `month`'s additions (all of them: the readers are national roles) to every national analyst and
    administrator. A month still to come is refused; a month already sent is not sent again."""
    today = today or timezone.localdate()
    month = month.replace(day=1)
    if month > today.replace(day=1):
        raise ValidationError({"month": f"{month_label(month)} has not begun: a digest covers a month that has"})
    key = f"{month:%Y-%m}"
    who = actor or audit.Actor.system("learning-digest")
    with transaction.atomic():
        if AuditEvent.objects.filter(verb=SENT_VERB, target_type="learning-digest", target_id=key).exists():
            return DigestResult(month, 0, 0, already_sent=True)
        additions = list(additions_in(RepositoryEntry.objects.all(), month))
        recipients = _recipients()
        audit.record(
            who,
            SENT_VERB,
            ("learning-digest", key, key),
            {"month": key, "entries": len(additions), "recipients": len(recipients)},
        )
        subject = f"National repository of learning: new in {month_label(month)}"
        body = _message(month, additions, base_url)
        messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in recipients]
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return DigestResult(month, len(additions), len(recipients))
