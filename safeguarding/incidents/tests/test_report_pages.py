"""The report pages: writing and completing, redaction of the child's names, publication, the PDF,
national submission, accountability, and who may read which copy."""

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguarding.incidents.factories import child_of, make_incident
from safeguarding.incidents.models import Finding, Recommendation
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
SECTIONS = {
    "title": "Local learning inquiry: a girl of 7",
    "summary": "Ruby was neglected over many months.",
    "background": "The Quenby family moved from Hull in 2025.",
    "methodology_used": "A practitioner learning event.",
    "what_went_well": "The school nurse noticed weight loss.",
    "learning": "Moves between areas broke the plan.",
}


@pytest.fixture
def case(area, council):
    incident = make_incident(
        area, IncidentStatus.FINDINGS, child=child_of(area, given_names="Ruby", family_name="Quenby")
    )
    Finding.objects.create(
        incident=incident,
        what_happened="Ruby missed appointments",
        why="No one followed up",
        journey_stage="planning",
        kind="problem",
    )
    Recommendation.objects.create(incident=incident, addressee=council, change="Follow up missed appointments")
    return incident


def _as(sign_in, role, area, **kwargs):
    person = person_with_role(role, area, **kwargs)
    sign_in(person)
    return person


def test_from_writing_to_publication_without_the_childs_names(client, sign_in, case, area, council):
    _as(sign_in, Role.REVIEWER, area)
    edit = reverse("incidents:report-edit", args=[case.pk])
    page = client.post(edit, {"form": "save", "title": ""}).content.decode()
    assert "Enter the report&#x27;s title" in page
    client.post(edit, {"form": "save", **SECTIONS})
    assert client.post(edit, {"form": "complete"}).status_code == 302
    case.refresh_from_db()
    assert case.status == IncidentStatus.REPORT_DRAFTED and case.lli_completed_on == timezone.localdate()

    redaction = reverse("incidents:redaction", args=[case.pk])
    page = client.get(redaction).content.decode()
    assert "The child's name" in page and "Hull" in page
    version = case.report.version
    page = client.post(redaction, {"version": version, "redactions": ["Quenby", "Hull"]}).content.decode()
    assert "Redact the child&#x27;s name wherever it appears: select Ruby" in page
    client.post(redaction, {"version": version, "redactions": ["Ruby", "Quenby", "Hull"]})
    case.report.refresh_from_db()
    published_text = " ".join(case.report.published_sections.values())
    assert "Ruby" not in published_text and "Quenby" not in published_text and "Hull" not in published_text

    client.logout()
    _as(sign_in, Role.LEAD_CHIEF_OFFICER, area, organisation=council)
    today = timezone.localdate()
    response = client.post(
        reverse("incidents:publish", args=[case.pk]),
        {
            "version": case.report.version,
            "decision": "Publish in full",
            "published_on_0": today.day,
            "published_on_1": today.month,
            "published_on_2": today.year,
        },
    )
    assert response.status_code == 302
    client.post(reverse("incidents:submit-national", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == IncidentStatus.SUBMITTED_NATIONAL

    client.logout()
    _as(sign_in, Role.NATIONAL_ANALYST, None)
    page = client.get(reverse("incidents:report", args=[case.pk])).content.decode()
    assert "[redacted]" in page and "Ruby" not in page and "Quenby" not in page
    pdf = client.get(reverse("incidents:report-pdf", args=[case.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_draft_is_read_by_the_area_only(client, sign_in, case, area):
    _as(sign_in, Role.REVIEWER, area)
    client.post(reverse("incidents:report-edit", args=[case.pk]), {"form": "save", **SECTIONS})
    assert "not been redacted" in client.get(reverse("incidents:report", args=[case.pk])).content.decode()
    client.logout()
    _as(sign_in, Role.NATIONAL_ADMINISTRATOR, None)
    assert client.get(reverse("incidents:report", args=[case.pk])).status_code == 404
    assert client.get(reverse("incidents:report-pdf", args=[case.pk])).status_code == 404


def test_completing_an_empty_report_names_every_missing_section(client, sign_in, case, area):
    _as(sign_in, Role.REVIEWER, area)
    edit = reverse("incidents:report-edit", args=[case.pk])
    client.post(edit, {"form": "save", "title": "Only a title"})
    page = client.post(edit, {"form": "complete"}).content.decode()
    assert "Write the summary" in page and "Say what has been learned" in page
    case.refresh_from_db()
    assert case.status == IncidentStatus.FINDINGS


def test_publication_waits_for_confirmed_redactions(client, sign_in, area, council):
    drafted = make_incident(area, IncidentStatus.REPORT_DRAFTED)
    from safeguarding.incidents.models import LearningReport

    LearningReport.objects.create(incident=drafted, updated_by=person_with_role(Role.REVIEWER, area), **SECTIONS)
    _as(sign_in, Role.LEAD_CHIEF_OFFICER, area, organisation=council)
    page = client.get(reverse("incidents:publish", args=[drafted.pk])).content.decode()
    assert "have not been confirmed" in page
    today = timezone.localdate()
    page = client.post(
        reverse("incidents:publish", args=[drafted.pk]),
        {
            "version": 1,
            "decision": "Publish",
            "published_on_0": today.day,
            "published_on_1": today.month,
            "published_on_2": today.year,
        },
    ).content.decode()
    assert "confirm them first" in page
    drafted.refresh_from_db()
    assert drafted.status == IncidentStatus.REPORT_DRAFTED


def test_accountability_reporting_is_recorded_with_its_date(client, sign_in, area):
    published = make_incident(area, IncidentStatus.PUBLISHED)
    _as(sign_in, Role.AREA_ADMINISTRATOR, area)
    url = reverse("incidents:accountability", args=[published.pk])
    page = client.post(url, {"body": "pcc"}).content.decode()
    assert "Enter the name of the committee or board" in page and "Enter the date the learning was reported" in page
    today = timezone.localdate()
    client.post(
        url,
        {
            "body": "pcc",
            "body_name": "Police and Crime Panel",
            "reported_on_0": today.day,
            "reported_on_1": today.month,
            "reported_on_2": today.year,
        },
    )
    assert "Police and Crime Panel" in client.get(url).content.decode()


def test_the_publisher_previews_exactly_the_redacted_copy_that_will_be_published(client, sign_in, case, area, council):
    _as(sign_in, Role.REVIEWER, area)
    client.post(reverse("incidents:report-edit", args=[case.pk]), {"form": "save", **SECTIONS})
    client.post(reverse("incidents:report-edit", args=[case.pk]), {"form": "complete"})
    preview = reverse("incidents:report-preview", args=[case.pk])
    assert client.get(preview).status_code == 404  # nothing redacted yet: no copy to preview
    case.refresh_from_db()
    client.post(
        reverse("incidents:redaction", args=[case.pk]),
        {"version": case.report.version, "redactions": ["Ruby", "Quenby", "Hull"]},
    )
    client.logout()

    _as(sign_in, Role.LEAD_CHIEF_OFFICER, area, organisation=council)
    publish_page = client.get(reverse("incidents:publish", args=[case.pk])).content.decode()
    assert f'href="{preview}"' in publish_page
    assert f'href="{reverse("incidents:report", args=[case.pk])}"' not in publish_page
    before = client.get(preview).content.decode()
    assert "exactly what will be published" in before
    assert "[redacted]" in before and "Ruby" not in before and "Quenby" not in before and "Hull" not in before

    today = timezone.localdate()
    case.refresh_from_db()
    client.post(
        reverse("incidents:publish", args=[case.pk]),
        {
            "version": case.report.version,
            "decision": "Publish in full",
            "published_on_0": today.day,
            "published_on_1": today.month,
            "published_on_2": today.year,
        },
    )
    after = client.get(reverse("incidents:report", args=[case.pk])).content.decode()

    def body(page):
        """The report itself: from its first heading to the end of the main content."""
        return page[page.index('<h2 class="govuk-heading-m">') : page.index("</main>")]

    assert "[redacted]" in after and body(after) == body(before)
    assert client.get(preview).status_code == 404  # once published, the published copy is the page


def test_the_preview_is_for_the_area_only(client, sign_in, case, area):
    from safeguarding.incidents.models import LearningReport

    LearningReport.objects.create(
        incident=case, updated_by=person_with_role(Role.REVIEWER, area), published_sections=SECTIONS, **SECTIONS
    )
    _as(sign_in, Role.NATIONAL_ADMINISTRATOR, None)
    assert client.get(reverse("incidents:report-preview", args=[case.pk])).status_code == 404
