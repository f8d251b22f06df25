"""The serious incidents section of the area's yearly report: counts and timeliness by the case clocks."""

import datetime

import pytest
from django.utils import timezone

from safeguarding.arrangements import reporting
from safeguarding.child_deaths.factories import make_case
from safeguarding.child_deaths.models import PanelReview
from safeguarding.incidents.factories import NHS_NUMBERS, child_of, make_incident
from safeguarding.incidents.models import Action, RapidInquiry, Recommendation
from safeguarding.incidents.models.learning import ActionStatus
from safeguarding.incidents.states import IncidentStatus
from safeguarding.incidents.yearly_report import yearly_report_section
from safeguarding.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 4, 1), datetime.date(2027, 3, 31)
TODAY = datetime.date(2026, 11, 26)


def _at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def _decided(area, nhs_number, decision, *, submitted_on, decided_on, status, **fields):
    incident = make_incident(
        area, status, child=child_of(area, nhs_number), submitted_at=_at(submitted_on), decided_on=decided_on, **fields
    )
    RapidInquiry.objects.create(
        incident=incident, lead=UserFactory(), started_on=submitted_on, decision=decision, decision_reasons="Reasons"
    )
    return incident


@pytest.fixture
def year_of_incidents(area, other_area):
    # Decided within 15 working days; LLI late (due 15 August); published within a month of completion.
    with_lli = _decided(
        area,
        NHS_NUMBERS[0],
        "lli",
        submitted_on=datetime.date(2026, 5, 4),
        decided_on=datetime.date(2026, 5, 15),
        status=IncidentStatus.PUBLISHED,
        lli_completed_on=datetime.date(2026, 9, 1),
        published_on=datetime.date(2026, 9, 20),
    )
    # Decided late.
    _decided(
        area,
        NHS_NUMBERS[1],
        "no_further_review",
        submitted_on=datetime.date(2026, 6, 1),
        decided_on=datetime.date(2026, 7, 20),
        status=IncidentStatus.NO_FURTHER_REVIEW,
    )
    make_incident(area, child=child_of(area, NHS_NUMBERS[2]), submitted_at=_at(datetime.date(2026, 11, 18)))
    # The year before: not counted.
    _decided(
        area,
        NHS_NUMBERS[3],
        "no_further_review",
        submitted_on=datetime.date(2025, 12, 1),
        decided_on=datetime.date(2026, 1, 5),
        status=IncidentStatus.NO_FURTHER_REVIEW,
    )
    make_incident(area, IncidentStatus.DRAFT, submitted_at=None)
    make_incident(other_area, child=child_of(other_area, NHS_NUMBERS[4]), submitted_at=_at(datetime.date(2026, 6, 1)))
    recommendation = Recommendation.objects.create(incident=with_lli, change="Health visitors see the baby alone")
    owner = UserFactory()
    for due_on, status in [
        (datetime.date(2026, 10, 1), ActionStatus.DONE),
        (datetime.date(2026, 10, 15), ActionStatus.IN_PROGRESS),
        (datetime.date(2027, 1, 10), ActionStatus.NOT_STARTED),
        (datetime.date(2025, 10, 1), ActionStatus.NOT_STARTED),
    ]:
        Action.objects.create(
            recommendation=recommendation,
            description="Train",
            owner="Health visiting",
            due_on=due_on,
            status=status,
            updated_by=owner,
        )


def test_counts_and_timeliness_for_the_area_and_year(area, year_of_incidents):
    section = yearly_report_section(area, START, END, today=TODAY)
    assert section.splitlines() == [
        "### Serious incidents",
        "",
        "- Serious incidents notified to the national body: 3",
        "- Rapid inquiry decisions made: 2, 1 of 2 within 15 working days of the notification",
        "  - No further review: the learning is captured: 1",
        "  - A local learning inquiry: 1",
        "- Local learning inquiries completed: 1, 0 of 1 within 3 months of the decision",
        "- Local learning inquiry reports published: 1, 1 of 1 within 1 month of completion",
        "- Actions from recommendations due in the year: 3: 1 completed, 1 overdue",
    ]


def test_an_area_without_incidents_in_the_year_contributes_nothing(area, other_area, year_of_incidents):
    assert yearly_report_section(area, datetime.date(2024, 4, 1), datetime.date(2025, 3, 31), today=TODAY) is None


def _reviewed(case, reviewed_on, category, modifiable):
    PanelReview.objects.create(case=case, reviewed_on=reviewed_on, category=category, modifiable=modifiable, final=True)


def test_the_yearly_report_draft_carries_both_sections(area, year_of_incidents, monkeypatch):
    case = make_case(area, today=datetime.date(2026, 5, 2), date_of_death=datetime.date(2026, 5, 1))
    _reviewed(case, datetime.date(2026, 10, 1), "5", "yes")
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    learning = reporting.assemble(area, 2026)["learning_text"]
    assert "### Serious incidents" in learning
    assert "- Serious incidents notified to the national body: 3" in learning
    assert "### Child death reviews" in learning
    assert "- Reviews completed within 6 months of the death: 1 of 1 (100%)" in learning
    assert "not available" not in learning
    assert "Hartigan" not in learning and "Rowan" not in learning
    assert case.reference not in learning and "SI-" not in learning


def test_both_apps_are_named_as_contributors():
    assert set(reporting.YEARLY_REPORT_CONTRIBUTORS) >= {"safeguarding.incidents", "safeguarding.child_deaths"}
