"""The independent team: an ineligible reviewer is refused by the action, naming them and why; the set-up
page offers only the eligible and lists the excluded with their reasons."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeguarding.learning.nsci.actions import setup
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.nsci.models import TeamMember, TeamRole
from safeguarding.learning.nsci.states import InquiryStatus
from safeguarding.learning.reviewers.factories import add_employment, make_reviewer
from safeguarding.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(analyst, administrator, area, council):
    return make_inquiry([area], InquiryStatus.ACCEPTED, proposed_by=analyst, actor=administrator)


@pytest.fixture
def former_council_manager(council):
    """Worked for Area A Council until two years ago: not independent of an inquiry involving it."""
    reviewer = make_reviewer(UserFactory(full_name="Pat Former", email="pat@reviewers.example"))
    add_employment(
        reviewer, organisation=council, started_on=datetime.date(2015, 1, 5), ended_on=datetime.date(2024, 8, 30)
    )
    return reviewer


@pytest.fixture
def independent():
    return make_reviewer(UserFactory(full_name="Sam Independent", email="sam@reviewers.example"))


def _set_up(administrator, inquiry, lead, members=()):
    return setup.save_set_up(
        administrator,
        inquiry,
        inquiry.version,
        terms_of_reference="How agencies learn about the adults in a baby's life",
        methodology_notes="Systems review",
        lead_reviewer=lead,
        members=members,
    )


def test_an_ineligible_member_is_refused_naming_them_and_the_reason(
    administrator, accepted, former_council_manager, independent
):
    with pytest.raises(ValidationError) as refused:
        _set_up(administrator, accepted, independent, [former_council_manager])
    message = refused.value.message_dict["members"][0]
    assert "Pat Former cannot sit on this inquiry" in message
    assert "Area A Council" in message and "less than 5 years ago" in message
    accepted.refresh_from_db()
    assert accepted.status == InquiryStatus.ACCEPTED and not TeamMember.objects.exists()


def test_an_ineligible_lead_is_refused(administrator, accepted, former_council_manager):
    with pytest.raises(ValidationError) as refused:
        _set_up(administrator, accepted, former_council_manager)
    assert "Pat Former cannot lead this inquiry" in refused.value.message_dict["lead_reviewer"][0]


def test_an_unaccredited_reviewer_is_refused(administrator, accepted, independent):
    unaccredited = make_reviewer(UserFactory(full_name="Lee Unaccredited"), accredited=False)
    with pytest.raises(ValidationError) as refused:
        _set_up(administrator, accepted, independent, [unaccredited])
    assert "No accreditation recorded" in refused.value.message_dict["members"][0]


def test_eligible_reviewers_are_appointed_and_the_inquiry_is_set_up(administrator, accepted, independent):
    member = make_reviewer(UserFactory(full_name="Kim Member"))
    _set_up(administrator, accepted, independent, [member])
    assert accepted.status == InquiryStatus.SET_UP
    assert [(m.reviewer, m.role) for m in accepted.team.all()] == [
        (independent, TeamRole.LEAD),
        (member, TeamRole.MEMBER),
    ]


def test_the_lead_cannot_also_be_a_member(administrator, accepted, independent):
    with pytest.raises(ValidationError) as refused:
        _set_up(administrator, accepted, independent, [independent])
    assert "already the lead reviewer" in refused.value.message_dict["members"][0]


def test_the_set_up_needs_terms_methodology_and_a_lead(administrator, accepted):
    with pytest.raises(ValidationError) as refused:
        setup.save_set_up(administrator, accepted, accepted.version, terms_of_reference=" ")
    assert set(refused.value.message_dict) == {"terms_of_reference", "methodology", "lead_reviewer"}


def test_the_page_offers_only_the_eligible_and_says_why_others_are_excluded(
    client, sign_in, administrator, accepted, former_council_manager, independent
):
    sign_in(administrator)
    page = client.get(reverse("nsci:set-up", kwargs={"pk": accepted.pk})).content.decode()
    options, _, excluded = page.partition("Reviewers who cannot serve on this inquiry")
    assert "Sam Independent" in options and "Pat Former" not in options
    assert "Pat Former" in excluded and "less than 5 years ago" in excluded


def test_a_refused_member_posted_to_the_page_shows_the_error_on_the_team_field(
    client, sign_in, administrator, accepted, former_council_manager, independent
):
    sign_in(administrator)
    response = client.post(
        reverse("nsci:set-up", kwargs={"pk": accepted.pk}),
        {
            "version": accepted.version,
            "terms_of_reference": "Terms",
            "methodology_notes": "Systems review",
            "lead_reviewer": independent.pk,
            "members": [former_council_manager.pk],
        },
    )
    assert response.status_code == 200
    assert "Pat Former cannot sit on this inquiry" in response.content.decode()
    assert 'href="#id_members' in response.content.decode()
