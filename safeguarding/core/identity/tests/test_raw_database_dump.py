"""DONE criterion: identity fields are unreadable in a raw database dump."""

import datetime

import pytest
from django.db import connection

from safeguarding.core.identity.models import ChildIdentity

from .conftest import CHILD, NHS_NUMBER, record_child


def raw_rows():
    """Every column of every row, as the database hands them to anyone holding a dump."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ChildIdentity._meta.db_table}")  # noqa: S608 (a fixed table name)
        return cursor.fetchall()


def as_searchable_text(value):
    """Bytes in every form a dump might show them: raw, hex (PostgreSQL bytea) and as decoded text."""
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return [value.decode("latin-1").lower(), value.hex()]
    return [str(value).lower()]


IDENTIFYING_VALUES = [
    CHILD["given_names"],
    "Ellery",
    CHILD["family_name"],
    NHS_NUMBER,
    "943 476 5919",
    CHILD["date_of_birth"].isoformat(),
    "27/02/2015",
    "Saltmarsh",
    CHILD["postcode"],
    "TS178QQ",
]


@pytest.mark.django_db
def test_no_identifying_value_appears_in_any_column(area):
    record_child(area)
    rows = raw_rows()

    assert len(rows) == 1
    dump = [text for row in rows for value in row for text in as_searchable_text(value)]
    for value in IDENTIFYING_VALUES:
        assert not any(value.lower() in text for text in dump), f"{value!r} is readable in the raw table"
        assert not any(value.encode().hex() in text for text in dump), f"{value!r} is readable as hex"


@pytest.mark.django_db
def test_the_ciphertext_column_alone_holds_no_identifying_value(area):
    identity = record_child(area, date_of_birth=datetime.date(2015, 2, 27))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ciphertext FROM {ChildIdentity._meta.db_table} WHERE id = %s",  # noqa: S608
            [identity.pk],
        )
        (ciphertext,) = cursor.fetchone()

    raw = bytes(ciphertext)
    assert len(raw) > 16  # it really holds the sealed details (GCM adds a 16-byte tag)
    for value in IDENTIFYING_VALUES:
        assert value.encode() not in raw
        assert value.lower().encode() not in raw.lower()


@pytest.mark.django_db
def test_the_only_clear_columns_are_pseudonymous(area):
    identity = record_child(area)

    columns = {field.column for field in ChildIdentity._meta.concrete_fields}
    assert columns == {
        "id",
        "pseudonym",
        "area_id",
        "linkage_key",
        "key_id",
        "nonce",
        "ciphertext",
        "created_at",
        "updated_at",
        "version",
    }
    assert len(identity.linkage_key) == 64 and NHS_NUMBER not in identity.linkage_key
