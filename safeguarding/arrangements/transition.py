"""Where each area stands on the road to published arrangements (Wood recommendation 2)."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from .completeness import is_complete
from .models import ArrangementsVersion, VersionStatus


class TransitionState(models.TextChoices):
    NONE = "none", "No arrangements"
    DRAFT = "draft", "Draft"
    AWAITING_SIGN_OFF = "awaiting_sign_off", "Awaiting sign-off"
    PUBLISHED = "published", "Published"
    OVERDUE = "overdue", "Overdue"


TAG_CLASSES = {
    TransitionState.NONE: "govuk-tag--grey",
    TransitionState.DRAFT: "govuk-tag--blue",
    TransitionState.AWAITING_SIGN_OFF: "govuk-tag--yellow",
    TransitionState.PUBLISHED: "govuk-tag--green",
    TransitionState.OVERDUE: "govuk-tag--red",
}


@dataclass(frozen=True)
class AreaStanding:
    state: str
    published_on: datetime.date | None
    draft_number: int | None

    @property
    def label(self):
        return TransitionState(self.state).label

    @property
    def tag_class(self):
        return TAG_CLASSES[self.state]


def standing(area, versions, deadline, today):
    """The state of one area from its versions (any order): published wins; then, past the deadline,
    overdue; then a complete draft awaits sign-off; an incomplete one is a draft; else none."""
    published = next((v for v in versions if v.status == VersionStatus.PUBLISHED), None)
    draft = next((v for v in versions if v.status == VersionStatus.DRAFT), None)
    if published is not None:
        return AreaStanding(
            TransitionState.PUBLISHED, timezone.localdate(published.published_at), draft and draft.number
        )
    if deadline is not None and today > deadline:
        return AreaStanding(TransitionState.OVERDUE, None, draft and draft.number)
    if draft is None:
        return AreaStanding(TransitionState.NONE, None, None)
    state = TransitionState.AWAITING_SIGN_OFF if is_complete(draft) else TransitionState.DRAFT
    return AreaStanding(state, None, draft.number)


def standings(areas, deadline, today):
    """{area id: AreaStanding} for `areas`, reading their versions in one query."""
    by_area = {}
    current = ArrangementsVersion.objects.filter(
        area__in=areas, status__in=[VersionStatus.DRAFT, VersionStatus.PUBLISHED]
    )
    for version in current:
        by_area.setdefault(version.area_id, []).append(version)
    return {area.pk: standing(area, by_area.get(area.pk, []), deadline, today) for area in areas}
