"""The published annual report (HTML and PDF) and the topic briefings: public, published material only,
and never a count from 1 to 4."""

import datetime
import re

import pytest
from django.utils.html import strip_tags

from safeguarding.learning.national_reports import actions
from safeguarding.learning.national_reports.views.public import pdf_html
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .dataset import build_incidents, build_repository

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 1)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def small_counts_in(html):
    """Numbers 1 to 4 standing alone in the text, once dates, clock lengths and the suppression note are
    set aside: any left would be a disclosed small count."""
    text = strip_tags(html)
    text = re.sub(rf"\b\d{{1,2}} ({MONTHS})( \d{{4}})?\b", " ", text)
    text = re.sub(r"\b\d+ (working days?|calendar days?|months?)\b", " ", text)
    text = text.replace("from 1 to 4", " ")
    return re.findall(r"(?<![\w.,])[1-4](?![\w.,%])", text)


@pytest.fixture
def published(area, other_area):
    build_incidents(area, other_area)
    build_repository()
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    report = actions.assemble(analyst, 2025, today=TODAY)
    actions.edit(analyst, report, report.version, lessons_for_government="Fund the national body")
    return actions.publish(person_with_role(Role.NATIONAL_ADMINISTRATOR), report, report.version, today=TODAY)


def test_a_draft_is_not_public(client, analyst_report):
    assert client.get("/national-reports/2025/").status_code == 404
    assert client.get("/national-reports/2025/report.pdf").status_code == 404
    assert "2025" not in client.get("/national-reports/published/").content.decode()


@pytest.fixture
def analyst_report(db):
    return actions.assemble(person_with_role(Role.NATIONAL_ANALYST), 2025, today=TODAY)


def test_the_published_report_is_public_and_hides_every_small_count(client, published):
    response = client.get("/national-reports/2025/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Annual report to the Secretary of State 2025" in html
    assert "Fund the national body" in html
    assert "fewer than 5" in html
    assert small_counts_in(html) == []
    # The suppression test itself catches a disclosed count.
    assert small_counts_in("<td>3</td>") == ["3"]


def test_sections_are_markdown_shown_as_sanitised_lists_and_paragraphs(client, area, other_area):
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    report = actions.assemble(analyst, 2025, today=TODAY)
    actions.edit(
        analyst,
        report,
        report.version,
        key_messages="Three messages:\n- Fund the **national body**\n- Share information\nA closing line.",
        lessons_for_government="Fund the national body <script>alert(1)</script>",
    )
    report = actions.publish(person_with_role(Role.NATIONAL_ADMINISTRATOR), report, report.version, today=TODAY)
    html = client.get("/national-reports/2025/").content.decode()
    assert '<p class="govuk-body">Three messages:</p>' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert "<li>Fund the <strong>national body</strong></li>" in html and "<li>Share information</li>" in html
    assert '<p class="govuk-body">A closing line.</p>' in html
    assert "- Fund the" not in html
    assert "<script>alert(1)" not in html
    assert "Fund the <strong>national body</strong>" in pdf_html(report)


def test_the_pdf_is_a_pdf_and_its_text_hides_every_small_count(client, published):
    response = client.get("/national-reports/2025/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_html(published)
    assert "Fund the national body" in text and "fewer than 5" in text
    assert small_counts_in(text) == []


def test_the_list_of_published_reports(client, published):
    assert "Annual report to the Secretary of State 2025" in client.get("/national-reports/published/").content.decode()


def _neglect_entry(area_name, published_on):
    entry = make_entry(area_name=area_name, published_on=published_on)
    return code(entry.current_findings().get(), "neglect")


def test_briefing_counts_by_year_are_suppressed_as_a_table(client, db):
    for number in range(6):
        _neglect_entry(f"Area {number}", datetime.date(2025, 2, number + 1))
    for number in range(2):
        _neglect_entry(f"Area {number}", datetime.date(2023, 2, number + 1))
    # Not public: never counted on a public page.
    hidden = make_entry(area_name="Area Z", published_on=datetime.date(2025, 3, 3), is_public=False)
    code(hidden.current_findings().get(), "neglect")
    response = client.get("/national-reports/themes/neglect/")
    assert response.status_code == 200
    table = response.context["table"]
    by_year = {row.label: (row.findings, row.reports, row.areas) for row in table.years}
    # 2023's two findings are hidden, and so is a second cell so that they cannot be worked out from the total.
    assert by_year["2023"] == (None, None, None)
    assert by_year["2024"] == (0, 0, 0)
    assert [by_year["2025"][2], table.total.areas] == [6, 6]
    assert None in (by_year["2025"][0], table.total.findings)
    assert small_counts_in(response.content.decode()) == []


def test_briefing_extracts_link_each_published_report(client, db):
    finding = _neglect_entry("Area A", datetime.date(2025, 2, 1))
    summary = make_entry(
        area_name="Area Z",
        published_on=datetime.date(2025, 3, 3),
        is_public=False,
        findings=(("A rapid inquiry summary, for national roles only.", ""),),
    )
    code(summary.current_findings().get(), "neglect")
    response = client.get("/national-reports/themes/neglect/")
    html = response.content.decode()
    assert "for national roles only" not in html and summary.reference not in html
    assert f'href="/learning/reports/{finding.entry.reference}/"' in html
    assert finding.what_happened in html
    assert "Neglect" in html


def test_themes_index_lists_every_theme_with_suppressed_counts(client, db):
    for number in range(5):
        _neglect_entry(f"Area {number}", datetime.date(2025, 2, number + 1))
    _neglect_entry("Area 9", datetime.date(2024, 2, 1))
    code(make_entry(published_on=datetime.date(2025, 1, 1)).current_findings().get(), "online-harm")
    response = client.get("/national-reports/themes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("/national-reports/themes/") >= 31
    tables = {table.theme.slug: table for _group, tables in response.context["groups"] for table in tables}
    assert tables["neglect"].total.areas == 6
    assert tables["online-harm"].total.findings is None
    assert small_counts_in(html) == []


def test_an_unknown_theme_is_404(client, db):
    assert client.get("/national-reports/themes/no-such-theme/").status_code == 404
