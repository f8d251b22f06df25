"""A bulk load defers the facet index: the refreshes inside `facet_index.deferred()` become one at its end."""

import pytest

from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.learning.repository.models import EntryFacetValue
from safeguarding.learning.repository.search import facet_index

pytestmark = pytest.mark.django_db


def _themes_indexed(entry):
    return set(EntryFacetValue.objects.filter(entry=entry, facet="theme").values_list("value", flat=True))


def test_refreshes_inside_the_block_wait_for_its_end_and_make_one_data_version():
    before = facet_index.data_version()
    with facet_index.deferred():
        first, second = make_entry(), make_entry(area_name="Area B Safeguarding Partnership")
        code(first.current_findings().get(), "neglect")
        with facet_index.deferred():  # an inner block joins the outer one
            code(second.current_findings().get(), "recording")
        assert not EntryFacetValue.objects.filter(entry__in=[first, second]).exists()
        assert facet_index.data_version() == before

    assert _themes_indexed(first) == {"neglect"} and _themes_indexed(second) == {"recording"}
    assert facet_index.data_version() != before


def test_a_block_that_raises_refreshes_nothing_and_later_refreshes_are_immediate():
    with pytest.raises(RuntimeError), facet_index.deferred():
        entry = make_entry()
        raise RuntimeError("the load failed")
    assert not EntryFacetValue.objects.filter(entry=entry).exists()

    code(entry.current_findings().get(), "neglect")
    assert _themes_indexed(entry) == {"neglect"}
