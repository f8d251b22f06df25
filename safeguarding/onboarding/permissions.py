"""Who may form and change areas and panels, add agencies, invite in bulk and import historic records."""

import rules

from safeguarding.core import permissions
from safeguarding.core.permissions import (
    _child_death_panel_manager_areas,
    has_role_in_area,
    has_verified_second_factor,
    is_area_administrator,
    is_national_administrator,
    is_national_analyst,
)
from safeguarding.organisations.models import Role


@rules.predicate
def administers_every_area_of_panel(user, panel):
    """An area administrator of each area the panel covers (one area's administrator cannot import for another's)."""
    if panel is None:
        return False
    area_ids = set(panel.areas.values_list("pk", flat=True))
    return bool(area_ids) and area_ids <= permissions.area_ids_with_role(user, {Role.AREA_ADMINISTRATOR})


@rules.predicate
def manages_panel(user, panel):
    if panel is None:
        return False
    return panel.areas.filter(pk__in=_child_death_panel_manager_areas(user)).exists()


# Forming an area, changing its authorities and partners, merging areas: the national body.
rules.add_perm("onboarding.form_area", is_national_administrator)
rules.add_perm("onboarding.change_area", is_national_administrator)
# Reading an area's page with its partners and history: anyone with a role in the area, and the national roles.
rules.add_perm("onboarding.view_area", has_role_in_area | is_national_administrator | is_national_analyst)
# The list of areas: the national administrator sees every area, an area administrator their own.
rules.add_perm("onboarding.list_areas", is_national_administrator | is_area_administrator)
# Panels are set up nationally (their footprint is regional).
rules.add_perm("onboarding.form_panel", is_national_administrator)
rules.add_perm("onboarding.view_panel", is_national_administrator | manages_panel | administers_every_area_of_panel)
# A relevant agency: the national administrator anywhere, an area administrator for their own areas.
rules.add_perm("onboarding.add_organisation", is_national_administrator | is_area_administrator)
# Historic child deaths carry identities: a panel manager of the panel or the administrator of every area it
# covers, signed in with their second factor.
rules.add_perm(
    "onboarding.import_deaths",
    (manages_panel | administers_every_area_of_panel) & has_verified_second_factor,
)
# An area's published review reports from an earlier system: its administrators and the national administrator.
rules.add_perm("onboarding.import_reports", is_national_administrator | is_area_administrator)
# Historic serious incident notifications carry identities: the area's own administrators, signed in with their
# second factor (national roles see pseudonyms only).
rules.add_perm("onboarding.import_incidents", is_area_administrator & has_verified_second_factor)
