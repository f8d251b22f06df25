"""Results come 50 to a page, and moving between pages keeps the search."""

import pytest
from django.core.paginator import Paginator
from django.http import QueryDict

from safeguarding.core.audit_search.pagination import pagination


@pytest.fixture
def many_events(area, record_event):
    for number in range(51):
        record_event("example.paged", area, data={"n": number})
    record_event("example.other", area)


def test_fifty_a_page_with_links_that_keep_the_filters(client, sign_in, national_administrator, many_events):
    sign_in(national_administrator)

    first = client.get("/audit/", {"verb": "example.paged", "person": "system"})
    html = first.content.decode()
    assert len(first.context["events"]) == 50
    assert first.context["events"][0].data == {"n": 50}  # newest first
    assert "Showing 1 to 50 of 51 events, newest first" in html
    assert 'href="?verb=example.paged&amp;person=system&amp;page=2" rel="next"' in html
    assert 'aria-label="Page 2"' in html
    assert 'aria-current="page">1</a>' in html
    # The download is of every matching event, not of this page.
    assert 'href="/audit/export.csv?verb=example.paged&amp;person=system"' in html

    second = client.get("/audit/", {"verb": "example.paged", "person": "system", "page": "2"})
    html = second.content.decode()
    assert [event.data for event in second.context["events"]] == [{"n": 0}]
    assert "Showing 51 to 51 of 51 events, newest first" in html
    assert 'href="?verb=example.paged&amp;person=system&amp;page=1" rel="prev"' in html
    assert 'rel="next"' not in html
    assert 'href="/audit/export.csv?verb=example.paged&amp;person=system"' in html


def test_one_page_of_results_has_no_pagination(client, sign_in, national_administrator, many_events):
    sign_in(national_administrator)
    html = client.get("/audit/", {"verb": "example.other"}).content.decode()
    assert "Showing 1 to 1 of 1 event, newest first" in html
    assert "govuk-pagination" not in html


def test_no_results_say_so(client, sign_in, national_administrator, many_events):
    sign_in(national_administrator)
    html = client.get("/audit/", {"person": "nobody@example.org"}).content.decode()
    assert "No events match your search" in html
    assert "Download as CSV" not in html
    assert "<table" not in html


def test_distant_pages_are_replaced_by_an_ellipsis():
    page = Paginator(range(500), 50).page(5)
    links = pagination(page, QueryDict("verb=identity."))
    assert [link.number for link in links["links"]] == [1, None, 4, 5, 6, None, 10]
    assert [link.url for link in links["links"] if link.current] == ["?verb=identity.&page=5"]
    assert links["previous"] == "?verb=identity.&page=4"
    assert links["next"] == "?verb=identity.&page=6"
