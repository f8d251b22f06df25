"""The register's pages: filters, CPD column, empty states, forms naming fields, the assessment page."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.reviewers.factories import add_accreditation, add_employment, make_reviewer
from safeguarding.learning.reviewers.models import Availability, CpdRecord, QualityAssessment
from safeguarding.learning.reviewers.quality_markers import MARKER_KEYS
from safeguarding.organisations.factories import UserFactory, person_with_role
from safeguarding.organisations.models import Role

from .conftest import completed_lli

pytestmark = pytest.mark.django_db


def test_the_register_lists_reviewers_with_cpd_compliance(client, sign_in, national_analyst, reviewer):
    CpdRecord.objects.create(
        reviewer=reviewer, completed_on=timezone.localdate(), hours=5, activity="Course", recorded_by=reviewer.user
    )
    sign_in(national_analyst)
    page = client.get(reverse("reviewers:list")).content.decode()
    assert "Helen Marsh" in page and "5 of 18 hours" in page and "13 hours short" in page
    assert "Add a reviewer" not in page  # analysts read, administrators change


def test_the_register_filters_by_specialism_availability_and_accreditation(client, sign_in, national_admin):
    make_reviewer(UserFactory(full_name="Ann Able"), specialisms=["neglect"])
    make_reviewer(UserFactory(full_name="Ben Busy"), availability=Availability.NOT_AVAILABLE)
    lapsed = make_reviewer(UserFactory(full_name="Cara Lapsed"), accredited=False)
    add_accreditation(lapsed, date(2019, 1, 1), date(2024, 1, 1))
    sign_in(national_admin)

    def names(**query):
        rows = client.get(reverse("reviewers:list"), query).context["page"].object_list
        return [row["reviewer"].name for row in rows]

    assert names() == ["Ann Able", "Ben Busy", "Cara Lapsed"]
    assert names(specialism="neglect") == ["Ann Able"]
    assert names(availability="not_available") == ["Ben Busy"]
    assert names(status="expired") == ["Cara Lapsed"]
    assert names(status="bogus") == ["Ann Able", "Ben Busy", "Cara Lapsed"]  # an edited link is ignored


def test_empty_states(client, sign_in, national_admin):
    sign_in(national_admin)
    assert "No one is on the register yet" in client.get(reverse("reviewers:list")).content.decode()
    page = client.get(reverse("reviewers:list"), {"specialism": "neglect"}).content.decode()
    assert "No reviewer matches these filters" in page


def test_the_register_paginates(client, sign_in, national_admin):
    for n in range(27):
        make_reviewer(UserFactory(full_name=f"Reviewer {n:02d}"), accredited=False)
    sign_in(national_admin)
    response = client.get(reverse("reviewers:list"), {"page": 2})
    assert len(response.context["page"].object_list) == 2
    assert response.context["pagination"] is not None


def test_adding_a_reviewer_through_the_page(client, sign_in, national_admin):
    UserFactory(email="new.reviewer@example.org", full_name="Nia New")
    sign_in(national_admin)
    response = client.post(
        reverse("reviewers:add"),
        {"email": "new.reviewer@example.org", "specialisms": ["infants"], "availability": "available"},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Nia New" in page and "Infants and pre-birth" in page and "No accreditation recorded" in page


def test_an_unknown_email_is_named_on_the_field(client, sign_in, national_admin):
    sign_in(national_admin)
    response = client.post(reverse("reviewers:add"), {"email": "nobody@example.org", "availability": "available"})
    assert "There is no account with this email address" in response.context["form"].errors["email"][0]


def test_an_accreditation_expiring_before_its_award_is_refused_on_the_field(client, sign_in, national_admin, reviewer):
    sign_in(national_admin)
    response = client.post(
        reverse("reviewers:add-accreditation", args=[reviewer.pk]),
        {
            "level": "lead",
            "awarding_body": "National body",
            "accredited_on_0": "1",
            "accredited_on_1": "6",
            "accredited_on_2": "2026",
            "expires_on_0": "1",
            "expires_on_1": "6",
            "expires_on_2": "2025",
        },
    )
    assert response.status_code == 200
    assert "after the date of accreditation" in response.context["form"].errors["expires_on"][0]


def test_cpd_and_employment_pages_save_and_refuse(client, sign_in, national_admin, reviewer, area):
    sign_in(national_admin)
    cpd_url = reverse("reviewers:add-cpd", args=[reviewer.pk])
    refused = client.post(
        cpd_url, {"completed_on_0": "1", "completed_on_1": "3", "completed_on_2": "2026", "hours": "120"}
    )
    assert "no more than 100" in refused.context["form"].errors["hours"][0]
    assert "activity" in refused.context["form"].errors
    saved = client.post(
        cpd_url,
        {"completed_on_0": "1", "completed_on_1": "3", "completed_on_2": "2026", "hours": "2.5", "activity": "Course"},
    )
    assert saved.status_code == 302
    job = client.post(
        reverse("reviewers:add-employment", args=[reviewer.pk]),
        {
            "area": area.pk,
            "role_title": "Partnership manager",
            "started_on_0": "1",
            "started_on_1": "1",
            "started_on_2": "2019",
        },
    )
    assert job.status_code == 302
    page = client.get(reverse("reviewers:reviewer", args=[reviewer.pk])).content.decode()
    assert "Partnership manager" in page and "Current" in page and "2.5" in page


def test_a_reviewer_sees_their_own_page_but_not_the_register(client, sign_in, reviewer):
    sign_in(reviewer.user)
    assert client.get(reverse("reviewers:reviewer", args=[reviewer.pk])).status_code == 200
    assert client.get(reverse("reviewers:list")).status_code == 404
    other = make_reviewer()
    assert client.get(reverse("reviewers:reviewer", args=[other.pk])).status_code == 404


def test_assessing_a_completed_inquiry_from_the_reviewer_page(client, sign_in, national_analyst, reviewer, area):
    incident = completed_lli(area, reviewer)
    completed_lli(area, make_reviewer())  # another reviewer's
    sign_in(national_analyst)

    page = client.get(reverse("reviewers:reviewer", args=[reviewer.pk])).content.decode()
    assert "Assess an inquiry" in page and "(1 completed local learning inquiry)" in page
    listing = client.get(reverse("reviewers:inquiries", args=[reviewer.pk]))
    assert [row[0] for row in listing.context["rows"]] == [incident]

    url = reverse("reviewers:assess", args=[reviewer.pk, incident.pk])
    ratings = {key: "met" for key in MARKER_KEYS}
    ratings["analysis"] = "not_met"
    missing = dict(ratings)
    del missing["publication"]
    refused = client.post(url, missing)
    assert "publication" in refused.context["form"].errors
    assert not QualityAssessment.objects.exists()

    saved = client.post(url, {**ratings, "analysis_comment": "Describes, does not explain", "overall_comment": "Fair"})
    assert saved.status_code == 302
    assessment = QualityAssessment.objects.get()
    assert assessment.inquiry_key == f"incident:{incident.pk}" and assessment.comments == {
        "analysis": "Describes, does not explain"
    }
    page = client.get(reverse("reviewers:reviewer", args=[reviewer.pk]))
    analysis = next(row for row in page.context["marker_counts"] if row[0].key == "analysis")
    assert analysis[1:] == (0, 0, 1)


def test_an_inquiry_not_completed_or_led_by_someone_else_cannot_be_assessed(
    client, sign_in, national_analyst, reviewer, area
):
    in_progress = completed_lli(area, reviewer, status=IncidentStatus.FINDINGS)
    someone_elses = completed_lli(area, make_reviewer())
    sign_in(national_analyst)
    for incident in (in_progress, someone_elses):
        assert client.get(reverse("reviewers:assess", args=[reviewer.pk, incident.pk])).status_code == 404


def test_area_people_cannot_assess(client, sign_in, reviewer, area):
    incident = completed_lli(area, reviewer)
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area))
    assert client.get(reverse("reviewers:assess", args=[reviewer.pk, incident.pk])).status_code == 404


def test_recording_the_end_of_a_job_through_the_page(client, sign_in, national_admin, reviewer, area):
    job = add_employment(reviewer, area=area, started_on=date(2019, 1, 7))
    sign_in(national_admin)
    url = reverse("reviewers:edit-employment", args=[reviewer.pk, job.pk])
    form = client.get(url).context["form"]
    assert form.initial["area"] == area and form.initial["ended_on"] is None
    response = client.post(
        url,
        {
            "version": job.version,
            "area": area.pk,
            "role_title": "Partnership manager",
            "started_on_0": "7",
            "started_on_1": "1",
            "started_on_2": "2019",
            "ended_on_0": "31",
            "ended_on_1": "3",
            "ended_on_2": "2024",
        },
    )
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.ended_on == date(2024, 3, 31) and job.role_title == "Partnership manager"
