"""The search form refuses dates that cannot make sense, naming the field and the rule."""

import datetime

import pytest
from django.utils import timezone


def _date(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def _today_in_london():
    return timezone.localdate()


@pytest.fixture
def searching(client, sign_in, national_administrator, record_event, area):
    record_event("example.changed", area)
    sign_in(national_administrator)
    return lambda filters: client.get("/audit/", filters)


def _refused(response, message, anchor):
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="#{anchor}">{message}</a>' in html  # in the error summary, linked to the field
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}' in html  # beside the field
    assert "<title>Error: Audit trail" in html
    assert "events" not in response.context  # no results for a search that was refused


def test_end_date_before_start_date_is_refused(searching):
    filters = _date("date_from", datetime.date(2025, 7, 2)) | _date("date_to", datetime.date(2025, 7, 1))
    _refused(searching(filters), "The end date must be the same as or after the start date", "id_date_to_0")


def test_the_same_start_and_end_date_is_accepted(searching):
    day = _today_in_london()
    response = searching(_date("date_from", day) | _date("date_to", day))
    assert not response.context["form"].errors
    assert [event.verb for event in response.context["events"]] == ["example.changed"]


def test_a_start_date_in_the_future_is_refused(searching):
    tomorrow = _today_in_london() + datetime.timedelta(days=1)
    _refused(searching(_date("date_from", tomorrow)), "The start date must be today or in the past", "id_date_from_0")


def test_an_end_date_in_the_future_is_refused(searching):
    tomorrow = _today_in_london() + datetime.timedelta(days=1)
    _refused(searching(_date("date_to", tomorrow)), "The end date must be today or in the past", "id_date_to_0")


def test_a_date_missing_a_part_is_refused(searching):
    _refused(
        searching({"date_from_0": "1", "date_from_1": "", "date_from_2": "2025"}),
        "The start date must include a day, a month and a year",
        "id_date_from_0",
    )


def test_a_date_that_does_not_exist_is_refused(searching):
    _refused(
        searching({"date_to_0": "31", "date_to_1": "2", "date_to_2": "2025"}),
        "The end date must be a real date",
        "id_date_to_0",
    )


def test_an_export_with_refused_filters_goes_back_to_the_search_and_records_nothing(
    client, sign_in, national_administrator
):
    from safeguarding.core.models import AuditEvent

    sign_in(national_administrator)
    filters = {"date_from_0": "2", "date_from_1": "7", "date_from_2": "2025", "date_to_0": "1", "date_to_1": "7"}
    response = client.get("/audit/export.csv", filters)

    assert response.status_code == 302
    assert response["Location"].startswith("/audit/?")
    assert "date_from_0=2" in response["Location"]
    assert not AuditEvent.objects.filter(verb="audit.exported").exists()
    follow = client.get(response["Location"])
    assert "The end date must include a day, a month and a year" in follow.content.decode()
