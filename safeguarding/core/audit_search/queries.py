"""Which audit events a person may see, and the search filters over them.

Every view of the audit trail starts from `events_visible_to(user)`: no other code queries
AuditEvent for display, so the scoping rule lives here and nowhere else.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Q

from safeguarding.core import permissions
from safeguarding.core.models import AuditEvent
from safeguarding.core.scoping import AreaScopedQuerySet
from safeguarding.organisations.models.people import Role

# Dates typed in the form are days as people in England live them, whatever the server's zone.
LONDON = ZoneInfo("Europe/London")


def events_visible_to(user):
    """National administrators see every event; area administrators the events of their areas.

    `AreaScopedQuerySet.administered_by` is exactly that rule (it filters on `area`, which an
    AuditEvent has), so it is applied to AuditEvent here rather than repeated. Anyone else,
    including a person signed out, gets no events: their administered areas are an empty set.
    Events with no area (national actions) are therefore seen by national administrators only.
    """
    return AreaScopedQuerySet(model=AuditEvent).administered_by(user)


def start_of_day(day):
    """The first instant of `day` in London (midnight always exists there: clocks change at 1am or 2am)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=LONDON)


def search(queryset, filters):
    """Narrows `queryset` by a search form's cleaned data; every filter is optional. Newest first."""
    person = filters.get("person")
    if person:
        queryset = queryset.filter(actor_label__icontains=person)

    record_type = filters.get("record_type")
    if record_type:
        queryset = queryset.filter(target_type=record_type)
    record = filters.get("record")
    if record:
        # An identifier is matched whole (record 4 is not record 40); a name by any part of it.
        queryset = queryset.filter(Q(target_id=record) | Q(target_label__icontains=record))

    verb = filters.get("verb")
    if verb:
        # A choice ending in a dot is a family of verbs ("identity."), anything else one verb.
        queryset = queryset.filter(verb__startswith=verb) if verb.endswith(".") else queryset.filter(verb=verb)

    date_from = filters.get("date_from")
    if date_from:
        queryset = queryset.filter(occurred_at__gte=start_of_day(date_from))
    date_to = filters.get("date_to")
    if date_to:
        # Inclusive: everything before the first instant of the next day.
        queryset = queryset.filter(occurred_at__lt=start_of_day(date_to + datetime.timedelta(days=1)))

    area = filters.get("area")
    if area:
        queryset = queryset.filter(area=area)

    # Sequence is assigned under the chain lock at the moment of recording, so it orders events
    # exactly as occurred_at does, and it is unique (stable pages) and indexed.
    return queryset.order_by("-sequence")


def areas_visible_to(user):
    """The areas whose events `user` may see, as `events_visible_to` scopes them: None for every event
    (national administrators), else a set of area ids (empty for anyone who administers no area)."""
    if permissions.is_national_administrator(user):
        return None
    return permissions.area_ids_with_role(user, {Role.AREA_ADMINISTRATOR})


def _distinct_values(column, area_ids):
    """The distinct non-empty values of `column` among the events of `area_ids` (None: every event),
    alphabetically. A plain DISTINCT reads every event; this skips from one value to the next through an
    index on (column) or (area, column), one short index search per value, so it costs the same for a
    thousand events as for ten million (a "loose index scan", written as a recursive query because
    neither SQLite nor PostgreSQL does it by itself)."""
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    column = connection.ops.quote_name(column)
    scopes = [None] if area_ids is None else sorted(area_ids)
    values = set()
    with connection.cursor() as cursor:
        for area_id in scopes:
            where = "" if area_id is None else "area_id = %s AND "
            cursor.execute(
                f"""
                WITH RECURSIVE found(value) AS (
                    SELECT MIN({column}) FROM {table} WHERE {where}{column} > ''
                    UNION ALL
                    SELECT (SELECT MIN({column}) FROM {table} WHERE {where}{column} > found.value)
                    FROM found WHERE found.value IS NOT NULL
                )
                SELECT value FROM found WHERE value IS NOT NULL
                """,  # noqa: S608 (the table and column are the model's own, quoted; the area id is a parameter)
                [] if area_id is None else [area_id, area_id],
            )
            values.update(row[0] for row in cursor.fetchall())
    return sorted(values)


def verbs_in(area_ids):
    """The distinct verbs among the events of `area_ids` (see `areas_visible_to`), alphabetically."""
    return _distinct_values("verb", area_ids)


def record_types_in(area_ids):
    """The distinct kinds of record among the events of `area_ids`, alphabetically."""
    return _distinct_values("target_type", area_ids)
