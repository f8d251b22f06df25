"""rotate_identity_keys: re-seals old rows with the current key, in batches, and can run again safely."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from safeguarding.core.identity import crypto
from safeguarding.core.identity.models import ChildIdentity
from safeguarding.core.models import AuditEvent

from .conftest import CHILD, NHS_NUMBER, OTHER_NHS_NUMBER, record_child

OLD = ("old", b"o" * 32)
NEW = ("new", b"n" * 32)

pytestmark = pytest.mark.django_db


def rotate(*args):
    out = StringIO()
    call_command("rotate_identity_keys", *args, stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def children_sealed_with_the_old_key(area):
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[OLD]):
        return [
            record_child(area),
            record_child(area, nhs_number=OTHER_NHS_NUMBER),
            record_child(area, nhs_number=None, nhs_number_unavailable_reason="Born abroad; not yet registered"),
        ]


def test_rotation_re_seals_every_old_row_and_the_old_key_can_then_go(area, children_sealed_with_the_old_key):
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[NEW, OLD]):
        current = record_child(area)
        output = rotate("--batch-size", "2")

    assert output == "Re-encrypted 3 identities with key new; 1 already current"
    assert set(ChildIdentity.objects.values_list("key_id", flat=True)) == {"new"}
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[NEW]):
        details = {identity.pk: identity.unseal() for identity in ChildIdentity.objects.all()}
    first = children_sealed_with_the_old_key[0]
    assert details[first.pk]["family_name"] == CHILD["family_name"]
    assert details[first.pk]["nhs_number"] == NHS_NUMBER
    assert details[current.pk]["given_names"] == CHILD["given_names"]


def test_rotation_keeps_pseudonym_linkage_key_and_version(children_sealed_with_the_old_key):
    before = {i.pk: (i.pseudonym, i.linkage_key, i.version, bytes(i.nonce)) for i in children_sealed_with_the_old_key}

    with override_settings(IDENTITY_ENCRYPTION_KEYS=[NEW, OLD]):
        rotate()

    for identity in ChildIdentity.objects.all():
        pseudonym, linkage_key, version, nonce = before[identity.pk]
        assert (identity.pseudonym, identity.linkage_key, identity.version) == (pseudonym, linkage_key, version)
        assert bytes(identity.nonce) != nonce


def test_a_second_run_re_seals_nothing(children_sealed_with_the_old_key):
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[NEW, OLD]):
        rotate()
        ciphertexts = dict(ChildIdentity.objects.values_list("pk", "ciphertext"))
        output = rotate()

    assert output == "Re-encrypted 0 identities with key new; 3 already current"
    assert {pk: bytes(c) for pk, c in ChildIdentity.objects.values_list("pk", "ciphertext")} == {
        pk: bytes(c) for pk, c in ciphertexts.items()
    }


def test_each_run_writes_one_audit_event(children_sealed_with_the_old_key):
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[NEW, OLD]):
        rotate("--batch-size", "1")

    events = AuditEvent.objects.filter(verb="identity.keys_rotated")
    assert events.count() == 1
    event = events.get()
    assert event.actor_label == "system:rotate_identity_keys"
    assert event.data == {"key_id": "new", "re_encrypted": 3, "already_current": 0, "completed": True}


def test_removing_the_old_key_too_early_stops_with_a_clear_error(children_sealed_with_the_old_key):
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[NEW]), pytest.raises(CommandError) as error:
        rotate()

    assert "'old' is not in IDENTITY_ENCRYPTION_KEYS" in str(error.value)
    assert set(ChildIdentity.objects.values_list("key_id", flat=True)) == {"old"}
    event = AuditEvent.objects.get(verb="identity.keys_rotated")
    assert event.data["completed"] is False and event.data["re_encrypted"] == 0


def test_the_details_still_open_with_the_old_key_listed_second(children_sealed_with_the_old_key):
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[NEW, OLD]):
        assert children_sealed_with_the_old_key[0].unseal()["postcode"] == CHILD["postcode"]
        assert crypto.current_key_id() == "new"
