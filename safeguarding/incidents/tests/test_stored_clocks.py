"""The clock stored on each case: always the clock computed from its dates and pauses, on any day (across
Christmas 2026 and its substitute Boxing Day), whatever the policy table says, and kept so by the actions."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from safeguarding.core.clocks.actions import change_clock_policy
from safeguarding.core.clocks.models import ClockPolicy, ClockUnit
from safeguarding.incidents import clocks
from safeguarding.incidents.actions import pauses
from safeguarding.incidents.factories import child_of, make_incident
from safeguarding.incidents.models import ClockPause, Incident, PauseDecision, RapidInquiry
from safeguarding.incidents.models.case import DASHBOARD_CLOCK_STATES
from safeguarding.incidents.models.rapid_inquiry import Decision
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db
D = datetime.date
# Late November to mid January: Christmas Day (Friday), the substitute Boxing Day (Monday 28th), New Year's Day.
DAYS = [D(2026, 11, 26) + datetime.timedelta(days=n) for n in range(52)]


def _at(day):
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 12, 0))


def _pause(incident, starts_on, ended_on=None, decision=PauseDecision.ACCEPTED):
    ClockPause.objects.create(
        incident=incident,
        proceeding="criminal_trial",
        reason="Witnesses give evidence first",
        starts_on=starts_on,
        ended_on=ended_on,
        requested_by=UserFactory(),
        decision=decision,
    )
    clocks.store_current_clock(incident)


def _in_lli(area, child, decided_on, **fields):
    incident = make_incident(area, IncidentStatus.LLI, child=child, decided_on=decided_on, **fields)
    RapidInquiry.objects.create(incident=incident, lead=UserFactory(), started_on=decided_on, decision=Decision.LLI)
    clocks.store_current_clock(incident)
    return incident


@pytest.fixture
def cases(area):
    """One case at each step, in working days and in months, paused, paused and resumed, and refused a pause."""
    child = child_of(area)
    made = [
        make_incident(area, IncidentStatus.DRAFT, aware_date=D(2026, 11, 24), incident_date=D(2026, 11, 20)),
        make_incident(area, child=child, submitted_at=_at(D(2026, 11, 10))),
        make_incident(area, IncidentStatus.RAPID_INQUIRY, child=child, submitted_at=_at(D(2026, 12, 14))),
        _in_lli(area, child, D(2026, 9, 30)),
        make_incident(
            area, IncidentStatus.REPORT_DRAFTED, child=child, decided_on=D(2026, 8, 3), lli_completed_on=D(2026, 11, 30)
        ),
    ]
    paused = make_incident(area, IncidentStatus.RAPID_INQUIRY, child=child, submitted_at=_at(D(2026, 12, 1)))
    _pause(paused, D(2026, 12, 3))
    resumed = make_incident(area, IncidentStatus.RAPID_INQUIRY, child=child, submitted_at=_at(D(2026, 12, 1)))
    _pause(resumed, D(2026, 12, 2), ended_on=D(2026, 12, 9))
    lli_paused = _in_lli(area, child, D(2026, 10, 30))
    _pause(lli_paused, D(2026, 11, 2), ended_on=D(2026, 11, 20))
    refused = make_incident(area, child=child, submitted_at=_at(D(2026, 12, 8)))
    _pause(refused, D(2026, 12, 9), decision=PauseDecision.REFUSED)
    return [*made, paused, resumed, lli_paused, refused]


def _computed(incident, today):
    fresh = Incident.objects.select_related("area", "rapid_inquiry").get(pk=incident.pk)
    current = clocks.current_clock(fresh, today=today)
    return current.clock if current else None


def test_the_stored_clock_is_the_computed_clock_on_every_day(cases):
    policies = {policy.key: policy for policy in ClockPolicy.objects.all()}
    stored = list(Incident.objects.select_related("area").filter(pk__in=[c.pk for c in cases]))
    assert all(incident.clock_key for incident in stored)
    for today in DAYS:
        for incident in stored:
            assert clocks.stored_clock(incident, today=today, policies=policies) == _computed(incident, today), (
                f"{incident.reference} on {today}"
            )


def test_the_database_finds_each_state_as_the_computed_clock_has_it_on_every_day(cases):
    cases_here = Incident.objects.filter(pk__in=[c.pk for c in cases])
    for today in DAYS:
        computed = {incident.pk: _computed(incident, today).state for incident in cases}
        for state in DASHBOARD_CLOCK_STATES:
            found = set(cases_here.with_clock_state(state, today).values_list("pk", flat=True))
            assert found == {pk for pk, s in computed.items() if s == state}, f"{state} on {today}"


def test_a_case_with_no_running_clock_stores_none(area):
    published = make_incident(
        area,
        IncidentStatus.PUBLISHED,
        decided_on=D(2026, 6, 1),
        lli_completed_on=D(2026, 9, 1),
        published_on=D(2026, 9, 20),
    )
    assert published.clock_key == "" and published.clock_due_on is None
    assert clocks.stored_clock(published, today=DAYS[0], policies={}) is None


@pytest.mark.parametrize(("amount", "unit"), [(20, ClockUnit.WORKING_DAYS), (30, ClockUnit.CALENDAR_DAYS)])
def test_changing_the_policy_table_recomputes_the_stored_due_dates(cases, national_admin, amount, unit):
    policy = ClockPolicy.objects.get(key=clocks.RI_DECISION)
    before = {i.pk: i.clock_due_on for i in Incident.objects.filter(clock_key=clocks.RI_DECISION)}
    change_clock_policy(national_admin, policy, amount=amount, unit=unit)
    policies = {policy.key: policy for policy in ClockPolicy.objects.all()}
    for incident in Incident.objects.select_related("area").filter(pk__in=before):
        assert incident.clock_due_on != before[incident.pk]
        for today in DAYS[::5]:
            assert clocks.stored_clock(incident, today=today, policies=policies) == _computed(incident, today)


def test_the_pause_actions_store_the_clock(area, inquiry_lead, national_admin):
    incident = make_incident(area, IncidentStatus.RAPID_INQUIRY, submitted_at=_at(D(2026, 11, 18)))
    due = incident.clock_due_on
    pause = pauses.request_pause(
        inquiry_lead, incident, proceeding="inquest", reason="The coroner asks us to wait", starts_on=D(2026, 11, 20)
    )
    incident.refresh_from_db()
    assert incident.clock_paused_from is None  # only an accepted pause stops the clock
    pauses.decide_pause(national_admin, pause, accept=True, reason="")
    incident.refresh_from_db()
    assert (incident.clock_paused_from, incident.clock_due_on) == (D(2026, 11, 20), due)
    pauses.end_pause(inquiry_lead, pause, ended_on=D(2026, 11, 25), today=D(2026, 11, 26))
    incident.refresh_from_db()
    assert incident.clock_paused_from is None
    assert incident.clock_paused_days == 3  # Monday 23 to Wednesday 25 November
    assert incident.clock_due_on == _computed(incident, D(2026, 11, 26)).due_on


def test_the_data_migration_fills_the_clocks_of_existing_cases(cases):
    Incident.objects.update(**clocks.NO_CLOCK)
    migration = importlib.import_module("safeguarding.incidents.migrations.0009_stored_current_clock_back_filled")
    migration.back_fill(apps, None)
    policies = {policy.key: policy for policy in ClockPolicy.objects.all()}
    for incident in Incident.objects.select_related("area").filter(pk__in=[c.pk for c in cases]):
        assert clocks.stored_clock(incident, today=DAYS[10], policies=policies) == _computed(incident, DAYS[10])
