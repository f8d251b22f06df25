"""The demo world's synthetic children: valid test-range NHS numbers, created once however often seeded."""

import nhs_number
import pytest
from django.db.models import Count

from safeguarding.core.identity.models import ChildIdentity
from safeguarding.demo.identities import DEMO_CHILDREN, seed_demo_identities, synthetic_nhs_number
from safeguarding.demo.seeding import SeedReport
from safeguarding.organisations.factories import SafeguardingAreaFactory


@pytest.fixture
def demo_areas(db):
    return [SafeguardingAreaFactory(slug="tees-valley"), SafeguardingAreaFactory(slug="leeds")]


def test_synthetic_nhs_numbers_are_valid_and_never_issued():
    numbers = {synthetic_nhs_number(child.nhs_serial) for child in DEMO_CHILDREN}

    assert all(nhs_number.is_valid(number) and number.startswith("999") for number in numbers)
    assert synthetic_nhs_number(104) == synthetic_nhs_number(104)


def test_seeding_creates_each_child_once(demo_areas):
    first, second = SeedReport(), SeedReport()

    seed_demo_identities(first)
    seed_demo_identities(second)

    assert first.created == {"child identities": len(DEMO_CHILDREN)}
    assert second.created == {"child identities": 0}
    assert ChildIdentity.objects.count() == len(DEMO_CHILDREN)


def test_one_demo_child_is_linked_across_the_two_areas(demo_areas):
    seed_demo_identities(SeedReport())

    linked = ChildIdentity.objects.values("linkage_key").order_by().annotate(n=Count("id"))
    shared = [row for row in linked if row["n"] > 1]
    assert len(shared) == 1
    areas = set(ChildIdentity.objects.filter(linkage_key=shared[0]["linkage_key"]).values_list("area__slug", flat=True))
    assert areas == {"tees-valley", "leeds"}
