"""Each search filter narrows the events to the ones it names, and no others."""

import datetime

import pytest

from safeguarding.core import audit
from safeguarding.organisations.factories import UserFactory


def _at(*parts):
    return datetime.datetime(*parts, tzinfo=datetime.UTC)


@pytest.fixture
def events(area, other_area, record_event):
    """Three events either side of midnight in British Summer Time, in two areas."""
    alice = UserFactory(email="Alice.Smith@Example.org")
    bob = UserFactory(email="bob.jones@example.org")
    return {
        # 23:30 on 30 June in London.
        "oak": record_event(
            "identity.viewed",
            area,
            at=_at(2025, 6, 30, 22, 30),
            actor=audit.Actor.person(alice),
            target=("incidents.notification", 4, "Notification for Oak team"),
        ),
        # 00:30 on 1 July in London, though still 30 June in UTC.
        "elm": record_event(
            "identity.changed",
            area,
            at=_at(2025, 6, 30, 23, 30),
            actor=audit.Actor.person(bob),
            target=("incidents.notification", 40, "Notification for Elm team"),
        ),
        "invite": record_event(
            "people.invited",
            other_area,
            at=_at(2025, 7, 2, 12, 0),
            target=("organisations.membership", 4, "Membership of Ash team"),
        ),
    }


@pytest.fixture
def searching(client, sign_in, national_administrator, events):
    """searching(**filters): the names of the events the national administrator's search shows."""
    sign_in(national_administrator)
    names = {event.pk: name for name, event in events.items()}

    def _search(**filters):
        response = client.get("/audit/", filters)
        assert response.status_code == 200
        assert not response.context["form"].errors, response.context["form"].errors
        return [names[event.pk] for event in response.context["events"]]

    return _search


def _date(prefix, day, month, year):
    return {f"{prefix}_0": day, f"{prefix}_1": month, f"{prefix}_2": year}


def test_no_filters_shows_everything_newest_first(searching):
    assert searching() == ["invite", "elm", "oak"]


def test_person_matches_part_of_the_email_in_any_case(searching):
    assert searching(person="ALICE.smith") == ["oak"]
    assert searching(person="example.org") == ["elm", "oak"]
    assert searching(person="nobody") == []


def test_record_type_matches_exactly(searching):
    assert searching(record_type="incidents.notification") == ["elm", "oak"]
    assert searching(record_type="organisations.membership") == ["invite"]


def test_record_matches_a_whole_id_or_part_of_the_name(searching):
    assert searching(record="4") == ["invite", "oak"]  # not record 40
    assert searching(record="40") == ["elm"]
    assert searching(record="ELM TEAM") == ["elm"]
    assert searching(record="team") == ["invite", "elm", "oak"]


def test_record_type_and_record_together(searching):
    assert searching(record_type="incidents.notification", record="4") == ["oak"]


def test_action_matches_one_verb_or_a_family(searching):
    assert searching(verb="identity.viewed") == ["oak"]
    assert searching(verb="identity.") == ["elm", "oak"]
    assert searching(verb="people.") == ["invite"]


def test_dates_are_london_days_and_both_ends_are_included(searching):
    assert searching(**_date("date_to", 30, 6, 2025)) == ["oak"]
    assert searching(**_date("date_from", 1, 7, 2025)) == ["invite", "elm"]
    assert searching(**_date("date_from", 1, 7, 2025), **_date("date_to", 1, 7, 2025)) == ["elm"]
    assert searching(**_date("date_from", 2, 7, 2025), **_date("date_to", 2, 7, 2025)) == ["invite"]
    assert searching(**_date("date_from", 3, 7, 2025)) == []


def test_area_narrows_a_national_search(searching, area, other_area):
    assert searching(area=area.pk) == ["elm", "oak"]
    assert searching(area=other_area.pk) == ["invite"]


def test_filters_combine(searching, area):
    assert searching(verb="identity.", person="bob", area=area.pk, **_date("date_from", 1, 7, 2025)) == ["elm"]


def test_action_choices_are_the_verbs_and_families_in_the_persons_scope(client, sign_in, area_administrator, events):
    sign_in(area_administrator)
    form = client.get("/audit/").context["form"]
    groups = dict(form.fields["verb"].choices[1:])

    assert groups["Groups of actions"] == [("identity.", "Any identity.… action")]
    assert groups["Actions"] == [("identity.changed", "identity.changed"), ("identity.viewed", "identity.viewed")]
    assert "people.invited" not in str(form.fields["verb"].choices)
    assert [value for value, _ in form.fields["record_type"].choices] == ["", "incidents.notification"]


def test_an_action_outside_the_choices_is_refused(client, sign_in, area_administrator, events):
    sign_in(area_administrator)
    response = client.get("/audit/", {"verb": "people.invited"})
    assert "Select an action from the list" in response.content.decode()
    assert "events" not in response.context
