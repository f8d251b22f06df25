"""A lead chief officer's confirmation of an area their organisation was named a statutory partner of.

The task is theirs while the confirmation waits; it goes once they confirm (or the partner is replaced).
"""

from django.urls import reverse
from django.utils import timezone

from safeguarding.core.work.tasks import Task
from safeguarding.organisations.models import Role

from .models import PartnerConfirmation


def confirmation_tasks(work):
    area_ids = work.area_ids(Role.LEAD_CHIEF_OFFICER)
    if not area_ids:
        return []
    held = {
        (membership.area_id, membership.organisation_id)
        for membership in work.user.memberships.filter(role=Role.LEAD_CHIEF_OFFICER, area__in=area_ids)
    }
    waiting = (
        PartnerConfirmation.objects.filter(area__in=area_ids, confirmed_at__isnull=True)
        .select_related("area", "organisation")
        .order_by()
    )
    return [
        Task(
            kind="onboarding.confirm-area",
            action=f"Confirm {confirmation.organisation.name} as a statutory partner of the area",
            reference=confirmation.area.slug,
            url=reverse("onboarding:area", args=[confirmation.area.slug]),
            detail=confirmation.area.name,
            waiting_since=timezone.localdate(confirmation.area.created_at),
        )
        for confirmation in waiting
        if (confirmation.area_id, confirmation.organisation_id) in held
    ]


PROVIDERS = [confirmation_tasks]
