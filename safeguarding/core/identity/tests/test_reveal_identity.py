"""reveal_identity: the details, to an identity role of the child's area with a verified second factor,
with the reason written to the audit trail; refused to everyone else."""

import pytest
from django.core.exceptions import PermissionDenied

from safeguarding.core.identity.actions import IdentityViewReason, find_linked, reveal_identity
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import CHILD, NHS_NUMBER, OTHER_NHS_NUMBER, record_child

pytestmark = pytest.mark.django_db


def test_practitioner_sees_the_details_and_the_reason_is_audited(area, child, practitioner):
    details = reveal_identity(practitioner, child, IdentityViewReason.REVIEW_MEETING)

    assert details["family_name"] == CHILD["family_name"]
    assert details["nhs_number"] == NHS_NUMBER
    event = AuditEvent.objects.get(verb="identity.viewed")
    assert event.actor == practitioner
    assert event.role == Role.PRACTITIONER
    assert event.area == area
    assert event.target_label == child.pseudonym
    assert event.data == {
        "pseudonym": child.pseudonym,
        "reason": "review_meeting",
        "reason_label": "Preparing for a review meeting",
    }


def test_every_view_is_its_own_audit_event(child, panel_member):
    reveal_identity(panel_member, child, IdentityViewReason.MATCHING_NOTIFICATION)
    reveal_identity(panel_member, child, IdentityViewReason.URGENT_SAFEGUARDING)

    reasons = list(
        AuditEvent.objects.filter(verb="identity.viewed").order_by("sequence").values_list("data", flat=True)
    )
    assert [r["reason"] for r in reasons] == ["matching_notification", "urgent_safeguarding"]


@pytest.mark.parametrize(
    "who", ["national_analyst", "national_administrator", "other_area_practitioner", "area_administrator"]
)
def test_refused_to_people_without_an_identity_role_in_the_childs_area(request, child, who):
    person = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        reveal_identity(person, child, IdentityViewReason.REVIEW_MEETING)
    assert not AuditEvent.objects.filter(verb="identity.viewed").exists()


def test_refused_to_a_practitioner_who_has_not_entered_a_second_factor(area, child):
    practitioner = person_with_role(Role.PRACTITIONER, area)
    practitioner.is_verified = lambda: False

    with pytest.raises(PermissionDenied):
        reveal_identity(practitioner, child, IdentityViewReason.REVIEW_MEETING)


def test_refused_to_a_practitioner_seen_without_django_otp(area, child):
    with pytest.raises(PermissionDenied):
        reveal_identity(person_with_role(Role.PRACTITIONER, area), child, IdentityViewReason.REVIEW_MEETING)


def test_an_unknown_reason_is_refused_and_nothing_is_audited(child, practitioner):
    with pytest.raises(ValueError, match="Unknown reason"):
        reveal_identity(practitioner, child, "curiosity")
    assert not AuditEvent.objects.filter(verb="identity.viewed").exists()


def test_linked_records_share_the_nhs_number_across_areas(area, other_area, child):
    elsewhere = record_child(other_area, nhs_number="943-476-5919")
    unrelated = record_child(area, nhs_number=OTHER_NHS_NUMBER)

    assert list(find_linked(child)) == [elsewhere]
    assert list(find_linked(elsewhere)) == [child]
    assert not find_linked(unrelated).exists()


def test_children_without_an_nhs_number_are_never_linked(area):
    first = record_child(area, nhs_number=None, nhs_number_unavailable_reason="Not known")
    record_child(area, nhs_number=None, nhs_number_unavailable_reason="Not known")

    assert not find_linked(first).exists()
