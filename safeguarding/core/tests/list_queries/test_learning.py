"""List pages of the national learning framework: the repository and its coding queue and digest, intelligence,
national inquiries, the reviewer register, the national body's reports. The table of every list page and its
test is in this package's __init__.py."""

import datetime

import pytest
from django.utils import timezone

from safeguarding.incidents.factories import child_of, make_incident
from safeguarding.incidents.models import LocalLearningInquiry
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.intelligence import similarity
from safeguarding.learning.intelligence.models import AlertStatus, RecurrenceAlert
from safeguarding.learning.national_reports.models import AnnualReport, ReportStatus
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.nsci.models.inquiry import ProgressNote
from safeguarding.learning.nsci.models.report import NationalFinding, NationalRecommendation
from safeguarding.learning.nsci.models.team import TeamMember, TeamRole
from safeguarding.learning.nsci.states import InquiryStatus
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.learning.repository.models import Theme
from safeguarding.learning.reviewers.factories import add_accreditation, add_employment, make_reviewer
from safeguarding.learning.reviewers.models import CpdRecord
from safeguarding.organisations.factories import OrganisationFactory, SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Role

from .helpers import nhs_number, rows_of, same_for_a_bigger_object, same_for_more_rows

pytestmark = pytest.mark.django_db


def _coded_entry(number):
    entry = make_entry(findings=[("The baby was often hungry.", "Neglect was not named.")])
    code(entry.current_findings().first(), "neglect")
    return entry


@pytest.mark.parametrize(
    "url", ["/learning/", "/learning/?q=hungry", "/learning/?theme=neglect&sort=oldest", "/national-reports/themes/"]
)
def test_public_pages_of_coded_reports(client, url):
    same_for_more_rows(client, url, rows_of(_coded_entry))


def test_theme_briefing(client):
    same_for_more_rows(client, "/national-reports/themes/neglect/", rows_of(_coded_entry))


@pytest.mark.parametrize("url", ["/learning/national/?q=hungry", "/intelligence/"])
def test_national_pages_of_coded_reports(client, sign_in, url):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    same_for_more_rows(client, url, rows_of(_coded_entry))


