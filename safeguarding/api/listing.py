"""What API lists share: the `updated_since` and `status` filters, with their schema, and one stable order."""

import datetime

from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

UPDATED_SINCE = OpenApiParameter(
    "updated_since",
    OpenApiTypes.DATETIME,
    OpenApiParameter.QUERY,
    description="Only records changed at or after this moment (ISO 8601 with a time zone, e.g. 2026-11-26T10:00:00Z). "
    "Lists run oldest change first, so a system follows them by asking again from the last `updated_at` it saw.",
)


def status_parameter(choices):
    return OpenApiParameter(
        "status",
        str,
        OpenApiParameter.QUERY,
        enum=[value for value, _ in choices],
        description="Only records in this state",
    )


def filtered(request, queryset, *, status_choices):
    """Applies `updated_since` and `status` from the query string; a bad value is refused, naming it."""
    errors = {}
    raw_since = request.query_params.get("updated_since")
    if raw_since is not None:
        try:
            since = parse_datetime(raw_since)
            # In UTC, as the database compares it: an offset PostgreSQL cannot hold (beyond ±15:59)
            # or a moment that leaves the calendar's range is refused here, not by the database.
            since = since.astimezone(datetime.UTC) if since is not None and since.tzinfo is not None else since
        except (ValueError, OverflowError):
            since = None
        if since is None or since.tzinfo is None:
            errors["parameter:updated_since"] = ["Give a date and time with a time zone, like 2026-11-26T10:00:00Z"]
        else:
            queryset = queryset.filter(updated_at__gte=since)
    status = request.query_params.get("status")
    if status is not None:
        allowed = [value for value, _ in status_choices]
        if status not in allowed:
            errors["parameter:status"] = [f"Give one of {', '.join(allowed)}"]
        else:
            queryset = queryset.filter(status=status)
    if errors:
        raise ValidationError(errors, code="invalid_parameter")
    # Oldest change first, the primary key breaking ties: the same request always gives the same order.
    return queryset.order_by("updated_at", "pk")
