"""Funding: contributions refused when negative or not numbers; the share formulae; the national spread."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeguarding.arrangements import funding
from safeguarding.arrangements.actions.funding import change_contribution, record_contribution
from safeguarding.arrangements.factories import local_authority
from safeguarding.arrangements.funding import Formula, Partner
from safeguarding.arrangements.models import FundingContribution
from safeguarding.arrangements.populations import area_children, statutory_partners
from safeguarding.core.concurrency import StaleEdit
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Organisation, Region, Role

PARTNERS = [
    Partner(1, "North Council", "local_authority", 30000),
    Partner(2, "South Council", "local_authority", 10000),
    Partner(3, "The ICB", "health", 40000),
    Partner(4, "The Police", "police", 40000),
]


def test_equal_thirds_splits_each_third_equally_within_a_kind():
    shares = funding.propose(PARTNERS, Formula.EQUAL_THIRDS, Decimal("120000"), children=40000)
    assert [s.amount for s in shares] == [
        Decimal("20000.00"),
        Decimal("20000.00"),
        Decimal("40000.00"),
        Decimal("40000.00"),
    ]
    assert [s.per_child for s in shares] == [Decimal("0.50"), Decimal("0.50"), Decimal("1.00"), Decimal("1.00")]


def test_population_splits_a_kinds_third_by_children_served():
    shares = funding.propose(PARTNERS, Formula.POPULATION, Decimal("120000"), children=40000)
    assert [s.amount for s in shares] == [
        Decimal("30000.00"),
        Decimal("10000.00"),
        Decimal("40000.00"),
        Decimal("40000.00"),
    ]


def test_custom_weights_and_pennies_add_up_to_the_total():
    weights = {1: Decimal(1), 2: Decimal(1), 3: Decimal(1), 4: Decimal(0)}
    shares = funding.propose(PARTNERS, Formula.CUSTOM, Decimal("100"), children=None, weights=weights)
    assert [s.amount for s in shares] == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33"), Decimal("0.00")]
    assert sum(s.amount for s in shares) == Decimal("100")
    assert all(s.per_child is None for s in shares)


def test_custom_weights_must_not_all_be_zero_nor_negative():
    with pytest.raises(ValidationError, match="more than 0"):
        funding.propose(PARTNERS, Formula.CUSTOM, Decimal("100"), children=1, weights=dict.fromkeys(range(1, 5), 0))
    with pytest.raises(ValidationError) as refused:
        funding.propose(PARTNERS, Formula.CUSTOM, Decimal("100"), children=1, weights={1: -1, 2: 1, 3: 1, 4: 1})
    assert refused.value.message_dict == {"weight_1": ["Enter a weight of 0 or more for North Council"]}


def test_thirds_need_all_three_kinds():
    with pytest.raises(ValidationError, match="no police partner"):
        funding.propose(PARTNERS[:3], Formula.EQUAL_THIRDS, Decimal("90"), children=1)


def test_spread_gives_min_median_max():
    spread = funding.spread([Decimal("6.95"), Decimal("0.81"), None, Decimal("2.00")])
    assert (spread.areas, spread.minimum, spread.median, spread.maximum) == (
        3,
        Decimal("0.81"),
        Decimal("2.00"),
        Decimal("6.95"),
    )


@pytest.fixture
def geography_area(area):
    """Area A covers two authorities of one police force; partners are linked to that geography."""
    region = Region.objects.create(code="E12000001", name="North East")
    first = local_authority("E06000001", "Hartlepool", region, children=20000, year=2023)
    second = local_authority("E06000002", "Middlesbrough", region, children=30000, year=2024)
    second.police_force_area = first.police_force_area
    second.save()
    area.local_authorities.add(first, second)
    for authority in (first, second):
        area.partners.add(
            Organisation.objects.create(kind="local_authority", name=authority.name, local_authority=authority)
        )
    area.partners.add(
        Organisation.objects.create(kind="police", name="Cleveland Police", police_force_area=first.police_force_area)
    )
    return area


@pytest.mark.django_db
def test_area_children_uses_the_latest_estimate_for_each_authority(geography_area):
    assert area_children(geography_area, 2026) == 50000
    assert area_children(geography_area, 2023) == 20000
    assert area_children(geography_area, 2010) is None


@pytest.mark.django_db
def test_partners_know_the_children_they_serve(geography_area):
    served = {p.name: p.children_served for p in statutory_partners(geography_area, 2026)}
    assert served == {"Hartlepool": 20000, "Middlesbrough": 30000, "Cleveland Police": 50000}


@pytest.mark.django_db
def test_negative_or_non_numeric_contribution_is_refused_naming_the_field(partners):
    council = partners.area.partners.get(kind="local_authority")
    with pytest.raises(ValidationError) as refused:
        record_contribution(partners.administrator, partners.area, organisation=council, year=2026, money=Decimal("-1"))
    assert refused.value.message_dict == {"money": ["The money contribution must be £0 or more"]}
    with pytest.raises(ValidationError) as refused:
        record_contribution(
            partners.administrator, partners.area, organisation=council, year=2026, money="lots", in_kind=Decimal(0)
        )
    assert refused.value.message_dict == {
        "money": ["Enter the money contribution as a number of pounds, like 25000 or 25000.50"]
    }
    assert not FundingContribution.objects.exists()


@pytest.mark.django_db
def test_contribution_form_names_the_field(client, sign_in, partners):
    sign_in(partners.administrator)
    council = partners.area.partners.get(kind="local_authority")
    url = reverse("arrangements:add-contribution", kwargs={"slug": partners.area.slug})
    page = client.post(url, {"organisation": council.pk, "year": "2026", "money": "ten pounds"}).content.decode()
    assert "Enter the money contribution as a number of pounds, like 25000 or 25000.50" in page
    page = client.post(url, {"organisation": council.pk, "year": "2026", "money": "-5"}).content.decode()
    assert "The money contribution must be £0 or more" in page
    response = client.post(url, {"organisation": council.pk, "year": "2026", "money": "52000", "in_kind": "8000.50"})
    assert response.status_code == 302
    row = FundingContribution.objects.get()
    assert (row.money, row.in_kind) == (Decimal("52000"), Decimal("8000.50"))


@pytest.mark.django_db
def test_a_stale_change_to_a_contribution_is_refused(partners):
    council = partners.area.partners.get(kind="local_authority")
    row = record_contribution(partners.administrator, partners.area, organisation=council, year=2026, money=Decimal(1))
    stale = FundingContribution.objects.get(pk=row.pk)
    change_contribution(
        partners.council_lco, row, money=Decimal(2), in_kind=Decimal(0), in_kind_description="", expected_version=1
    )
    with pytest.raises(StaleEdit):
        change_contribution(
            partners.administrator,
            stale,
            money=Decimal(3),
            in_kind=Decimal(0),
            in_kind_description="",
            expected_version=1,
        )
    row.refresh_from_db()
    assert row.money == Decimal(2)


@pytest.mark.django_db
def test_national_page_shows_the_spread_and_the_reported_range(client, sign_in, geography_area, other_area):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, geography_area)
    council = geography_area.partners.get(name="Hartlepool")
    record_contribution(admin, geography_area, organisation=council, year=2026, money=Decimal("100000"))
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    page = client.get(reverse("arrangements:national-funding")).content.decode()
    assert "£2.00" in page  # 100,000 / 50,000 children
    assert "£0.81" in page and "£6.95" in page


@pytest.mark.django_db
def test_calculator_page_proposes_shares(client, sign_in, geography_area):
    sign_in(person_with_role(Role.PRACTITIONER, geography_area))
    url = reverse("arrangements:funding-calculator", kwargs={"slug": geography_area.slug})
    page = client.get(url, {"year": "2026", "total": "90000", "formula": "equal_thirds"}).content.decode()
    assert "No health partner" in page or "no health partner" in page
    page = client.get(
        url,
        {
            "year": "2026",
            "total": "100000",
            "formula": "custom",
            **{f"weight_{o.pk}": "1" for o in geography_area.partners.all()},
        },
    ).content.decode()
    assert "£33,333.33" in page or "£33333.33" in page
