"""The one pagination of the service: a page that always exists, and GOV.UK links that keep the filters."""

import pytest
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory

from safeguarding.core.pagination import paginate, pagination_links


def _page_asked_for(page):
    """The page asked for, of 120 items in pages of 25 (five pages, the last of 20)."""
    request = RequestFactory().get("/", {} if page is None else {"page": page})
    return paginate(request, range(120), 25)


def _numbers(links):
    return [link.number for link in links["links"]]


def test_the_page_asked_for_is_given():
    page = _page_asked_for("2")
    assert page.number == 2
    assert list(page.object_list) == list(range(25, 50))


@pytest.mark.parametrize(("asked", "given"), [(None, 1), ("", 1), ("two", 1), ("99", 5), ("0", 5), ("-1", 5)])
def test_a_missing_or_impossible_page_falls_back_to_a_real_one(asked, given):
    assert _page_asked_for(asked).number == given


def test_distant_pages_are_replaced_by_an_ellipsis():
    links = pagination_links(Paginator(range(500), 50).page(5), QueryDict("verb=identity."))
    assert _numbers(links) == [1, None, 4, 5, 6, None, 10]
    assert [link.url for link in links["links"] if link.current] == ["?verb=identity.&page=5"]
    assert links["previous"] == "?verb=identity.&page=4"
    assert links["next"] == "?verb=identity.&page=6"


def test_no_ellipsis_stands_for_a_single_page_next_to_the_first():
    links = pagination_links(Paginator(range(500), 50).page(3), QueryDict())
    assert _numbers(links) == [1, 2, 3, 4, None, 10]


def test_the_first_page_has_no_previous_and_the_last_no_next():
    paginator = Paginator(range(500), 50)
    first = pagination_links(paginator.page(1), QueryDict())
    last = pagination_links(paginator.page(10), QueryDict())
    assert first["previous"] == "" and first["next"] == "?page=2"
    assert _numbers(first) == [1, 2, None, 10]
    assert last["next"] == "" and last["previous"] == "?page=9"
    assert _numbers(last) == [1, None, 9, 10]


def test_every_other_parameter_is_kept_and_the_page_replaced():
    query = QueryDict("page=2&q=smith&role=reviewer&role=practitioner")
    links = pagination_links(Paginator(range(100), 25).page(2), query)
    assert links["next"] == "?q=smith&role=reviewer&role=practitioner&page=3"
    assert links["previous"] == "?q=smith&role=reviewer&role=practitioner&page=1"
    assert query["page"] == "2"  # the request's own QueryDict is left alone


def test_values_are_encoded_in_the_links():
    links = pagination_links(Paginator(range(100), 25).page(1), QueryDict("q=O%27Neil+%26+Sons"))
    assert links["next"] == "?q=O%27Neil+%26+Sons&page=2"


@pytest.mark.parametrize("items", [range(0), range(1), range(25)])
def test_a_single_page_has_no_links(items):
    assert pagination_links(Paginator(items, 25).page(1), QueryDict("q=smith")) is None


def test_the_component_is_the_govuk_markup_with_its_label():
    links = pagination_links(Paginator(range(500), 50).page(5), QueryDict("q=a&b=c"))
    html = render_to_string("govuk/includes/pagination.html", {"pagination": links, "aria_label": "Pages of things"})
    assert '<nav class="govuk-pagination" aria-label="Pages of things">' in html
    assert 'href="?q=a&amp;b=c&amp;page=4" rel="prev"' in html
    assert 'href="?q=a&amp;b=c&amp;page=6" rel="next"' in html
    assert 'href="?q=a&amp;b=c&amp;page=5" aria-label="Page 5" aria-current="page">5</a>' in html
    assert html.count('<li class="govuk-pagination__item govuk-pagination__item--ellipsis">&ctdot;</li>') == 2


def test_the_component_shows_nothing_for_a_single_page():
    assert render_to_string("govuk/includes/pagination.html", {"pagination": None}).strip() == ""
