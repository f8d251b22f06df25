"""Setting up a child death overview panel: population against the minimum, overlap refused, changes with
history, visibility following the panel's footprint."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.child_deaths.factories import notify
from safeguarding.child_deaths.models import ChildDeathCase
from safeguarding.core.models import AuditEvent
from safeguarding.onboarding.actions import panels as actions
from safeguarding.onboarding.models import PanelChange
from safeguarding.onboarding.population import coverage_of
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import form

pytestmark = pytest.mark.django_db


@pytest.fixture
def tees(national_admin, geography):
    return form(national_admin, geography, ["Hartlepool", "Middlesbrough"], effective_on=datetime.date(2026, 1, 1))


@pytest.fixture
def stockton(national_admin, geography):
    return form(
        national_admin,
        geography,
        ["Stockton-on-Tees"],
        name="Stockton",
        email_prefix="st",
        effective_on=datetime.date(2026, 1, 1),
    )


def test_the_population_is_shown_against_the_minimum(tees, stockton):
    coverage = coverage_of([tees, stockton])
    assert coverage.children == 21_090 + 35_617 + 45_102
    assert coverage.year == 2024
    assert coverage.minimum == 500_000
    assert coverage.below_minimum
    assert coverage.children_text == "101,809"
    assert coverage.shortfall_text == "398,191"


def test_a_panel_is_set_up_for_several_areas_with_its_history(national_admin, tees, stockton):
    panel = actions.form_panel(national_admin, name="Tees Panel", areas=[tees, stockton])
    assert set(panel.areas.all()) == {tees, stockton}
    formed = panel.changes.get()
    assert formed.kind == PanelChange.Kind.FORMED and formed.children == 101_809
    assert AuditEvent.objects.filter(verb="panel.formed").count() == 1


def test_overlapping_panels_are_refused(national_admin, tees, stockton):
    actions.form_panel(national_admin, name="Tees Panel", areas=[tees])
    with pytest.raises(ValidationError) as refusal:
        actions.form_panel(national_admin, name="Another Panel", areas=[tees, stockton])
    assert (
        "Tees Valley Safeguarding Partnership is already covered by Tees Panel"
        in refusal.value.message_dict["areas"][0]
    )
    with pytest.raises(ValidationError, match="already a panel called"):
        actions.form_panel(national_admin, name="tees panel", areas=[stockton])


def test_only_a_national_administrator_sets_up_a_panel(tees):
    with pytest.raises(PermissionDenied):
        actions.form_panel(person_with_role(Role.AREA_ADMINISTRATOR, tees), name="Mine", areas=[tees])


def test_visibility_follows_the_panel_and_cases_keep_their_panel(national_admin, tees, stockton):
    panel = actions.form_panel(national_admin, name="Tees Panel", areas=[tees], effective_on=datetime.date(2026, 1, 1))
    manager = person_with_role(Role.PANEL_MANAGER, tees)
    stockton_case = notify(stockton).case
    assert not ChildDeathCase.objects.visible_to(manager).filter(pk=stockton_case.pk).exists()
    actions.add_area(national_admin, panel, stockton, effective_on=datetime.date(2026, 6, 1))
    assert ChildDeathCase.objects.visible_to(manager).filter(pk=stockton_case.pk).exists()
    later = notify(stockton, nhs_number="9990000050", family_name="Later").case
    assert later.panel == panel
    actions.remove_area(national_admin, panel, stockton)
    assert not ChildDeathCase.objects.visible_to(manager).filter(pk=later.pk).exists()
    later.refresh_from_db()
    assert later.panel == panel  # the case stays with the panel it was opened under
    kinds = list(panel.changes.values_list("kind", "children"))
    assert kinds == [
        (PanelChange.Kind.FORMED, 56_707),
        (PanelChange.Kind.AREA_JOINED, 101_809),
        (PanelChange.Kind.AREA_LEFT, 56_707),
    ]
    with pytest.raises(ValidationError, match="only area"):
        actions.remove_area(national_admin, panel, tees)


def test_an_area_joins_a_panel_only_if_no_other_panel_covers_it(national_admin, tees, stockton):
    first = actions.form_panel(national_admin, name="Tees Panel", areas=[tees])
    actions.form_panel(national_admin, name="Stockton Panel", areas=[stockton])
    with pytest.raises(ValidationError) as refusal:
        actions.add_area(national_admin, first, stockton)
    assert "already covered by Stockton Panel" in refusal.value.message_dict["area"][0]


def test_the_panel_pages_check_population_then_set_up(national_admin, tees, stockton, client, sign_in):
    sign_in(national_admin)
    data = {"name": "Tees Panel", "areas": [tees.pk, stockton.pk]}
    checked = client.post(reverse("onboarding:new-panel"), {**data, "check": "1"}).content.decode()
    assert "101,809" in checked and "500,000" in checked and "Below by 398,191" in checked
    response = client.post(reverse("onboarding:new-panel"), data)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "101,809" in page and "Panel set up" in page
    assert "Tees Panel" in client.get(reverse("onboarding:panels")).content.decode()
