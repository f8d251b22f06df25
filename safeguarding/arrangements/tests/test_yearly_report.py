"""The yearly report: assembled from the platform's data, edited with a version check, published."""

import datetime
import sys
import types
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeguarding.arrangements import reporting
from safeguarding.arrangements.actions import effectiveness
from safeguarding.arrangements.actions.funding import record_contribution
from safeguarding.arrangements.actions.reports import edit_report, publish_report, start_report
from safeguarding.arrangements.models import REPORT_SECTIONS, ScrutinyKind, YearlyReport
from safeguarding.core.concurrency import StaleEdit

from .helpers import published_version

pytestmark = pytest.mark.django_db


def _sections(report, **changes):
    return {field: changes.get(field, getattr(report, field)) for field, _ in REPORT_SECTIONS}


def test_the_draft_is_assembled_from_the_areas_records(partners):
    version = published_version(partners)
    # Published within the report's year, whatever today's date is.
    version.published_at = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)
    version.save(update_fields=["published_at"])
    effectiveness.record_scrutiny(
        partners.administrator,
        partners.area,
        kind=ScrutinyKind.CHALLENGE_SESSION,
        title="Challenge session on neglect",
        carried_out_on=datetime.date(2026, 9, 10),
        carried_out_by="Independent scrutineer",
        findings="Schools were not consulted on the neglect strategy.",
    )
    effectiveness.record_scrutiny(
        partners.administrator,
        partners.area,
        kind=ScrutinyKind.INSPECTION,
        title="Outside the year",
        carried_out_on=datetime.date(2025, 9, 10),
        carried_out_by="Inspectorates",
        findings="Old.",
    )
    council = partners.area.partners.get(kind="local_authority")
    record_contribution(partners.administrator, partners.area, organisation=council, year=2026, money=Decimal("150000"))
    report = start_report(partners.administrator, partners.area, 2026)
    assert "Challenge session on neglect" in report.scrutiny_text
    assert "Outside the year" not in report.scrutiny_text
    assert "**Our response:** still to come." in report.scrutiny_text
    assert "£150,000.00 in money" in report.funding_text
    assert "signed off by the lead chief officers" in report.arrangements_text
    assert "April 2026 to March 2027" in report.introduction


def test_outcome_values_read_as_prose_percentages(partners):
    measure = effectiveness.add_measure(
        partners.administrator, partners.area, name="Re-referrals", description="", unit="%", higher_is_better=False
    )
    days = effectiveness.add_measure(
        partners.administrator, partners.area, name="Wait", description="", unit="days", higher_is_better=False
    )
    for when, value in ((datetime.date(2026, 3, 31), "22.00"), (datetime.date(2026, 9, 30), "18.90")):
        effectiveness.record_value(partners.administrator, measure, period_ending=when, value=Decimal(value))
    effectiveness.record_value(
        partners.administrator, days, period_ending=datetime.date(2026, 9, 30), value=Decimal("1250.50")
    )
    report = start_report(partners.administrator, partners.area, 2026)
    assert "- Re-referrals: 18.9% to 30 September 2026 (previously 22%)" in report.outcomes_text
    assert "- Wait: 1,250.5 days to 30 September 2026" in report.outcomes_text
    assert " %" not in report.outcomes_text


def test_extension_point_adds_sections_from_installed_apps(partners, monkeypatch):
    module = types.ModuleType("safeguarding.incidents.yearly_report")
    module.yearly_report_section = lambda area, start, end: f"12 serious incidents notified between {start} and {end}."
    monkeypatch.setitem(sys.modules, "safeguarding.incidents.yearly_report", module)
    monkeypatch.setattr(reporting.apps, "is_installed", lambda name: name == "safeguarding.incidents")
    parts = reporting.contributed_sections(partners.area, datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))
    assert parts == ["12 serious incidents notified between 2025-04-01 and 2026-03-31."]


def test_missing_contributors_leave_a_plain_statement(partners, monkeypatch):
    monkeypatch.setattr(reporting.apps, "is_installed", lambda name: False)
    report = start_report(partners.administrator, partners.area, 2025)
    assert report.learning_text.startswith("Figures on serious incidents and child death reviews are not available")


def test_one_report_per_year(partners):
    start_report(partners.administrator, partners.area, 2025)
    with pytest.raises(ValidationError) as refused:
        start_report(partners.administrator, partners.area, 2025)
    assert "year" in refused.value.message_dict


def test_stale_and_oversized_edits_are_refused(partners):
    report = start_report(partners.administrator, partners.area, 2025)
    stale = YearlyReport.objects.get(pk=report.pk)
    edit_report(partners.administrator, report, expected_version=1, **_sections(report, introduction="New intro"))
    with pytest.raises(StaleEdit):
        edit_report(partners.council_lco, stale, expected_version=1, **_sections(stale, introduction="Other intro"))
    with pytest.raises(ValidationError) as refused:
        edit_report(partners.administrator, report, expected_version=2, **_sections(report, funding_text="x" * 12001))
    assert refused.value.message_dict["funding_text"] == [
        "Funding must be 12,000 characters or fewer; it is 12,001 characters"
    ]


def test_published_report_is_public_and_no_longer_editable(client, partners):
    report = start_report(partners.administrator, partners.area, 2025)
    url = reverse("published:report", kwargs={"slug": partners.area.slug, "year": 2025})
    assert client.get(url).status_code == 404
    publish_report(partners.police_lco, report)
    page = client.get(url).content.decode()
    assert "Yearly report, April 2025 to March 2026" in page
    pdf = client.get(reverse("published:report-pdf", kwargs={"slug": partners.area.slug, "year": 2025}))
    assert pdf.content.startswith(b"%PDF")
    report.refresh_from_db()
    with pytest.raises(ValidationError, match="published"):
        edit_report(partners.administrator, report, expected_version=report.version, **_sections(report))


def test_report_pages_for_the_area(client, sign_in, partners):
    sign_in(partners.administrator)
    url = reverse("arrangements:reports", kwargs={"slug": partners.area.slug})
    response = client.post(url, {"year": "2025"}, follow=True)
    assert "assembled from the platform" in response.content.decode()
    edit_url = reverse("arrangements:edit-report", kwargs={"slug": partners.area.slug, "year": 2025})
    report = YearlyReport.objects.get()
    response = client.post(edit_url, {**_sections(report, introduction="Our **year**."), "version": report.version})
    assert response.status_code == 302
    page = client.get(
        reverse("arrangements:report", kwargs={"slug": partners.area.slug, "year": 2025})
    ).content.decode()
    assert "Our <strong>year</strong>." in page
