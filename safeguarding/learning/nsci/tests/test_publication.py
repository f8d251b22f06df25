"""Publication puts the national report in the public repository, once."""

import pytest
from django.core.exceptions import ValidationError

from safeguarding.learning.nsci.actions import report
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.nsci.states import InquiryStatus
from safeguarding.learning.repository.models import EntryKind, RepositoryEntry

pytestmark = pytest.mark.django_db


def test_the_published_report_lands_in_the_repository_with_its_recommendations(
    analyst, administrator, area, other_area
):
    inquiry = make_inquiry([area, other_area], InquiryStatus.PUBLISHED, proposed_by=analyst, actor=administrator)
    entry = RepositoryEntry.objects.get(source_key=f"nsci:{inquiry.pk}")
    assert inquiry.repository_entry == entry
    assert (entry.kind, entry.is_public) == (EntryKind.NSCI_REPORT, True)
    assert entry.area_name == "National (Area A Safeguarding Partnership, Area B Safeguarding Partnership)"
    assert entry.title.startswith(inquiry.reference)
    assert [f.what_happened for f in entry.current_findings()] == ["No agency asked about the mother's partner"]
    assert [(r.text, r.addressee) for r in entry.current_recommendations()] == [
        ("Add a prompt about adults in the household", "Department for Education")
    ]
    assert entry in RepositoryEntry.objects.public()


def test_a_second_publication_is_refused_and_adds_nothing(analyst, administrator, area):
    inquiry = make_inquiry([area], InquiryStatus.PUBLISHED, proposed_by=analyst, actor=administrator)
    with pytest.raises(ValidationError):
        report.publish(administrator, inquiry, inquiry.version)
    assert RepositoryEntry.objects.filter(source_key=f"nsci:{inquiry.pk}").count() == 1
    assert RepositoryEntry.objects.count() == 1


def test_publication_is_for_national_administrators(analyst, administrator, area):
    from django.core.exceptions import PermissionDenied

    inquiry = make_inquiry([area], InquiryStatus.REPORT_DRAFTED, proposed_by=analyst, actor=administrator)
    with pytest.raises(PermissionDenied):
        report.publish(analyst, inquiry, inquiry.version)
    assert not RepositoryEntry.objects.exists()


def test_a_published_inquiry_is_assessed_against_the_quality_markers_on_its_lead_reviewer(
    client, sign_in, analyst, administrator, area
):
    from django.urls import reverse

    from safeguarding.learning.reviewers.models import QualityAssessment
    from safeguarding.learning.reviewers.quality_markers import MARKER_KEYS

    inquiry = make_inquiry([area], InquiryStatus.PUBLISHED, proposed_by=analyst, actor=administrator)
    lead = inquiry.team.get().reviewer
    sign_in(administrator)
    detail = client.get(reverse("nsci:inquiry", kwargs={"pk": inquiry.pk})).content.decode()
    assert reverse("nsci:quality", kwargs={"pk": inquiry.pk}) in detail
    response = client.post(reverse("nsci:quality", kwargs={"pk": inquiry.pk}), dict.fromkeys(MARKER_KEYS, "met"))
    assert response.status_code == 302
    assessment = QualityAssessment.objects.get(inquiry_key=f"nsci:{inquiry.pk}")
    assert (assessment.inquiry_kind, assessment.reviewer) == ("nsci", lead)
