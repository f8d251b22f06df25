"""Panels on a regional footprint: the children they cover, warnings below the minimum, themed meetings."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.clocks.models import PolicySetting
from safeguarding.organisations.factories import SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import ChildPopulation, LocalAuthority, PoliceForceArea, Region, Role

from ..actions.themes import create_themed_meeting
from ..factories import PanelFactory, make_case
from ..populations import panel_populations, panels_below_minimum
from .conftest import verified

pytestmark = pytest.mark.django_db


def authority(code, children_by_year):
    region, _ = Region.objects.get_or_create(code="E12000001", defaults={"name": "North East"})
    force, _ = PoliceForceArea.objects.get_or_create(code="E23000013", defaults={"name": "Cleveland"})
    la = LocalAuthority.objects.create(
        code=code, old_code=code[-3:], name=f"Council {code}", region=region, police_force_area=force
    )
    for year, children in children_by_year.items():
        ChildPopulation.objects.create(level="local_authority", code=code, year=year, children=children)
    return la


@pytest.fixture
def regional_panel(area, other_area):
    area.local_authorities.add(authority("E06000001", {2023: 200_000, 2024: 210_000}))
    other_area.local_authorities.add(authority("E06000002", {2023: 250_000, 2024: 260_000}))
    return PanelFactory(name="Tees and Wear Panel", slug="tees-wear", areas=[area, other_area])


def test_population_is_the_latest_year_with_every_authority(regional_panel, other_area):
    assert regional_panel.child_population() == (470_000, 2024)
    # A newer year with only one authority's figure is not a whole-panel figure: 2024 is still used.
    ChildPopulation.objects.create(level="local_authority", code="E06000001", year=2025, children=1)
    assert regional_panel.child_population() == (470_000, 2024)


def test_panels_below_the_policy_minimum_are_warned(regional_panel):
    assert [row.panel for row in panels_below_minimum()] == [regional_panel]
    assert panel_populations()[0].shortfall == 30_000
    PolicySetting.objects.filter(key="panel-minimum-population").update(value=400_000)
    assert panels_below_minimum() == []


def test_a_panel_without_population_figures_is_below(db):
    empty = PanelFactory(areas=[SafeguardingAreaFactory()])
    row = next(row for row in panel_populations() if row.panel == empty)
    assert (row.children, row.year, row.below_minimum) == (0, None, True)


def test_only_national_administrators_see_the_warnings_page(client, sign_in, regional_panel, area):
    url = reverse("child_deaths:panel-populations")
    sign_in(person_with_role(Role.PANEL_MANAGER, area))
    assert client.get(url).status_code == 404
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    page = client.get(url).content.decode()
    assert "Tees and Wear Panel" in page and "Below by 30,000" in page
    # Populations and the minimum read with thousands separators.
    assert "470,000" in page and "minimum is 500,000 children" in page and "470000" not in page
    listing = client.get(reverse("child_deaths:cases")).content.decode()
    assert "1 panel covers fewer children than the national minimum" in listing


def test_a_themed_meeting_gathers_the_panels_cases_by_theme(area, panel):
    neonatal = make_case(area, date_of_birth=datetime.date(2026, 11, 10))
    make_case(area, nhs_number="9990000077", date_of_birth=datetime.date(2012, 1, 1))
    manager = verified(person_with_role(Role.PANEL_MANAGER, area))
    meeting = create_themed_meeting(
        manager, panel, theme="Neonatal deaths", meets_on=datetime.date(2027, 1, 12), age_band="0-27d"
    )
    assert list(meeting.cases.all()) == [neonatal]


def test_themed_meetings_need_a_theme_and_the_panels_manager(area, panel, other_area):
    manager = verified(person_with_role(Role.PANEL_MANAGER, area))
    with pytest.raises(ValidationError) as raised:
        create_themed_meeting(manager, panel, theme="", meets_on=None)
    assert {"theme", "meets_on", "category"} <= set(raised.value.message_dict)
    with pytest.raises(PermissionDenied):
        create_themed_meeting(
            verified(person_with_role(Role.PANEL_MANAGER, other_area)),
            panel,
            theme="Suicides",
            meets_on=datetime.date(2027, 1, 12),
            category="2",
        )


def test_arranging_a_themed_meeting_counts_the_cases_gathered_in_words(client, sign_in, area, panel):
    make_case(area, date_of_birth=datetime.date(2026, 11, 10))
    sign_in(person_with_role(Role.PANEL_MANAGER, area))
    page = client.post(
        reverse("child_deaths:new-themed-meeting"),
        {
            "panel": panel.pk,
            "theme": "Neonatal deaths",
            "meets_on_0": "12",
            "meets_on_1": "1",
            "meets_on_2": "2027",
            "age_band": "0-27d",
        },
        follow=True,
    ).content.decode()
    assert "Themed meeting arranged with 1 case gathered." in page, re.findall(r"Error:</span>([^<]*)", page)
