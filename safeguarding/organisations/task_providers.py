"""Invitations waiting to be accepted, for the administrators who sent them or share their area.

An area administrator sees the open invitations of their areas; a national administrator those to
national roles (each area's own are its administrators' to follow up). An invitation leaves the list
when it is accepted, revoked or expires; its clock is the link's expiry.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from safeguarding.core.work.tasks import Task

from .models import Invitation, Role


def invitation_tasks(work):
    area_ids = work.area_ids(Role.AREA_ADMINISTRATOR)
    national = Role.NATIONAL_ADMINISTRATOR in work.national_roles()
    if not area_ids and not national:
        return []
    scope = Q(area__in=area_ids)
    if national:
        scope |= Q(area__isnull=True)
    invitations = Invitation.objects.administered_by(work.user).open().filter(scope).select_related("area").order_by()
    url = reverse("organisations:invitations")
    return [
        Task.due_by(
            timezone.localdate(invitation.expires_at),
            work.today,
            kind="organisations.invitation-pending",
            action=f"Invitation not yet accepted: {invitation.full_name}, {invitation.get_role_display().lower()}",
            reference=invitation.email,
            url=url,
            detail=invitation.held_for,
        )
        for invitation in invitations
    ]


PROVIDERS = [invitation_tasks]
