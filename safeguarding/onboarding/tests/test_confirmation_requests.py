"""A lead chief officer is asked by email and in the service to confirm the area their organisation was named a
statutory partner of, as they take up the role while that confirmation waits; not once it is confirmed."""

from django.core import mail
from django.urls import reverse

from safeguarding.jobs.testing import run_jobs
from safeguarding.notifications.models import Kind, Notification
from safeguarding.onboarding.actions.areas import confirm_area
from safeguarding.organisations.actions import accept_invitation, end_membership, grant_membership
from safeguarding.organisations.factories import UserFactory
from safeguarding.organisations.models import Invitation, Role
from safeguarding.organisations.models.invitations import hash_token

from .conftest import form


def _accept(email):
    invitation = Invitation.objects.get(email=email)
    invitation.token_hash = hash_token(f"token-{email}")
    invitation.save(update_fields=["token_hash"])
    return accept_invitation(hash_token(f"token-{email}"), "a-long-test-password-1").user


def test_a_lead_chief_officer_taking_up_the_role_is_asked_to_confirm_the_area(national_admin, geography):
    area = form(national_admin, geography, ["Hartlepool"])
    run_jobs()
    mail.outbox.clear()  # the invitations
    officer = _accept("tees.police@example.org")
    run_jobs()
    notice = Notification.objects.get(kind=Kind.AREA_CONFIRMATION_REQUESTED)
    assert notice.recipient == officer and notice.link == reverse("onboarding:area", args=[area.slug])
    assert notice.text == (
        f"Cleveland Police is named a statutory partner of {area.name}: as its lead chief officer, confirm the area "
        "on the area's page."
    )
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["tees.police@example.org"], f"{area.name} awaits your confirmation")
    ]
    assert reverse("onboarding:area", args=[area.slug]) in mail.outbox[0].body

    # Once the police have confirmed, a lead chief officer given the role later is not asked again.
    confirm_area(officer, area)
    end_membership(national_admin, officer.memberships.get(area=area, role=Role.LEAD_CHIEF_OFFICER))
    successor = UserFactory(email="new.chief@example.org")
    grant_membership(national_admin, successor, geography.cleveland_police, area, Role.LEAD_CHIEF_OFFICER)
    run_jobs()
    assert Notification.objects.filter(kind=Kind.AREA_CONFIRMATION_REQUESTED).count() == 1


def test_a_role_given_directly_asks_too_while_the_confirmation_waits(national_admin, geography):
    area = form(national_admin, geography, ["Hartlepool"])
    Invitation.objects.filter(email="tees.health@example.org").delete()
    officer = UserFactory(email="health.officer@example.org")
    grant_membership(national_admin, officer, geography.health, area, Role.LEAD_CHIEF_OFFICER)
    run_jobs()
    assert list(
        Notification.objects.filter(kind=Kind.AREA_CONFIRMATION_REQUESTED).values_list("recipient", flat=True)
    ) == [officer.pk]
