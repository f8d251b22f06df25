"""The audit search at national volume: it counts no further than a cap, its form's choices come from an
index rather than from reading every event, and a page costs the same number of queries however many match."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeguarding.core.audit_search import queries, views
from safeguarding.core.models import AuditEvent


def _queries(client, url, data):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["national_administrator", "area_administrator"])
def test_a_page_of_results_makes_as_many_queries_for_50_events_as_for_5(
    request, client, sign_in, area, record_event, who
):
    sign_in(request.getfixturevalue(who))
    search = {"person": "system", "verb": "example.paged"}

    def add(count):
        for number in range(count):
            record_event("example.paged", area, target=("test.thing", number, f"Thing {number}"))

    add(5)
    client.get("/audit/", search)  # the session warmed, as on any later visit
    few = _queries(client, "/audit/", search)
    add(45)
    assert _queries(client, "/audit/", search) == few


def test_past_the_cap_the_count_says_more_than(
    monkeypatch, client, sign_in, national_administrator, area, record_event
):
    monkeypatch.setattr(views, "COUNT_CAP", 4)
    for number in range(5):
        record_event("example.many", area, data={"n": number})
    sign_in(national_administrator)
    html = client.get("/audit/", {"verb": "example.many", "page": "1"}).content.decode()
    assert "Showing 1 to 4 of more than 4 events, newest first" in html  # a page never goes past the cap
    assert "More than 4 events match. The pages show the newest 4" in html
    assert "(more than 4 matching events)" in html
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    last = client.get("/audit/", {"verb": "example.many", "page": "2"})
    assert "Showing 3 to 4 of more than 4 events, newest first" in last.content.decode()
    assert 'rel="next"' not in last.content.decode()
    assert [event.data for event in last.context["events"]] == [{"n": 2}, {"n": 1}]


def test_at_the_cap_the_count_is_exact(monkeypatch, client, sign_in, national_administrator, area, record_event):
    monkeypatch.setattr(views, "COUNT_CAP", 4)
    for number in range(4):
        record_event("example.many", area, data={"n": number})
    sign_in(national_administrator)
    html = client.get("/audit/", {"verb": "example.many"}).content.decode()
    assert "Showing 1 to 4 of 4 events, newest first" in html
    assert "More than" not in html


def test_the_choices_are_the_distinct_actions_and_records_of_the_events_one_may_see(
    area, other_area, record_event, national_administrator, area_administrator
):
    record_event("b.two", area, target=("incidents.incident", 1, "SI-00001"))
    record_event("a.one", area, target=("incidents.incident", 2, "SI-00002"))
    record_event("a.one", other_area, target=("identity.child", 3, "Child"))
    record_event("c.three", None)
    everything = AuditEvent.objects.all()
    plain_verbs = sorted(set(everything.values_list("verb", flat=True)))
    plain_types = sorted(set(everything.exclude(target_type="").values_list("target_type", flat=True)))
    assert queries.verbs_in(queries.areas_visible_to(national_administrator)) == plain_verbs
    assert queries.record_types_in(queries.areas_visible_to(national_administrator)) == plain_types
    mine = queries.areas_visible_to(area_administrator)
    assert mine == {area.pk}
    assert queries.verbs_in(mine) == ["a.one", "b.two"]
    assert queries.record_types_in(mine) == ["incidents.incident"]
    assert queries.verbs_in(set()) == [] == queries.record_types_in(set())
