"""Who holds which role where: the lookups the event table (events.py) uses to find recipients.

A Directory reads memberships once and answers many questions, so the deadline sweep can resolve thousands
of events with a handful of queries; a single event makes its own small one.
"""

from collections import defaultdict

from django.contrib.auth import get_user_model

from safeguarding.organisations.models import Membership, OrganisationKind
from safeguarding.organisations.models.organisations import STATUTORY_PARTNER_KINDS


class Directory:
    def __init__(self, area_ids=None):
        memberships = Membership.objects.filter(user__is_active=True).select_related("organisation")
        if area_ids is not None:
            from django.db.models import Q

            memberships = memberships.filter(Q(area_id__in=area_ids) | Q(area__isnull=True))
        self._by_area_role = defaultdict(set)
        self._statutory = defaultdict(set)
        self._local_authority = defaultdict(set)
        self._by_organisation_area = defaultdict(set)
        self._national = defaultdict(set)
        for m in memberships.only("user_id", "area_id", "role", "organisation_id", "organisation__kind"):
            if m.area_id is None:
                self._national[m.role].add(m.user_id)
                continue
            self._by_area_role[(m.area_id, m.role)].add(m.user_id)
            self._by_organisation_area[(m.organisation_id, m.area_id)].add(m.user_id)
            if m.organisation.kind in STATUTORY_PARTNER_KINDS:
                self._statutory[(m.area_id, m.role)].add(m.user_id)
            if m.organisation.kind == OrganisationKind.LOCAL_AUTHORITY:
                self._local_authority[(m.area_id, m.role)].add(m.user_id)
        self._panel_areas = {}

    def in_area(self, area_ids, roles, *, statutory_only=False, local_authority_only=False):
        table = self._statutory if statutory_only else self._by_area_role
        if local_authority_only:
            table = self._local_authority
        return {user_id for area_id in area_ids for role in roles for user_id in table.get((area_id, role), ())}

    def national(self, roles):
        return {user_id for role in roles for user_id in self._national.get(role, ())}

    def of_organisation(self, organisation_id, area_ids):
        return {
            user_id
            for area_id in area_ids
            for user_id in self._by_organisation_area.get((organisation_id, area_id), ())
        }

    def panel_area_ids(self, panel_id):
        if panel_id is None:
            return set()
        if panel_id not in self._panel_areas:
            from safeguarding.child_deaths.models import Panel

            self._panel_areas[panel_id] = set(
                Panel.areas.through.objects.filter(panel_id=panel_id).values_list("safeguardingarea_id", flat=True)
            )
        return self._panel_areas[panel_id]


def active_users(user_ids):
    return {user.pk: user for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True)}
