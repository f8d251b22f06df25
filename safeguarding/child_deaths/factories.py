"""Panels, notifications and cases for tests, built through the real actions."""

import datetime

import factory

from safeguarding.core import audit
from safeguarding.core.identity.actions import record_identity

from .actions.notify import notify_death
from .models import Panel

TODAY = datetime.date(2026, 11, 26)


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Example Child Death Overview Panel {n}")
    slug = factory.Sequence(lambda n: f"example-panel-{n}")

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


def notification_data(area, **overrides):
    """A valid notification of a death in `area` (residence and place of death), with overrides."""
    data = {
        "given_names": "Rowan Elise",
        "family_name": "Hartigan",
        "nhs_number": "9434765919",
        "nhs_number_unavailable_reason": "",
        "date_of_birth": datetime.date(2019, 3, 14),
        "address": "3 Orchard Row, Stockton-on-Tees",
        "postcode": "TS18 3AB",
        "date_of_death": datetime.date(2026, 11, 20),
        "time_of_death": datetime.time(4, 30),
        "place_of_death": "hospital",
        "hospital_name": "University Hospital of North Tees",
        "place_of_death_area": area,
        "residence_area": area,
        "sex": "female",
        "ethnicity_group": "white",
        "expectation": "unexpected",
        "jar_criteria": ["sudden_no_cause"],
        "circumstances": "Found unresponsive at home in the early morning; taken by ambulance to hospital.",
        "agency": "hospital",
        "notifier_name": "Dr Priya Anand",
        "notifier_role": "Consultant paediatrician",
        "notifier_contact": "p.anand@nhs.example",
    }
    data.update(overrides)
    return data


def notify(area, *, today=TODAY, **overrides):
    """Notifies a death as an API client would (no person's permission check); returns the result."""
    return notify_death(audit.Actor.system("tests"), notification_data(area, **overrides), today=today)


def make_case(area, **overrides):
    return notify(area, **overrides).case


def record_child(area, **fields):
    return record_identity(audit.Actor.system("tests"), area, **fields)
