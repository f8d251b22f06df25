"""The pages: list with filters, pagination and the referrals panel; propose pre-filled; assess and decide;
report and publish. Refusals of area people are in the authorization matrix."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.nsci.models import InquirySource, NationalInquiry
from safeguarding.learning.nsci.states import InquiryStatus
from safeguarding.learning.repository.factories import make_entry
from safeguarding.learning.repository.models import Theme

pytestmark = pytest.mark.django_db


def test_the_empty_list_says_so(client, sign_in, analyst):
    sign_in(analyst)
    page = client.get(reverse("nsci:list")).content.decode()
    assert "No national inquiry has been proposed yet" in page
    assert reverse("nsci:propose") in page


def test_the_list_filters_by_status_and_clock_and_pages_twenty_at_a_time(client, sign_in, analyst, administrator, area):
    today = timezone.localdate()
    for _ in range(21):
        make_inquiry([area], proposed_by=analyst, today=today)
    declined = make_inquiry([area], InquiryStatus.DECLINED, proposed_by=analyst, actor=administrator, today=today)
    overdue = make_inquiry([area], proposed_by=analyst, today=today - datetime.timedelta(days=60))
    sign_in(analyst)
    first = client.get(reverse("nsci:list")).content.decode()
    assert "23 inquiries" in first and 'aria-label="Pages of national inquiries"' in first
    by_status = client.get(reverse("nsci:list"), {"status": "declined"}).content.decode()
    assert declined.reference in by_status and "1 inquiry" in by_status
    by_clock = client.get(reverse("nsci:list"), {"clock": "overdue"}).content.decode()
    assert overdue.reference in by_clock and "1 inquiry" in by_clock
    none = client.get(reverse("nsci:list"), {"status": "published"}).content.decode()
    assert "No national inquiry matches these filters" in none


def test_referrals_awaiting_a_proposal_are_listed_until_proposed(client, sign_in, analyst, area):
    referred = make_incident(area, IncidentStatus.REFERRED_NSCI, decided_on=datetime.date(2026, 11, 10))
    sign_in(analyst)
    page = client.get(reverse("nsci:list")).content.decode()
    assert "Rapid inquiry referrals awaiting a proposal" in page and referred.reference in page
    form = client.get(reverse("nsci:propose"), {"incident": referred.pk}).content.decode()
    assert f"Referral of {referred.reference}" in form
    assert referred.area.name in form
    response = client.post(
        reverse("nsci:propose"),
        {
            "source": InquirySource.REFERRAL,
            "incident": referred.pk,
            "title": f"Referral of {referred.reference}",
            "summary_of_concern": "Referred for its national significance",
            "areas": [area.pk],
        },
    )
    inquiry = NationalInquiry.objects.get()
    assert response.status_code == 302 and inquiry.incident == referred
    assert "Rapid inquiry referrals awaiting a proposal" not in client.get(reverse("nsci:list")).content.decode()


def test_propose_from_an_alert_prefills_theme_areas_and_summary(client, sign_in, analyst, area, other_area):
    theme = Theme.objects.first()
    alert = RecurrenceAlert.objects.create(
        theme=theme,
        window_start=datetime.date(2024, 11, 1),
        window_end=datetime.date(2026, 10, 31),
        report_count=6,
        area_count=3,
        minimum_reports=5,
        minimum_areas=3,
        window_months=24,
        raised_on=datetime.date(2026, 11, 1),
    )
    alert.entries.add(make_entry(area=area), make_entry(area=other_area))
    sign_in(analyst)
    page = client.get(reverse("nsci:propose"), {"alert": alert.pk}).content.decode()
    assert f"Recurring learning: {theme.name}" in page
    assert "6 published reports from 3 safeguarding areas" in page
    assert f'value="{area.pk}" checked' in page and f'value="{other_area.pk}" checked' in page
    assert f'value="{theme.pk}" checked' in page


def test_a_proposal_with_nothing_filled_in_names_each_field(client, sign_in, analyst):
    sign_in(analyst)
    response = client.post(reverse("nsci:propose"), {"source": InquirySource.ANALYST})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Enter a short title" in page and "Select at least one safeguarding area" in page


def test_assess_then_decide_on_the_page(client, sign_in, analyst, administrator, area):
    inquiry = make_inquiry([area], proposed_by=analyst)
    sign_in(administrator)
    url = reverse("nsci:assess", kwargs={"pk": inquiry.pk})
    refused = client.post(url, {"form": "decide", "decide-version": inquiry.version, "decide-decision": "accept"})
    assert "Enter the reasons for the decision" in refused.content.decode()
    assert "at least one of the criteria" in refused.content.decode()
    client.post(url, {"form": "assess", "version": inquiry.version, "gravity": "on", "gravity_note": "A death"})
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.UNDER_ASSESSMENT
    response = client.post(
        url,
        {
            "form": "decide",
            "decide-version": inquiry.version,
            "decide-decision": "accept",
            "decide-decision_reasons": "Grave",
        },
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.ACCEPTED
    detail = client.get(reverse("nsci:inquiry", kwargs={"pk": inquiry.pk})).content.decode()
    assert "Set up the inquiry" in detail and "Grave" in detail


def test_write_draft_and_publish_on_the_pages(client, sign_in, analyst, administrator, area):
    inquiry = make_inquiry([area], InquiryStatus.IN_PROGRESS, proposed_by=analyst, actor=administrator)
    sign_in(administrator)
    url = reverse("nsci:report", kwargs={"pk": inquiry.pk})
    client.post(url, {"form": "summary", "summary-version": inquiry.version, "summary-report_summary": "Summary"})
    client.post(url, {"form": "finding", "finding-what_happened": "Nobody asked", "finding-why": "No prompt"})
    missing = client.post(url, {"form": "recommendation", "recommendation-text": "Add a prompt"})
    assert "Enter the national body or government department" in missing.content.decode()
    client.post(
        url, {"form": "recommendation", "recommendation-text": "Add a prompt", "recommendation-addressee": "DfE"}
    )
    inquiry.refresh_from_db()
    client.post(url, {"form": "drafted", "version": inquiry.version})
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.REPORT_DRAFTED
    client.post(reverse("nsci:publish", kwargs={"pk": inquiry.pk}), {"version": inquiry.version})
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.PUBLISHED
    detail = client.get(reverse("nsci:inquiry", kwargs={"pk": inquiry.pk})).content.decode()
    assert inquiry.repository_entry.reference in detail


def test_progress_page_starts_the_inquiry_and_records_notes(client, sign_in, analyst, administrator, area):
    inquiry = make_inquiry([area], InquiryStatus.SET_UP, proposed_by=analyst, actor=administrator)
    sign_in(administrator)
    url = reverse("nsci:progress", kwargs={"pk": inquiry.pk})
    client.post(url, {"form": "start", "version": inquiry.version})
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.IN_PROGRESS
    today = timezone.localdate()
    client.post(
        url,
        {"form": "note", "noted_on_0": today.day, "noted_on_1": today.month, "noted_on_2": today.year, "text": "Met"},
    )
    assert inquiry.progress_notes.get().text == "Met"


def test_a_finding_is_removed_from_the_draft_on_the_report_page(client, sign_in, analyst, administrator, area):
    from safeguarding.learning.nsci.actions import report

    inquiry = make_inquiry([area], InquiryStatus.IN_PROGRESS, proposed_by=analyst, actor=administrator)
    finding = report.add_finding(administrator, inquiry, what_happened="Written twice by mistake")
    sign_in(administrator)
    url = reverse("nsci:report", kwargs={"pk": inquiry.pk})
    assert 'Remove<span class="govuk-visually-hidden"> finding 1' in client.get(url).content.decode()
    assert client.post(url, {"form": "remove-finding", "row": 999999}).status_code == 404
    assert client.post(url, {"form": "remove-finding", "row": finding.pk}).status_code == 302
    assert not inquiry.findings.exists()
