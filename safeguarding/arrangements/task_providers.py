"""What an area's arrangements ask of people now, derived from its draft, its sign-offs and the deadline.

Lead chief officers: a complete draft awaiting their agency's sign-off, and a signed one to publish.
Area administrators: a draft to finish, one awaiting the partners' sign-off, one to publish, or none
started while the national deadline runs. National administrators: every area still without published
arrangements as the deadline nears (Wood recommendation 2).
"""

import datetime

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from safeguarding.core.work.tasks import Task
from safeguarding.organisations.models import Role, SafeguardingArea
from safeguarding.organisations.models.organisations import STATUTORY_PARTNER_KINDS

from .completeness import gaps_of
from .models import ArrangementsVersion, Section, SignOff, TransitionDeadline, VersionStatus

# National administrators see the areas without published arrangements from this long before the deadline.
DEADLINE_WARNING_DAYS = 90


def _published_area_ids(user, area_ids=None):
    published = ArrangementsVersion.objects.visible_to(user).filter(status=VersionStatus.PUBLISHED)
    if area_ids is not None:
        published = published.filter(area__in=area_ids)
    return set(published.values_list("area_id", flat=True))


class _AreaTasks:
    """The tasks one area's arrangements give one person."""

    def __init__(self, work, area, draft, published, deadline):
        self.work, self.area, self.draft = work, area, draft
        roles = {m.role for m in work.memberships if m.area_id == area.pk}
        self.administers = Role.AREA_ADMINISTRATOR in roles
        self.leads = Role.LEAD_CHIEF_OFFICER in roles
        self.signs_for = {
            m.organisation.kind
            for m in work.memberships
            if m.area_id == area.pk
            and m.role == Role.LEAD_CHIEF_OFFICER
            and m.organisation.kind in STATUTORY_PARTNER_KINDS
        }
        # Until an area first publishes, the national deadline is the clock of everything it does.
        self.deadline = None if published else deadline

    def task(self, kind, action, url, reference):
        fields = {
            "kind": f"arrangements.{kind}",
            "action": action,
            "reference": reference,
            "url": url,
            "detail": self.area.name,
        }
        if self.deadline is not None:
            return Task.due_by(self.deadline, self.work.today, **fields)
        since = self.draft.created_at if self.draft is not None else None
        return Task(waiting_since=timezone.localdate(since) if since else None, **fields)

    def tasks(self):
        area, draft = self.area, self.draft
        if draft is None:
            if self.deadline is not None and self.administers:
                url = reverse("arrangements:area", args=[area.slug])
                yield self.task("start", "Start the area's arrangements", url, "No arrangements")
            return
        reference = f"Arrangements version {draft.number}"
        version_url = reverse("arrangements:version", args=[area.slug, draft.number])
        missing = gaps_of(draft.sections.all(), has_agencies=bool(draft.relevant_agencies.all()))
        if missing:
            if self.administers:
                count = len(missing)
                action = f"Finish the draft arrangements: {count} thing{'s' if count != 1 else ''} missing"
                yield self.task("finish-draft", action, version_url, reference)
            return
        signed = {sign_off.partner_kind for sign_off in draft.standing_sign_offs}
        waiting_for = [label for kind, label in SignOff.PARTNER_KINDS if kind not in signed]
        if not waiting_for:
            if self.administers or self.leads:
                url = reverse("arrangements:publish", args=[area.slug, draft.number])
                yield self.task(
                    "publish", "Publish the arrangements: all three partners have signed off", url, reference
                )
            return
        if self.signs_for - signed:
            url = reverse("arrangements:sign-off", args=[area.slug, draft.number])
            yield self.task("sign-off", "Sign off the arrangements for your agency", url, reference)
        if self.administers:
            action = f"Arrangements awaiting sign-off by: {', '.join(label.lower() for label in waiting_for)}"
            yield self.task("awaiting-sign-off", action, version_url, reference)


def area_tasks(work):
    area_ids = work.area_ids(Role.AREA_ADMINISTRATOR, Role.LEAD_CHIEF_OFFICER)
    if not area_ids:
        return []
    user = work.user
    drafts = {
        draft.area_id: draft
        for draft in ArrangementsVersion.objects.visible_to(user)
        .filter(area__in=area_ids, status=VersionStatus.DRAFT)
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=Section.objects.visible_to(user).order_by("position").prefetch_related("evidence"),
            ),
            "relevant_agencies",
            Prefetch("sign_offs", queryset=SignOff.objects.visible_to(user).standing(), to_attr="standing_sign_offs"),
        )
    }
    published = _published_area_ids(user, area_ids)
    deadline = None
    if set(area_ids) - published:
        current = TransitionDeadline.current()
        deadline = current.deadline if current else None
    # The areas come with the memberships (read once per request), not from another query.
    areas = sorted({m.area_id: m.area for m in work.memberships if m.area_id in area_ids}.values(), key=str)
    return [
        task
        for area in areas
        for task in _AreaTasks(work, area, drafts.get(area.pk), area.pk in published, deadline).tasks()
    ]


def national_deadline_tasks(work):
    """Areas without published arrangements, for national administrators, once the deadline is near."""
    if Role.NATIONAL_ADMINISTRATOR not in work.national_roles():
        return []
    current = TransitionDeadline.current()
    if current is None or work.today < current.deadline - datetime.timedelta(days=DEADLINE_WARNING_DAYS):
        return []
    published = _published_area_ids(work.user)
    return [
        Task.due_by(
            current.deadline,
            work.today,
            kind="arrangements.national-deadline",
            action="Follow up: no published arrangements",
            reference=area.name,
            url=reverse("arrangements:area", args=[area.slug]),
            detail="The national deadline for published arrangements",
        )
        for area in SafeguardingArea.objects.exclude(pk__in=published).order_by("name")
    ]


PROVIDERS = [area_tasks, national_deadline_tasks]
