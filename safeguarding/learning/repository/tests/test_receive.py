"""Material reaching the repository: validation, a duplicate refused, a changed report as a new edition."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from safeguarding.core.models import AuditEvent
from safeguarding.learning.repository.actions import AlreadyInRepository, Incoming, IncomingFinding, receive
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.learning.repository.models import AgeBand, RepositoryEntry, RepositoryEntryEdition

pytestmark = pytest.mark.django_db


def _incoming(**changes):
    values = dict(
        source_key="import:one",
        kind="lli_report",
        title="Learning from the case of Child A",
        summary="What the partners learned.",
        area_name="Area A Safeguarding Partnership",
        published_on=datetime.date(2026, 2, 3),
        findings=[IncomingFinding("Home conditions were poor.", "Neglect was not named.")],
    )
    values.update(changes)
    return Incoming(**values)


def test_a_new_report_gets_a_stable_reference_and_is_audited():
    entry, created = receive(_incoming(), today=datetime.date(2026, 2, 10))
    assert created
    assert entry.reference == "NLR-2026-0001"
    assert entry.current_findings().count() == 1
    assert AuditEvent.objects.filter(verb="repository.entry_added").count() == 1
    second, _ = receive(_incoming(source_key="import:two"), today=datetime.date(2026, 2, 11))
    assert second.reference == "NLR-2026-0002"


def test_the_same_report_submitted_twice_is_refused_and_nothing_is_duplicated():
    receive(_incoming())
    with pytest.raises(AlreadyInRepository, match="already holds this report"):
        receive(_incoming())
    assert RepositoryEntry.objects.count() == 1


def test_a_changed_report_becomes_a_new_edition_keeping_the_old_one_and_unchanged_codes():
    entry, _ = receive(_incoming())
    code(entry.current_findings().get(), "neglect")
    changed = _incoming(
        summary="What the partners learned, corrected.",
        findings=[IncomingFinding("Home conditions were poor.", "Neglect was not named."), IncomingFinding("New.")],
    )
    entry, created = receive(changed)
    assert not created and entry.edition == 2
    assert RepositoryEntryEdition.objects.get(entry=entry).content["summary"] == "What the partners learned."
    kept, new = entry.current_findings()
    assert [c.theme.slug for c in kept.codes.all()] == ["neglect"] and kept.is_coded
    assert not new.is_coded
    assert RepositoryEntry.objects.count() == 1


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"title": " "}, "title"),
        ({"summary": ""}, "summary"),
        ({"area_name": ""}, "area_name"),
        ({"kind": "gossip"}, "kind"),
        ({"age_band": "ancient"}, "age_band"),
        ({"findings": [IncomingFinding(" ")]}, "findings"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(changes, field):
    with pytest.raises(ValidationError) as error:
        receive(_incoming(**changes))
    assert field in error.value.message_dict
    assert RepositoryEntry.objects.count() == 0


def test_age_bands():
    assert [AgeBand.for_age(a) for a in (None, 0, 1, 4, 5, 9, 10, 15, 16, 17)] == [
        "not_known", "under_1", "1_4", "1_4", "5_9", "5_9", "10_15", "10_15", "16_17", "16_17",
    ]  # fmt: skip


def test_public_and_national_visibility(django_user_model):
    public = make_entry()
    private = make_entry(kind="rapid_inquiry", is_public=False)
    assert list(RepositoryEntry.objects.public()) == [public]
    from django.contrib.auth.models import AnonymousUser

    assert set(RepositoryEntry.objects.visible_to(AnonymousUser())) == {public}
    from safeguarding.organisations.factories import person_with_role

    analyst = person_with_role("national_analyst")
    assert set(RepositoryEntry.objects.visible_to(analyst)) == {public, private}