def test_coding_queue(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    same_for_more_rows(client, "/learning/coding/", rows_of(lambda n: make_entry()))


def test_digest_months(client):
    def entry_of_its_own_month(number):
        published = datetime.date(2025 - number // 12, 12 - number % 12, 3)
        return make_entry(published_on=published)

    same_for_more_rows(client, "/learning/digest/", rows_of(entry_of_its_own_month))


def test_digest_of_a_month(client):
    same_for_more_rows(client, "/learning/digest/2026-03/", rows_of(lambda n: make_entry()))


def test_recurrence_alerts(client, sign_in):
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    sign_in(analyst)
    themes = iter(Theme.objects.filter(is_active=True).order_by("pk"))

    def alert(number):
        raised = RecurrenceAlert.objects.create(
            theme=next(themes),
            window_start=datetime.date(2025, 12, 1),
            window_end=datetime.date(2026, 11, 30),
            report_count=5,
            area_count=3,
            minimum_reports=5,
            minimum_areas=3,
            window_months=12,
            raised_on=datetime.date(2026, 11, 1),
            status=AlertStatus.DISMISSED if number % 2 else AlertStatus.OPEN,
            dismissed_by=analyst if number % 2 else None,
            dismissed_reason="Known" if number % 2 else "",
            dismissed_at=timezone.now() if number % 2 else None,
        )
        raised.entries.add(make_entry())
        return raised

    same_for_more_rows(client, "/intelligence/alerts/", rows_of(alert))


def test_national_inquiries(client, sign_in, area):
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    sign_in(analyst)

    def inquiry_and_referral(number):
        # A referral from a rapid inquiry awaiting its proposal is listed beside the inquiries.
        make_incident(area, IncidentStatus.REFERRED_NSCI, child=child_of(area, nhs_number=nhs_number(number)))
        return make_inquiry([area, SafeguardingAreaFactory()], proposed_by=analyst, title=f"Inquiry {number}")

    same_for_more_rows(client, "/national-inquiries/", rows_of(inquiry_and_referral))


def test_reviewer_register(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    same_for_more_rows(client, "/reviewers/", rows_of(lambda n: make_reviewer()))


def _annual_report(number, status=ReportStatus.PUBLISHED):
    return AnnualReport.objects.create(
        year=2000 + number,
        status=status,
        assembled_at=timezone.now(),
        published_on=datetime.date(2001 + number, 6, 1) if status == ReportStatus.PUBLISHED else None,
    )


def test_annual_reports_to_manage(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    same_for_more_rows(client, "/national-reports/", rows_of(lambda n: _annual_report(n, ReportStatus.DRAFT)))


def test_published_annual_reports(client):
    same_for_more_rows(client, "/national-reports/published/", rows_of(_annual_report))


def test_reports_of_an_alert(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    alert = RecurrenceAlert.objects.create(
        theme=Theme.objects.get(slug="neglect"),
        window_start=datetime.date(2025, 12, 1),
        window_end=datetime.date(2026, 11, 30),
        report_count=5,
        area_count=3,
        minimum_reports=5,
        minimum_areas=3,
        window_months=12,
        raised_on=datetime.date(2026, 11, 1),
    )

    def entry_of_the_alert(number):
        entry = _coded_entry(number)
        alert.entries.add(entry)
        return entry

    same_for_more_rows(client, f"/intelligence/alerts/{alert.pk}/", rows_of(entry_of_the_alert))


def test_records_of_a_reviewer(client, sign_in, area):
    admin = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    sign_in(admin)
    reviewer = make_reviewer()

    def employment_cpd_and_accreditation(number):
        add_accreditation(reviewer, datetime.date(2010 + number, 1, 1), datetime.date(2013 + number, 1, 1))
        CpdRecord.objects.create(
            reviewer=reviewer,
            completed_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            hours=2,
            activity=f"Course {number}",
            recorded_by=admin,
        )
        return add_employment(
            reviewer,
            started_on=datetime.date(2000 + number, 1, 1),
            ended_on=datetime.date(2000 + number, 12, 31),
            organisation=OrganisationFactory(),
            area=SafeguardingAreaFactory(),
        )

    same_for_more_rows(client, f"/reviewers/{reviewer.pk}/", rows_of(employment_cpd_and_accreditation))


def test_team_notes_and_findings_of_a_national_inquiry(client, sign_in, area):
    admin = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    sign_in(admin)
    inquiry = make_inquiry([area], InquiryStatus.IN_PROGRESS, proposed_by=admin, actor=admin)

    def member_note_finding_and_recommendation(number):
        TeamMember.objects.create(
            inquiry=inquiry,
            reviewer=make_reviewer(),
            role=TeamRole.MEMBER,
            appointed_on=datetime.date(2026, 11, 2),
            appointed_by=admin,
        )
        ProgressNote.objects.create(
            inquiry=inquiry, noted_on=datetime.date(2026, 11, 3), text=f"Note {number}", written_by=admin
        )
        NationalFinding.objects.create(inquiry=inquiry, position=number + 1, what_happened=f"Finding {number}")
        return NationalRecommendation.objects.create(
            inquiry=inquiry, position=number + 1, text=f"Recommendation {number}", addressee="Department for Education"
        )

    same_for_more_rows(client, f"/national-inquiries/{inquiry.pk}/", rows_of(member_note_finding_and_recommendation))


@pytest.mark.parametrize("national", [False, True])
def test_findings_of_a_repository_entry(client, sign_in, national):
    if national:
        sign_in(person_with_role(Role.NATIONAL_ANALYST))

    def entry_with(count):
        entry = make_entry(
            findings=[(f"What happened {n}.", f"Why {n}.") for n in range(count)],
            recommendations=[f"Recommendation {n}." for n in range(count)],
        )
        for finding in entry.current_findings():
            code(finding, "neglect")
        return f"/learning/reports/{entry.reference}/"

    same_for_a_bigger_object(client, entry_with)


def test_completed_inquiries_of_a_reviewer(client, sign_in, area):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    reviewer = make_reviewer()

    def inquiry_led(number):
        incident = make_incident(area, IncidentStatus.PUBLISHED, child=child_of(area, nhs_number=nhs_number(number)))
        return LocalLearningInquiry.objects.create(incident=incident, lead_reviewer=reviewer.user)

    same_for_more_rows(client, f"/reviewers/{reviewer.pk}/inquiries/", rows_of(inquiry_led))


def test_repeated_recommendations(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))

    def near_duplicate_from_another_area(number):
        entry = make_entry(
            area_name=f"Area {number} Safeguarding Partnership",
            recommendations=[f"Partners should agree a neglect screening tool for the area by March 2027 ({number})."],
        )
        code(entry.current_findings().first(), "neglect")
        return entry

    add_entries = rows_of(near_duplicate_from_another_area)

    def entries_compared(count):
        add_entries(count)
        similarity.refresh()  # the stored comparison the page reads, as the background job would make it

    same_for_more_rows(client, "/intelligence/repeated-recommendations/", entries_compared)
