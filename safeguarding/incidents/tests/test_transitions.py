"""The one transitions table: every allowed move works, every other move is refused, history is add-only."""

import itertools

import pytest

from safeguarding.core.state_machine import TransitionNotAllowed
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import IncidentStatusChange
from safeguarding.incidents.states import TRANSITIONS, IncidentStatus

ALLOWED = sorted(TRANSITIONS.transitions)
REFUSED = sorted(
    pair for pair in itertools.product(IncidentStatus.values, repeat=2) if pair not in TRANSITIONS.transitions
)


def test_the_table_is_the_journey_of_the_issue():
    S = IncidentStatus
    assert TRANSITIONS.allowed_from(S.DRAFT) == [S.SUBMITTED]
    assert set(TRANSITIONS.allowed_from(S.RAPID_INQUIRY)) == {S.NO_FURTHER_REVIEW, S.LLI, S.REFERRED_NSCI}
    assert TRANSITIONS.allowed_from(S.PUBLISHED) == [S.SUBMITTED_NATIONAL]
    assert TRANSITIONS.allowed_from(S.SUBMITTED_NATIONAL) == []
    assert TRANSITIONS.allowed_from(S.NO_FURTHER_REVIEW) == []


@pytest.mark.django_db
@pytest.mark.parametrize(("from_state", "to_state"), ALLOWED)
def test_allowed_move_adds_a_history_row(area, from_state, to_state):
    incident = make_incident(area, from_state)
    TRANSITIONS.move(incident, to_state, actor=None, history=IncidentStatusChange, reason="test")
    incident.save()
    last = incident.status_changes.last()
    assert (last.from_state, last.to_state, incident.status) == (from_state, to_state, to_state)


@pytest.mark.django_db
@pytest.mark.parametrize(("from_state", "to_state"), REFUSED)
def test_refused_move_names_both_states_and_changes_nothing(area, from_state, to_state):
    incident = make_incident(area, from_state)
    rows = incident.status_changes.count()
    with pytest.raises(TransitionNotAllowed) as refused:
        TRANSITIONS.move(incident, to_state, actor=None, history=IncidentStatusChange)
    assert TRANSITIONS.label(from_state) in refused.value.messages[0]
    assert incident.status == from_state
    assert incident.status_changes.count() == rows


@pytest.mark.django_db
def test_history_rows_cannot_be_edited_or_deleted(area):
    row = make_incident(area).status_changes.get()
    row.reason = "rewritten"
    with pytest.raises(ValueError, match="add-only"):
        row.save()
    with pytest.raises(ValueError, match="add-only"):
        row.delete()
