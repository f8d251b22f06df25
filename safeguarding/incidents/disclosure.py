"""Who reads the free text of a case.

Findings, recommendations, reasons, terms of reference and notes are written before redaction and may
name the child, the family or practitioners. People of the case's area read them; national roles read
the pseudonymised and derived data (states, dates, categories, counts, clocks) and, once the report is
published, its redacted copy. Pages ask here rather than each deciding for itself."""

from safeguarding.core import permissions

WITHHELD = (
    "Findings, recommendations, reasons and notes written during the review are shown only to the people "
    "of the safeguarding area, because they may name people. The learning is available once the redacted "
    "report is published."
)


def reads_free_text(user, incident):
    return incident.area_id in permissions.area_ids_with_role(user)


def free_text_area_ids(user):
    """The areas whose cases' free text the person reads (for lists across areas)."""
    return set(permissions.area_ids_with_role(user))
