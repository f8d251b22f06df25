"""record_identity: validates, seals, stores and audits a child's details, or stores nothing."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.identity import nhs
from safeguarding.core.identity.actions import record_identity
from safeguarding.core.identity.models import PSEUDONYM_PATTERN, ChildIdentity
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import CHILD, NHS_NUMBER, record_child, verified

pytestmark = pytest.mark.django_db


def errors_of(area, **overrides):
    with pytest.raises(ValidationError) as error:
        record_child(area, **overrides)
    return {field: messages[0] for field, messages in error.value.message_dict.items()}


def test_recorded_child_has_a_pseudonym_a_linkage_key_and_sealed_details(area):
    identity = record_child(area, nhs_number="943 476 5919", postcode="ts17 8qq")

    assert re.fullmatch(PSEUDONYM_PATTERN, identity.pseudonym)
    assert identity.area == area
    assert identity.linkage_key == nhs.linkage_key(NHS_NUMBER)
    assert identity.version == 1
    assert ChildIdentity.objects.get(pk=identity.pk).unseal() == {
        "given_names": "Ellery Jo",
        "family_name": "Quennell",
        "nhs_number": NHS_NUMBER,
        "nhs_number_unavailable_reason": "",
        "date_of_birth": "2015-02-27",
        "address": "14 Saltmarsh Lane, Thornaby",
        "postcode": "TS17 8QQ",
    }


def test_pseudonyms_differ_and_avoid_ambiguous_characters(area):
    pseudonyms = {record_child(area).pseudonym for _ in range(20)}

    assert len(pseudonyms) == 20
    assert not any(set(p[2:]) & set("01OIL") for p in pseudonyms)


def test_audit_names_the_fields_given_but_never_their_values(area):
    identity = record_child(area, address="")

    event = AuditEvent.objects.get(verb="identity.recorded")
    assert event.target_id == str(identity.pk) and event.target_label == identity.pseudonym
    assert event.area == area
    assert event.data == {
        "pseudonym": identity.pseudonym,
        "fields_given": ["given_names", "family_name", "nhs_number", "date_of_birth", "postcode"],
    }
    everything = f"{event.data} {event.target_label} {event.actor_label}"
    for value in (CHILD["given_names"], CHILD["family_name"], NHS_NUMBER, "2015", CHILD["postcode"]):
        assert value not in everything


def test_a_reason_may_stand_in_for_the_nhs_number(area):
    identity = record_child(area, nhs_number=None, nhs_number_unavailable_reason="Newborn; not yet registered")

    assert identity.linkage_key is None
    assert identity.unseal()["nhs_number_unavailable_reason"] == "Newborn; not yet registered"
    assert "nhs_number_unavailable_reason" in AuditEvent.objects.get(verb="identity.recorded").data["fields_given"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"given_names": " "}, "given_names", "Enter the child's given names"),
        ({"family_name": ""}, "family_name", "Enter the child's family name"),
        (
            {"nhs_number": "9434765918"},
            "nhs_number",
            "NHS number must be 10 digits with a valid check digit (Modulus 11)",
        ),
        (
            {"nhs_number": "94347659"},
            "nhs_number",
            "NHS number must be 10 digits with a valid check digit (Modulus 11)",
        ),
        ({"nhs_number": None}, "nhs_number", "Enter the NHS number, or say why it is not available"),
        (
            {"nhs_number_unavailable_reason": "Not known"},
            "nhs_number_unavailable_reason",
            "Leave the reason blank when the NHS number is given",
        ),
        ({"postcode": "TS17"}, "postcode", "Enter a full UK postcode, like TS1 2AB"),
        ({"postcode": "12345"}, "postcode", "Enter a full UK postcode, like TS1 2AB"),
        (
            {"date_of_birth": timezone.localdate() + datetime.timedelta(days=1)},
            "date_of_birth",
            "The date of birth must be today or in the past",
        ),
    ],
)
def test_invalid_details_are_refused_with_the_rule_and_nothing_is_stored(area, overrides, field, message):
    assert errors_of(area, **overrides) == {field: message}
    assert not ChildIdentity.objects.exists()
    assert not AuditEvent.objects.filter(verb="identity.recorded").exists()


def test_every_problem_is_reported_at_once(area):
    errors = errors_of(area, given_names="", nhs_number="123", postcode="nope")

    assert set(errors) == {"given_names", "nhs_number", "postcode"}


def test_born_today_and_optional_fields_left_out_are_accepted(area):
    identity = record_child(area, date_of_birth=timezone.localdate(), address="", postcode="")

    assert identity.unseal()["postcode"] == ""


def test_a_practitioner_of_the_area_may_record_and_is_named_in_the_audit(area, practitioner):
    identity = record_identity(practitioner, area, given_names="Ro", family_name="Lind", nhs_number=NHS_NUMBER)

    event = AuditEvent.objects.get(verb="identity.recorded")
    assert event.actor == practitioner and event.role == Role.PRACTITIONER
    assert identity.area == area


@pytest.mark.parametrize("who", ["national_analyst", "other_area_practitioner", "area_administrator"])
def test_people_without_an_identity_role_in_the_area_may_not_record(request, area, who):
    person = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        record_identity(person, area, given_names="Ro", family_name="Lind", nhs_number=NHS_NUMBER)
    assert not ChildIdentity.objects.exists()


def test_a_person_acting_through_an_actor_is_checked_too(area):
    analyst = verified(person_with_role(Role.NATIONAL_ANALYST))

    with pytest.raises(PermissionDenied):
        record_identity(audit.Actor.person(analyst), area, **CHILD)
