"""assess_quality: all 18 markers rated, unknown markers or ratings refused by name; national roles only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.learning.reviewers import actions
from safeguarding.learning.reviewers.models import QualityAssessment
from safeguarding.learning.reviewers.quality_markers import MARKER_KEYS, QUALITY_MARKERS, STAGES
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
ALL_MET = {key: "met" for key in MARKER_KEYS}


def _assess(actor, reviewer, ratings, **extra):
    return actions.assess_quality(
        actor,
        reviewer=reviewer,
        inquiry_kind=extra.pop("inquiry_kind", "nsci"),
        inquiry_key="nsci:7",
        inquiry_label="NSCI 7",
        ratings=ratings,
        **extra,
    )


def test_there_are_18_markers_in_three_stages():
    assert len(QUALITY_MARKERS) == 18
    assert [sum(m.stage == stage for m in QUALITY_MARKERS) for stage in STAGES] == [5, 8, 5]
    assert all(m.description for m in QUALITY_MARKERS)


def test_an_unknown_marker_and_rating_are_refused_naming_them(national_analyst, reviewer):
    with pytest.raises(ValidationError) as refused:
        _assess(national_analyst, reviewer, {**ALL_MET, "vibes": "met", "analysis": "brilliant"})
    errors = refused.value.message_dict
    assert "vibes" in errors["ratings"][0]
    assert "brilliant" in errors["analysis"][0]
    assert not QualityAssessment.objects.exists()


def test_every_marker_must_be_rated(national_analyst, reviewer):
    partial = dict(ALL_MET)
    del partial["referral"]
    with pytest.raises(ValidationError) as refused:
        _assess(national_analyst, reviewer, partial)
    assert list(refused.value.message_dict) == ["referral"]


def test_an_unknown_kind_is_refused(national_analyst, reviewer):
    with pytest.raises(ValidationError, match="lli"):
        _assess(national_analyst, reviewer, ALL_MET, inquiry_kind="serious_case_review")


def test_reassessing_replaces_the_one_assessment_of_an_inquiry(national_analyst, reviewer):
    _assess(national_analyst, reviewer, ALL_MET)
    second = _assess(national_analyst, reviewer, {**ALL_MET, "report": "partly_met"}, comments={"report": "Long"})
    assert QualityAssessment.objects.count() == 1
    assert second.ratings["report"] == "partly_met" and second.comments == {"report": "Long"}


def test_area_roles_may_not_assess(reviewer, area):
    with pytest.raises(PermissionDenied):
        _assess(person_with_role(Role.AREA_ADMINISTRATOR, area), reviewer, ALL_MET)
