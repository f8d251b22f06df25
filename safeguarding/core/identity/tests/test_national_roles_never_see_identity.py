"""Whoever holds a national role sees pseudonyms only, even if they also hold an area identity role
(older data, or a role given before the two were kept apart)."""

import pytest
from django.core.exceptions import PermissionDenied

from safeguarding.child_deaths.factories import make_case
from safeguarding.core.identity.actions import IdentityViewReason, reveal_identity
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import MembershipFactory, person_with_role
from safeguarding.organisations.models import Role

from .conftest import verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def national_admin_also_practitioner(area):
    """Made straight in the database: the actions refuse to give these two roles to one person."""
    person = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    MembershipFactory(user=person, area=area, role=Role.PRACTITIONER)
    return verified(person)


def test_an_area_identity_role_does_not_let_a_national_administrator_read_identity(
    child, national_admin_also_practitioner
):
    assert not national_admin_also_practitioner.has_perm("core.view_identity", child)
    with pytest.raises(PermissionDenied):
        reveal_identity(national_admin_also_practitioner, child, IdentityViewReason.REVIEW_MEETING)
    assert not AuditEvent.objects.filter(verb="identity.viewed").exists()


def test_nor_a_child_death_case_identity(area, national_admin_also_practitioner):
    case = make_case(area)
    assert not national_admin_also_practitioner.has_perm("child_deaths.view_identity", case)


def test_the_practitioner_without_a_national_role_still_reads_it(child, practitioner):
    assert practitioner.has_perm("core.view_identity", child)


def test_the_child_page_offers_no_reveal_to_them(client, sign_in, child, national_admin_also_practitioner):
    sign_in(national_admin_also_practitioner)
    page = client.get(f"/children/{child.pseudonym}/")
    assert page.status_code == 200
    assert b"Ellery" not in page.content
    revealed = client.post(f"/children/{child.pseudonym}/", {"reason": "review_meeting"})
    assert b"Quennell" not in revealed.content
    assert not AuditEvent.objects.filter(verb="identity.viewed").exists()
