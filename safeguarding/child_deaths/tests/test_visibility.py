"""Who sees a death: the area of residence and its panel in full, the place of death's panel pseudonymised,
national roles pseudonymised, nobody else at all."""

import pytest
from django.urls import reverse

from safeguarding.organisations.factories import SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Role

from ..factories import PanelFactory, make_case
from ..models import ChildDeathCase

pytestmark = pytest.mark.django_db


@pytest.fixture
def specialist_area(db):
    return SafeguardingAreaFactory(name="Regional Children's Hospital Area", slug="hospital-area")


@pytest.fixture
def death_in_hospital_elsewhere(area, panel, specialist_area):
    PanelFactory(name="Hospital Area Panel", slug="hospital-panel", areas=[specialist_area])
    return make_case(area, place_of_death_area=specialist_area)


def visible(user):
    return set(ChildDeathCase.objects.visible_to(user))


def test_residence_roles_see_it(death_in_hospital_elsewhere, area):
    for role in (Role.PRACTITIONER, Role.PANEL_MANAGER, Role.AREA_ADMINISTRATOR):
        assert visible(person_with_role(role, area)) == {death_in_hospital_elsewhere}


def test_the_panel_covering_the_residence_area_sees_it_from_another_of_its_areas(death_in_hospital_elsewhere, panel):
    neighbour = SafeguardingAreaFactory(slug="neighbour")
    panel.areas.add(neighbour)
    assert visible(person_with_role(Role.PANEL_MEMBER, neighbour)) == {death_in_hospital_elsewhere}
    assert visible(person_with_role(Role.PRACTITIONER, neighbour)) == set()


def test_the_place_of_death_panel_sees_it_but_not_other_roles_there(death_in_hospital_elsewhere, specialist_area):
    assert visible(person_with_role(Role.PANEL_MANAGER, specialist_area)) == {death_in_hospital_elsewhere}
    assert visible(person_with_role(Role.PANEL_MEMBER, specialist_area)) == {death_in_hospital_elsewhere}
    assert visible(person_with_role(Role.PRACTITIONER, specialist_area)) == set()


def test_other_areas_see_nothing_and_national_roles_see_all(death_in_hospital_elsewhere, other_area):
    assert visible(person_with_role(Role.PANEL_MANAGER, other_area)) == set()
    assert visible(person_with_role(Role.NATIONAL_ANALYST)) == {death_in_hospital_elsewhere}


def test_the_place_of_death_panel_page_is_pseudonymised(client, sign_in, death_in_hospital_elsewhere, specialist_area):
    sign_in(person_with_role(Role.PANEL_MANAGER, specialist_area))
    page = client.get(reverse("child_deaths:case", args=[death_in_hospital_elsewhere.reference])).content.decode()
    assert "You see this case pseudonymised" in page
    assert death_in_hospital_elsewhere.child.pseudonym in page
    assert reverse("identity:child-detail", args=[death_in_hospital_elsewhere.child.pseudonym]) not in page
    assert "Start the panel review" not in page and "Record the database" not in page


def test_the_residence_panel_manager_page_links_to_identity(client, sign_in, death_in_hospital_elsewhere, area):
    sign_in(person_with_role(Role.PANEL_MANAGER, area))
    page = client.get(reverse("child_deaths:case", args=[death_in_hospital_elsewhere.reference])).content.decode()
    assert reverse("identity:child-detail", args=[death_in_hospital_elsewhere.child.pseudonym]) in page
    assert "Record the database as informed today" in page
    assert "Hartigan" not in page


def test_national_pages_never_show_identity(client, sign_in, death_in_hospital_elsewhere):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    page = client.get(reverse("child_deaths:case", args=[death_in_hospital_elsewhere.reference])).content.decode()
    assert "You see this case pseudonymised" in page
    assert "Hartigan" not in page and "TS18" not in page
