"""Notifying a death: what is stored, what is derived, and bad input refused with the field named."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.identity.models import ChildIdentity
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from ..actions.notify import notify_death
from ..factories import TODAY, notification_data, notify
from ..models import CaseStatus, ChildDeathCase, Notification
from .conftest import verified

pytestmark = pytest.mark.django_db


def test_a_notification_starts_a_case_with_derived_facts_and_no_identity_in_clear(area, panel):
    result = notify(area)
    case = result.case
    assert case.status == CaseStatus.NOTIFIED
    assert case.panel == panel
    assert case.reference == f"CD-2026-{case.pk:05d}"
    assert (case.age_years, case.age_band) == (7, "5-9")
    assert case.notified_on == TODAY
    assert case.status_changes.get().to_state == CaseStatus.NOTIFIED
    assert case.child.unseal()["family_name"] == "Hartigan"
    stored = " ".join(str(value) for value in ChildDeathCase.objects.values().get(pk=case.pk).values())
    assert "Hartigan" not in stored and "9434765919" not in stored and "TS18" not in stored
    event = AuditEvent.objects.get(verb="child_death.notified")
    assert "Hartigan" not in str(event.data) and event.area == area


@pytest.mark.parametrize(
    ("dob", "age_band"),
    [
        (datetime.date(2026, 11, 1), "0-27d"),
        (datetime.date(2026, 10, 1), "28-364d"),
        (datetime.date(2025, 11, 20), "1-4"),
        (datetime.date(2016, 11, 21), "5-9"),
        (datetime.date(2016, 11, 20), "10-14"),
        (datetime.date(2008, 11, 21), "15-17"),
    ],
)
def test_age_bands(area, dob, age_band):
    assert notify(area, date_of_birth=dob).case.age_band == age_band


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"date_of_death": datetime.date(2019, 3, 1)}, "date_of_death", "same as or after the date of birth"),
        ({"date_of_death": datetime.date(2026, 11, 27)}, "date_of_death", "today or in the past"),
        ({"date_of_birth": datetime.date(2008, 11, 20)}, "date_of_birth", "under 18"),
        ({"residence_area": None}, "residence_area", "Select the safeguarding area where the child normally lived"),
        ({"nhs_number": "9434765918"}, "nhs_number", "Modulus 11"),
        ({"nhs_number": ""}, "nhs_number", "say why it is not available"),
        ({"place_of_death": "moon"}, "place_of_death", "Select where the child died"),
        ({"hospital_name": ""}, "hospital_name", "name of the hospital"),
        ({"circumstances": " "}, "circumstances", "Describe the circumstances"),
        ({"jar_criteria": ["weather"]}, "jar_criteria", "from the list"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_stored(area, overrides, field, message):
    with pytest.raises(ValidationError) as raised:
        notify(area, **overrides)
    assert message in " ".join(raised.value.message_dict[field])
    assert not ChildDeathCase.objects.exists()
    assert not Notification.objects.exists()
    assert not ChildIdentity.objects.exists()
    assert not AuditEvent.objects.exists()


def test_every_problem_is_reported_at_once(area):
    with pytest.raises(ValidationError) as raised:
        notify(area, nhs_number="123", date_of_death=datetime.date(2030, 1, 1), given_names="")
    assert {"nhs_number", "date_of_death", "given_names"} <= set(raised.value.message_dict)


def test_without_an_nhs_number_a_reason_is_accepted(area):
    case = notify(area, nhs_number="", nhs_number_unavailable_reason="Born abroad, not yet registered").case
    assert case.child.linkage_key is None


def test_a_person_with_any_area_role_notifies_even_for_another_area(area, other_area):
    hospital_nurse = verified(person_with_role(Role.PRACTITIONER, other_area))
    result = notify_death(hospital_nurse, notification_data(area), today=TODAY)
    assert result.notification.notified_by == hospital_nurse
    assert result.case.area == area


def test_national_roles_and_people_without_second_factor_may_not_notify(area):
    with pytest.raises(PermissionDenied):
        notify_death(verified(person_with_role(Role.NATIONAL_ANALYST)), notification_data(area), today=TODAY)
    with pytest.raises(PermissionDenied):
        notify_death(person_with_role(Role.PRACTITIONER, area), notification_data(area), today=TODAY)
    assert not Notification.objects.exists()
