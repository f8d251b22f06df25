"""The organisation chooser of the invite and add-a-role forms: the area's own organisations first, in their
own group, then every other organisation; a type-ahead box with JavaScript, a plain select without it."""

import re
from html import unescape

import pytest

from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import Invitation, Membership, OrganisationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(area, other_area):
    """Two areas' partners and a national body, named so that alphabetical order alone would mix them."""
    own = [OrganisationFactory(name="Zephyr Council"), OrganisationFactory(name="Area A Police")]
    area.partners.add(*own)
    others = [OrganisationFactory(name=f"Aardvark Council {n}") for n in range(3)]
    other_area.partners.add(*others)
    national = OrganisationFactory(name="National body", kind=OrganisationKind.NATIONAL_BODY)
    return own, others, national


def _select(html):
    return re.search(r'<select name="organisation"[^>]*>(.*?)</select>', html, re.DOTALL)


def _groups(html):
    return [
        (unescape(label), re.findall(r"<option [^>]*>([^<,]+),", options))
        for label, options in re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', _select(html)[1], re.DOTALL)
    ]


@pytest.fixture
def national_admin(world):
    *_, national = world
    return person_with_role(Role.NATIONAL_ADMINISTRATOR, organisation=national)


def test_invite_from_an_areas_list_puts_that_areas_organisations_first(client, sign_in, area, world, national_admin):
    sign_in(national_admin)

    html = client.get(f"/people/invite/?area={area.pk}").content.decode()

    groups = _groups(html)
    assert [label for label, _ in groups] == ["This area's organisations", "Other organisations"]
    assert groups[0][1] == ["Area A Police", "Zephyr Council"]
    assert groups[1][1] == ["Aardvark Council 0", "Aardvark Council 1", "Aardvark Council 2", "National body"]
    assert 'data-module="app-autocomplete"' in _select(html)[0]
    assert re.search(rf'<option value="{area.pk}" selected>', html)


def test_the_area_chosen_in_a_refused_form_regroups_the_list(client, sign_in, area, other_area, world, national_admin):
    sign_in(national_admin)

    response = client.post("/people/invite/", {"full_name": "", "email": "x@example.org", "area": other_area.pk})

    groups = _groups(response.content.decode())
    assert groups[0] == (
        "This area's organisations",
        ["Aardvark Council 0", "Aardvark Council 1", "Aardvark Council 2"],
    )


def test_without_an_area_the_national_list_is_one_alphabetical_list(client, sign_in, world, national_admin):
    sign_in(national_admin)

    html = client.get("/people/invite/").content.decode()

    assert "<optgroup" not in _select(html)[1]
    names = re.findall(r"<option value=\"\d+\">([^<,]+),", _select(html)[1])
    assert names == sorted(names)
    assert len(names) == 6


def test_an_organisation_of_the_other_group_is_still_accepted(client, sign_in, area, world, national_admin):
    """The grouping only orders the list: a national body (listed among the others) is chosen for a national
    role, and the rules of the invitation still apply to whatever is chosen."""
    _own, others, national = world
    sign_in(national_admin)
    invite = {"full_name": "Sam Okafor", "email": "sam@example.org", "role": Role.NATIONAL_ANALYST}

    response = client.post(f"/people/invite/?area={area.pk}", {**invite, "organisation": national.pk, "area": ""})

    assert response.status_code == 302
    assert Invitation.objects.get(email="sam@example.org").organisation == national

    refused = client.post(
        "/people/invite/",
        {
            **invite,
            "email": "kim@example.org",
            "role": Role.PRACTITIONER,
            "organisation": others[0].pk,
            "area": area.pk,
        },
    )
    assert "Aardvark Council 0 is not a partner of Area A Safeguarding Partnership" in refused.content.decode()


def test_adding_a_role_lists_the_persons_own_areas_organisations_first(client, sign_in, area, world, national_admin):
    own, _others, _ = world
    person = person_with_role(Role.PRACTITIONER, area, organisation=own[0])
    sign_in(national_admin)

    html = client.get(f"/people/{person.pk}/roles/new/").content.decode()

    assert _groups(html)[0] == ("This area's organisations", ["Area A Police", "Zephyr Council"])
    assert 'data-module="app-autocomplete"' in _select(html)[0]


def test_an_area_administrator_sees_only_their_areas_organisations_ungrouped(client, sign_in, area, world):
    own, _others, _ = world
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=own[0]))

    html = client.get("/people/invite/").content.decode()

    assert "<optgroup" not in _select(html)[1]
    assert re.findall(r"<option value=\"\d+\">([^<,]+),", _select(html)[1]) == ["Area A Police", "Zephyr Council"]
    assert "Aardvark" not in html


def test_an_area_outside_the_administrators_areas_in_the_address_is_ignored(client, sign_in, area, other_area, world):
    own, _others, _ = world
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=own[0]))

    html = client.get(f"/people/invite/?area={other_area.pk}").content.decode()

    assert "Aardvark" not in html
    assert Membership.objects.filter(area=other_area).count() == 0


def test_the_people_list_narrowed_to_an_area_invites_to_it(client, sign_in, area, world, national_admin):
    sign_in(national_admin)

    html = client.get(f"/people/?area={area.pk}").content.decode()

    assert f'href="/people/invite/?area={area.pk}"' in html
