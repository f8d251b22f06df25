"""The CSV export: the filtered events streamed, safe to open in a spreadsheet, and itself audited."""

import csv
import datetime
import io
import json
import re

import pytest
from django.http import StreamingHttpResponse

from safeguarding.core import audit
from safeguarding.core.audit_search.export import COLUMNS, neutralise_formula
from safeguarding.core.models import AuditEvent
from safeguarding.core.request_context import current_request_id
from safeguarding.organisations.factories import OrganisationFactory, UserFactory
from safeguarding.organisations.models.people import Role


def _rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def _as_dicts(response):
    header, *rows = _rows(response)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def viewed_event(area, record_event):
    """A person's view of a notification, recorded during a request."""
    practitioner = UserFactory(email="sam.lee@example.org")
    organisation = OrganisationFactory(name="Northshire County Council")
    token = current_request_id.set("0123abcd")
    try:
        return record_event(
            "identity.viewed",
            area,
            at=datetime.datetime(2025, 6, 30, 22, 30, 5, tzinfo=datetime.UTC),
            actor=audit.Actor.person(practitioner, organisation=organisation, role=Role.PRACTITIONER),
            target=("incidents.notification", 12, "Notification SLP-0012"),
            data={"reason": "child protection enquiry"},
        )
    finally:
        current_request_id.reset(token)


def test_the_export_streams_a_dated_csv_file(client, sign_in, national_administrator, viewed_event):
    sign_in(national_administrator)
    response = client.get("/audit/export.csv")

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="audit-events-\d{8}-\d{4}\.csv"', response["Content-Disposition"])
    assert response["Cache-Control"] == "no-store"


def test_each_column_of_an_event(client, sign_in, national_administrator, area, viewed_event):
    sign_in(national_administrator)
    response = client.get("/audit/export.csv", {"verb": "identity.viewed"})
    header, *rows = _rows(response)

    assert header == list(COLUMNS)
    assert header == [
        "sequence",
        "occurred_at",
        "actor_kind",
        "actor_label",
        "organisation",
        "role",
        "area",
        "verb",
        "target_type",
        "target_id",
        "target_label",
        "data",
        "request_id",
        "hash",
    ]
    assert rows == [
        [
            str(viewed_event.sequence),
            "2025-06-30T22:30:05+00:00",
            "person",
            "sam.lee@example.org",
            "Northshire County Council",
            "practitioner",
            area.name,
            "identity.viewed",
            "incidents.notification",
            "12",
            "Notification SLP-0012",
            '{"reason": "child protection enquiry"}',
            "0123abcd",
            viewed_event.hash,
        ]
    ]
    assert json.loads(rows[0][11]) == viewed_event.data


def test_the_export_holds_the_same_events_as_the_search(client, sign_in, national_administrator, area, record_event):
    for number in range(3):
        record_event("example.kept", area, data={"n": number})
    record_event("example.dropped", area)
    sign_in(national_administrator)

    exported = _as_dicts(client.get("/audit/export.csv", {"verb": "example.kept"}))

    assert [row["data"] for row in exported] == ['{"n": 2}', '{"n": 1}', '{"n": 0}']


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil.example/")', '\'=HYPERLINK("http://evil.example/")'),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Notification SLP-0012", "Notification SLP-0012"),
        ("", ""),
        (12, 12),
    ],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_made_text(value, written):
    assert neutralise_formula(value) == written


def test_formulas_in_any_column_are_exported_as_text(client, sign_in, national_administrator, area, record_event):
    record_event(
        "example.changed",
        area,
        actor=audit.Actor(AuditEvent.ActorKind.SYSTEM, "=cmd|' /C calc'!A0"),
        target=("example.thing", "-1", "@SUM(1+1)"),
        data={"note": "=1+1"},
    )
    sign_in(national_administrator)

    (row,) = _as_dicts(client.get("/audit/export.csv", {"verb": "example.changed"}))

    assert row["actor_label"] == "'=cmd|' /C calc'!A0"
    assert row["target_id"] == "'-1"
    assert row["target_label"] == "'@SUM(1+1)"
    assert row["data"] == '{"note": "=1+1"}'  # starts with a brace, so a spreadsheet shows it as text


def test_an_export_is_recorded_with_its_filters(client, sign_in, national_administrator, area, viewed_event):
    sign_in(national_administrator)
    filters = {"verb": "identity.", "person": "sam", "date_from_0": "1", "date_from_1": "6", "date_from_2": "2025"}
    response = client.get("/audit/export.csv", filters | {"area": area.pk})
    _rows(response)

    exported = AuditEvent.objects.get(verb="audit.exported")
    assert exported.actor == national_administrator
    assert exported.actor_label == "nadia.national@example.org"
    assert exported.role == Role.NATIONAL_ADMINISTRATOR
    assert exported.organisation.name == "National body"
    assert exported.area == area
    assert exported.data == {
        "filters": {"verb": "identity.", "person": "sam", "date_from": "2025-06-01", "area": area.pk}
    }
    assert exported.request_id == response["X-Request-Id"]
    assert audit.verify_chain().ok


def test_a_national_export_across_areas_has_no_area(client, sign_in, national_administrator, viewed_event):
    sign_in(national_administrator)
    _rows(client.get("/audit/export.csv"))

    exported = AuditEvent.objects.get(verb="audit.exported")
    assert exported.area is None
    assert exported.data == {"filters": {}}


def test_an_area_administrators_export_belongs_to_their_area(client, sign_in, area_administrator, area, viewed_event):
    sign_in(area_administrator)
    _rows(client.get("/audit/export.csv"))

    exported = AuditEvent.objects.get(verb="audit.exported")
    assert exported.area == area
    assert exported.role == Role.AREA_ADMINISTRATOR
    # So the area's administrators see who took their area's events away.
    assert [event.verb for event in client.get("/audit/").context["events"]] == ["audit.exported", "identity.viewed"]


def test_looking_at_the_search_page_records_nothing(client, sign_in, national_administrator, viewed_event):
    sign_in(national_administrator)
    client.get("/audit/")
    client.get("/audit/", {"verb": "identity.viewed"})
    assert list(AuditEvent.objects.values_list("verb", flat=True)) == ["identity.viewed"]


def test_record_text_typed_into_the_search_is_not_copied_into_the_audit_trail(
    client, sign_in, national_administrator, viewed_event
):
    sign_in(national_administrator)
    _rows(client.get("/audit/export.csv", {"record": "Jayden Smith"}))
    exported = AuditEvent.objects.get(verb="audit.exported")
    assert exported.data == {"filters": {"record": "(text given, not recorded)"}}
    assert "Jayden" not in str(exported.data)
