"""Cases in any state for tests, built straight in the database (the actions are tested on their own)."""

import datetime

from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.identity.actions import record_identity
from safeguarding.organisations.factories import UserFactory

from . import clocks
from .models import Incident, IncidentStatusChange
from .states import IncidentStatus

# Valid NHS numbers (Modulus 11) for synthetic children.
NHS_NUMBERS = ("9434765919", "9434765870", "9434765862", "9434765854", "9434765846")


def complete_notification_data(**overrides):
    data = {
        "abuse_or_neglect": "suspected",
        "where_harmed": "in_area",
        "looked_after_or_care_leaver_death": False,
        "incident_date": datetime.date(2026, 11, 16),
        "aware_date": datetime.date(2026, 11, 17),
        "harm": "serious_harm",
        "harm_kinds": ["physical", "neglect"],
        "summary": "Infant admitted with a skull fracture; explanation inconsistent with the injury.",
        "other_children": "",
        "child_age_years": 0,
        "child_sex": "male",
        "child_ethnicity": "white",
        "child_disability": "no",
        "child_status": "child_in_need",
        "parallel_proceedings": {"police_investigation": "under_way"},
    }
    data.update(overrides)
    return data


def child_of(area, nhs_number=NHS_NUMBERS[0], **fields):
    return record_identity(
        audit.Actor.system("tests"),
        area,
        given_names=fields.get("given_names", "Test"),
        family_name=fields.get("family_name", "Child"),
        nhs_number=nhs_number,
        date_of_birth=fields.get("date_of_birth", datetime.date(2026, 3, 1)),
    )


def make_incident(area, status=IncidentStatus.SUBMITTED, *, child=None, submitted_at=None, **fields):
    """A complete notification in `status`, with one history row for how it got there."""
    values = complete_notification_data()
    values.update(fields)
    if child is None and status != IncidentStatus.DRAFT:
        child = child_of(area)
    if status != IncidentStatus.DRAFT and submitted_at is None:
        submitted_at = timezone.make_aware(datetime.datetime(2026, 11, 18, 10, 0))
    starter = UserFactory()
    incident = Incident.objects.create(
        area=area, status=status, child=child, started_by=starter, submitted_at=submitted_at, **values
    )
    IncidentStatusChange.objects.create(case=incident, from_state="", to_state=status, changed_by=starter)
    clocks.store_current_clock(incident)
    return incident
