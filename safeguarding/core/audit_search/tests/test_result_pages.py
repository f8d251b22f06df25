"""Results come 50 to a page, and moving between pages keeps the search."""

import pytest


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
    assert '<nav class="govuk-pagination" aria-label="Pages of events">' in html
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
