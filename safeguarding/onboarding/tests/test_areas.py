"""Forming a safeguarding area, its refusals, its lead chief officers' confirmations and its changes with history."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.child_deaths.factories import PanelFactory, notify
from safeguarding.core.models import AuditEvent
from safeguarding.onboarding.actions import areas as actions
from safeguarding.onboarding.models import AreaChange, PartnerConfirmation
from safeguarding.organisations.actions import accept_invitation
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Invitation, Role
from safeguarding.organisations.models.invitations import hash_token

from .conftest import council, form

pytestmark = pytest.mark.django_db


def test_forming_an_area_sets_its_partners_invites_its_administrator_and_chief_officers(
    national_admin, geography, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        area = form(national_admin, geography, ["Hartlepool", "Middlesbrough", "Redcar and Cleveland"])
    assert sorted(a.name for a in area.local_authorities.all()) == [
        "Hartlepool",
        "Middlesbrough",
        "Redcar and Cleveland",
    ]
    partners = set(area.partners.values_list("name", flat=True))
    assert {"Hartlepool Council", "Middlesbrough Council", "Redcar and Cleveland Council"} <= partners
    assert {geography.health.name, "Cleveland Police"} <= partners
    invitations = Invitation.objects.filter(area=area)
    assert sorted(invitations.values_list("role", flat=True)) == [
        Role.AREA_ADMINISTRATOR,
        Role.LEAD_CHIEF_OFFICER,
        Role.LEAD_CHIEF_OFFICER,
        Role.LEAD_CHIEF_OFFICER,
    ]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(invitations.values_list("email", flat=True))
    assert PartnerConfirmation.objects.filter(area=area, confirmed_at__isnull=True).count() == 3
    formed = area.changes.get()
    assert formed.kind == AreaChange.Kind.FORMED and "Hartlepool" in formed.description
    assert AuditEvent.objects.filter(verb="area.formed", area=area).count() == 1


def test_only_a_national_administrator_forms_an_area(geography, area):
    area_admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    with pytest.raises(PermissionDenied):
        form(area_admin, geography, ["Hartlepool"])


def test_an_authority_already_in_another_area_is_refused_by_name(national_admin, geography):
    form(national_admin, geography, ["Hartlepool", "Middlesbrough"])
    with pytest.raises(ValidationError) as refusal:
        form(national_admin, geography, ["Middlesbrough", "Stockton-on-Tees"], name="South Tees", email_prefix="st")
    message = refusal.value.message_dict["local_authorities"][0]
    assert "Middlesbrough is already in Tees Valley Safeguarding Partnership" in message


def test_a_bad_invitation_leaves_nothing_half_written(national_admin, geography):
    with pytest.raises(ValidationError) as refusal:
        form(
            national_admin,
            geography,
            ["Hartlepool"],
            administrator=("Ada Admin", "not-an-email"),
        )
    assert "administrator_email" in refusal.value.message_dict
    assert not Invitation.objects.exists()
    assert not AreaChange.objects.exists()
    assert not geography.authorities["Hartlepool"].safeguarding_areas.exists()


def test_partners_must_be_of_their_kind_and_police_the_area(national_admin, geography):
    with pytest.raises(ValidationError) as refusal:
        form(national_admin, geography, ["Hartlepool"], police_force=geography.northumbria_police)
    assert "does not police any of the chosen authorities" in refusal.value.message_dict["police_force"][0]
    with pytest.raises(ValidationError) as refusal:
        form(national_admin, geography, ["Hartlepool"], health_body=geography.cleveland_police)
    assert "health_body" in refusal.value.message_dict
    with pytest.raises(ValidationError) as refusal:
        form(
            national_admin,
            geography,
            ["Hartlepool"],
            local_authority_partner=council(geography.authorities["Middlesbrough"]),
        )
    assert "local_authority_partner" in refusal.value.message_dict


def _accept(email):
    """The invitee accepts with a token we set on the invitation (the real one is only in the email)."""
    invitation = Invitation.objects.get(email=email)
    invitation.token_hash = hash_token(f"token-{email}")
    invitation.save(update_fields=["token_hash"])
    return accept_invitation(hash_token(f"token-{email}"), "a-long-test-password-1").user


def test_each_lead_chief_officer_confirms_the_area(national_admin, geography, client, sign_in):
    area = form(national_admin, geography, ["Hartlepool"])
    officer = _accept("tees.police@example.org")
    sign_in(officer)
    page = client.get(reverse("onboarding:area", args=[area.slug]))
    assert "Confirm the area" in page.content.decode()
    client.post(reverse("onboarding:confirm-area", args=[area.slug]))
    confirmation = PartnerConfirmation.objects.get(area=area, organisation=geography.cleveland_police)
    assert confirmation.confirmed_by == officer
    assert area.changes.filter(kind=AreaChange.Kind.PARTNER_CONFIRMED).count() == 1
    # Once confirmed, a second confirmation is refused and changes nothing.
    response = client.post(reverse("onboarding:confirm-area", args=[area.slug]))
    assert response.status_code == 404
    assert area.changes.filter(kind=AreaChange.Kind.PARTNER_CONFIRMED).count() == 1


def test_an_authority_joins_and_leaves_with_history_and_the_cases_stay(national_admin, geography):
    area = form(national_admin, geography, ["Hartlepool"], effective_on=datetime.date(2026, 1, 1))
    stockton = geography.authorities["Stockton-on-Tees"]
    actions.add_local_authority(national_admin, area, stockton, effective_on=datetime.date(2026, 4, 1))
    assert area.partners.filter(local_authority=stockton).exists()
    case = notify(area).case
    actions.remove_local_authority(national_admin, area, stockton, effective_on=datetime.date(2026, 10, 1))
    assert list(area.local_authorities.all()) == [geography.authorities["Hartlepool"]]
    case.refresh_from_db()
    assert case.area == area
    kinds = list(area.changes.values_list("kind", "effective_on"))
    assert kinds[1:] == [
        (AreaChange.Kind.AUTHORITY_JOINED, datetime.date(2026, 4, 1)),
        (AreaChange.Kind.AUTHORITY_LEFT, datetime.date(2026, 10, 1)),
    ]
    with pytest.raises(ValidationError) as refusal:
        actions.remove_local_authority(national_admin, area, geography.authorities["Hartlepool"])
    assert "only local authority" in refusal.value.message_dict["local_authority"][0]


def test_the_local_authority_partner_cannot_leave(national_admin, geography):
    area = form(national_admin, geography, ["Hartlepool", "Middlesbrough"])
    with pytest.raises(ValidationError) as refusal:
        actions.remove_local_authority(national_admin, area, geography.authorities["Hartlepool"])
    assert "Hartlepool is Tees Valley Safeguarding Partnership's local authority partner" in str(refusal.value)
    actions.remove_local_authority(national_admin, area, geography.authorities["Middlesbrough"])
    assert not area.partners.filter(local_authority=geography.authorities["Middlesbrough"]).exists()


def test_a_change_is_dated_between_the_areas_forming_and_today(national_admin, geography):
    area = form(national_admin, geography, ["Hartlepool"], effective_on=datetime.date(2026, 3, 1))
    stockton = geography.authorities["Stockton-on-Tees"]
    with pytest.raises(ValidationError) as refusal:
        actions.add_local_authority(national_admin, area, stockton, effective_on=datetime.date(2027, 1, 1))
    assert "today or in the past" in refusal.value.message_dict["effective_on"][0]
    with pytest.raises(ValidationError) as refusal:
        actions.add_local_authority(national_admin, area, stockton, effective_on=datetime.date(2026, 2, 1))
    assert "before Tees Valley Safeguarding Partnership was formed on 1 March 2026" in str(refusal.value)


def test_merging_two_areas_moves_authorities_not_cases(national_admin, geography):
    tees = form(national_admin, geography, ["Hartlepool", "Middlesbrough"], effective_on=datetime.date(2026, 1, 1))
    stockton = form(national_admin, geography, ["Stockton-on-Tees"], name="Stockton Partnership", email_prefix="st")
    panel = PanelFactory(name="Stockton Panel", slug="stockton-panel", areas=[stockton])
    case = notify(stockton).case
    actions.merge_areas(national_admin, tees, stockton, effective_on=datetime.date(2026, 9, 1))
    assert sorted(a.name for a in tees.local_authorities.all()) == ["Hartlepool", "Middlesbrough", "Stockton-on-Tees"]
    assert not stockton.local_authorities.exists()
    case.refresh_from_db()
    assert case.area == stockton
    assert actions.merged_into(stockton) == tees
    # The continuing area had no panel: the absorbed area's panel now covers it too, recorded in its history.
    assert set(panel.areas.all()) == {tees, stockton}
    assert panel.changes.get().area == tees
    with pytest.raises(ValidationError, match="has merged into"):
        actions.add_local_authority(national_admin, stockton, geography.authorities["Redcar and Cleveland"])


def test_a_new_health_body_replaces_the_old_and_is_asked_to_confirm(national_admin, geography):
    area = form(national_admin, geography, ["Hartlepool"])
    actions.change_health_body(national_admin, area, geography.merged_health)
    assert not area.partners.filter(pk=geography.health.pk).exists()
    assert area.partners.filter(pk=geography.merged_health.pk).exists()
    assert PartnerConfirmation.objects.get(area=area, organisation=geography.merged_health).confirmed_at is None
    change = area.changes.get(kind=AreaChange.Kind.HEALTH_BODY_CHANGED)
    assert geography.health.name in change.description
    with pytest.raises(ValidationError, match="already"):
        actions.change_health_body(national_admin, area, geography.merged_health)


def test_history_rows_are_add_only(national_admin, geography):
    change = form(national_admin, geography, ["Hartlepool"]).changes.get()
    with pytest.raises(ValueError):
        change.save()
    with pytest.raises(ValueError):
        change.delete()


def test_the_area_pages_form_and_show_the_history(national_admin, geography, client, sign_in):
    sign_in(national_admin)
    authorities = [geography.authorities[name] for name in ("Hartlepool", "Middlesbrough", "Redcar and Cleveland")]
    data = {
        "name": "Tees Partnership",
        "nation": "england",
        "local_authorities": [a.pk for a in authorities],
        "local_authority_partner": council(authorities[0]).pk,
        "health_body": geography.health.pk,
        "police_force": geography.cleveland_police.pk,
    }
    for prefix in ("administrator", "local_authority_partner_officer", "health_body_officer", "police_force_officer"):
        data[f"{prefix}_name"] = f"Person {prefix}"
        data[f"{prefix}_email"] = f"{prefix}@example.org"
    response = client.post(reverse("onboarding:new-area"), data)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Hartlepool (E06000001)" in page and "Area formed" in page
    # Children of the three authorities, with thousands separators.
    assert "84,206" in page
    again = client.post(reverse("onboarding:new-area"), {**data, "name": "Another"}).content.decode()
    assert "Hartlepool is already in Tees Partnership" in again


def test_the_confirmation_is_the_lead_chief_officers_task_until_done(national_admin, geography, client, sign_in):
    from safeguarding.core.work.tasks import tasks_for

    area = form(national_admin, geography, ["Hartlepool"])
    officer = _accept("tees.health@example.org")
    other = _accept("tees.police@example.org")
    mine = [task for task in tasks_for(officer) if task.kind == "onboarding.confirm-area"]
    assert [task.action for task in mine] == [f"Confirm {geography.health.name} as a statutory partner of the area"]
    sign_in(officer)
    assert client.get(mine[0].url).status_code == 200
    client.post(reverse("onboarding:confirm-area", args=[area.slug]))
    assert not [task for task in tasks_for(officer) if task.kind == "onboarding.confirm-area"]
    assert [task.kind for task in tasks_for(other) if task.kind == "onboarding.confirm-area"] == [
        "onboarding.confirm-area"
    ]
