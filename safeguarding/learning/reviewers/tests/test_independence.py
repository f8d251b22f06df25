from datetime import date

import pytest

from safeguarding.core.clocks.models import PolicySetting
from safeguarding.learning.reviewers import independence
from safeguarding.learning.reviewers.factories import add_accreditation, add_employment, make_reviewer
from safeguarding.learning.reviewers.models import Availability
from safeguarding.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db

ON = date(2026, 11, 26)


@pytest.fixture
def leeds():
    return OrganisationFactory(name="Leeds City Council")


def test_an_accredited_available_reviewer_with_no_ties_is_eligible(area):
    assert independence.check(make_reviewer(), areas=[area], on=ON) == []


def test_employment_with_an_organisation_ended_within_the_window_excludes(leeds):
    reviewer = make_reviewer()
    add_employment(reviewer, organisation=leeds, started_on=date(2015, 1, 5), ended_on=date(2023, 3, 3))

    reasons = independence.check(reviewer, organisations=[leeds], on=ON)

    assert reasons == ["Worked for Leeds City Council until 3 March 2023: less than 5 years ago"]


def test_employment_ended_before_the_window_does_not_exclude(leeds):
    reviewer = make_reviewer()
    add_employment(reviewer, organisation=leeds, started_on=date(2010, 1, 5), ended_on=date(2021, 11, 1))

    assert independence.check(reviewer, organisations=[leeds], on=ON) == []


def test_the_window_is_read_from_the_policy_table(leeds):
    reviewer = make_reviewer()
    add_employment(reviewer, organisation=leeds, started_on=date(2010, 1, 5), ended_on=date(2021, 11, 1))
    PolicySetting.objects.filter(key="reviewer-independence-years").update(value=7)

    reasons = independence.check(reviewer, organisations=[leeds], on=ON)

    assert reasons == ["Worked for Leeds City Council until 1 November 2021: less than 7 years ago"]

    PolicySetting.objects.filter(key="reviewer-independence-years").update(value=2)
    assert independence.check(reviewer, organisations=[leeds], on=ON) == []


def test_current_employment_excludes(leeds):
    reviewer = make_reviewer()
    add_employment(reviewer, organisation=leeds, started_on=date(2019, 4, 1))

    reasons = independence.check(reviewer, organisations=[leeds], on=ON)

    assert reasons == ["Works for Leeds City Council (since 1 April 2019): current employment"]


def test_a_partner_organisation_of_the_area_counts_as_the_area(area, leeds):
    area.partners.add(leeds)
    reviewer = make_reviewer()
    add_employment(reviewer, organisation=leeds, started_on=date(2019, 4, 1), ended_on=date(2024, 6, 30))

    assert independence.check(reviewer, areas=[area], on=ON) == [
        "Worked for Leeds City Council until 30 June 2024: less than 5 years ago"
    ]


def test_employment_in_the_area_itself_excludes_and_other_areas_do_not(area, other_area):
    reviewer = make_reviewer()
    add_employment(reviewer, area=area, started_on=date(2020, 1, 1), ended_on=date(2025, 1, 1))

    assert len(independence.check(reviewer, areas=[area], on=ON)) == 1
    assert independence.check(reviewer, areas=[other_area], on=ON) == []
    assert independence.check(reviewer, areas=[other_area.pk, area.pk], on=ON) != []


def test_expired_or_missing_accreditation_excludes(area):
    expired = make_reviewer(accredited=False)
    add_accreditation(expired, date(2020, 1, 1), date(2025, 1, 1))
    none = make_reviewer(accredited=False)

    assert independence.check(expired, areas=[area], on=ON) == ["Accreditation expired on 1 January 2025"]
    assert independence.check(none, areas=[area], on=ON) == ["No accreditation recorded"]
    # The same accreditation was current on an earlier date.
    assert independence.check(expired, areas=[area], on=date(2024, 6, 1)) == []


def test_a_reviewer_not_available_is_excluded_until_the_date_they_return(area):
    reviewer = make_reviewer(availability=Availability.NOT_AVAILABLE, available_from=date(2027, 1, 4))

    assert independence.check(reviewer, areas=[area], on=ON) == ["Not available until 4 January 2027"]
    assert independence.check(reviewer, areas=[area], on=date(2027, 1, 4)) == []


def test_eligible_reviewers_splits_the_register_and_gives_reasons(area, leeds):
    area.partners.add(leeds)
    ok = make_reviewer(UserFactory(full_name="Ann Able"))
    tied = make_reviewer(UserFactory(full_name="Ben Bound"))
    add_employment(tied, organisation=leeds, started_on=date(2019, 4, 1))

    eligible, excluded = independence.eligible_reviewers(areas=[area], on=ON)

    assert eligible == [ok]
    assert excluded == [(tied, ["Works for Leeds City Council (since 1 April 2019): current employment"])]


def test_reviewer_for_user():
    reviewer = make_reviewer()

    assert independence.reviewer_for_user(reviewer.user) == reviewer
    assert independence.reviewer_for_user(UserFactory()) is None


def test_a_role_held_for_an_agency_of_the_area_counts_as_current_employment(area, other_area, leeds):
    """A reviewer whose platform role is held for a partner of the area is not independent of it,
    though she declared no employment."""
    area.partners.add(leeds)
    reviewer = make_reviewer(UserFactory(full_name="Helen Marsh"))
    MembershipFactory(user=reviewer.user, organisation=leeds, area=other_area, role=Role.REVIEWER)

    reasons = independence.check(reviewer, areas=[area], on=ON)

    assert reasons == [f"Holds the role of reviewer for Leeds City Council in {other_area.name}: current employment"]
    eligible, excluded = independence.eligible_reviewers(areas=[area], on=ON)
    assert reviewer not in eligible and [r for r, _ in excluded] == [reviewer]


def test_a_role_held_in_the_area_itself_counts_but_the_reviewer_role_there_does_not(area, other_area):
    """The reviewer role in an area is how an inquiry's own reviewer reaches its cases: it is not employment
    unless held for one of the area's agencies. Any other role held in the area is."""
    reviewer = make_reviewer()
    MembershipFactory(user=reviewer.user, area=area, role=Role.REVIEWER)
    assert independence.check(reviewer, areas=[area], on=ON) == []
    MembershipFactory(user=reviewer.user, area=other_area, role=Role.PRACTITIONER)
    assert independence.check(reviewer, areas=[area], on=ON) == []
    assert len(independence.check(reviewer, areas=[other_area], on=ON)) == 1
