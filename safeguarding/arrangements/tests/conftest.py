import pytest

from safeguarding.arrangements.factories import partnership


@pytest.fixture
def partners(area):
    return partnership(area)


@pytest.fixture
def other_partners(other_area):
    return partnership(other_area)
