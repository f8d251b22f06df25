"""The advisory quality check of a recommendation: vague phrases and a missing addressee, outcome or date."""

import datetime

import pytest

from safeguarding.incidents.quality import recommendation_flags

ADDRESSEE = object()


def _flags(
    change,
    outcome="Audit of 40 records shows the plan on the health record within 2 days",
    addressee=ADDRESSEE,
    due_on=datetime.date(2027, 3, 31),
):
    return recommendation_flags(change=change, outcome=outcome, addressee=addressee, due_on=due_on)


def test_a_smart_recommendation_has_no_flags():
    assert _flags("The council sends every new child protection plan to the child's GP and health visitor") == []


@pytest.mark.parametrize(
    ("change", "phrase"),
    [
        ("Agencies should improve communication", "improve communication"),
        ("There should be better information sharing between partners", "better information sharing"),
        ("Remind staff of the escalation policy", "remind staff"),
        ("Practitioners should be reminded to think about children", "being reminded"),
        ("The partnership reminds agencies of the threshold document", "remind staff"),
        ("Managers are reminding social workers to record visits", "reminding"),
        ("Partners improved communications with schools", "improve communication"),
        ("Better information-sharing between health and police", "better information sharing"),
        ("The partnership should consider a new protocol", "consider"),
        ("Partners are CONSIDERING a protocol", "consider"),
    ],
)
def test_vague_phrases_are_flagged(change, phrase):
    flags = _flags(change)
    assert len(flags) == 1 and phrase in flags[0]


def test_a_word_that_merely_contains_a_vague_one_is_not_flagged():
    assert _flags("Reconsideration requests are answered within 5 days") == []
    assert _flags("The reminder letters template is replaced by a phone call within 2 days") == []


def test_the_walkthrough_recommendation_is_flagged_for_its_wording_as_well_as_its_gaps():
    flags = _flags("Practitioners should be reminded to think about children", outcome="", due_on=None)
    assert [flag.split(":")[0] for flag in flags] == ["Vague wording", "No measurable outcome", "No date"]


def test_missing_addressee_outcome_and_date_are_each_named():
    flags = _flags("The council sends each plan to the GP", outcome=" ", addressee=None, due_on=None)
    assert [flag.split(":")[0] for flag in flags] == ["No addressee", "No measurable outcome", "No date"]
