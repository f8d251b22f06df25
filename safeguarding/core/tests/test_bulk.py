"""insert_many stores rows exactly as bulk_create would: defaults, automatic dates, JSON, keys, None."""

import pytest
from django.db import IntegrityError, transaction
from django_tasks_db.models import DBTaskResult

from safeguarding.core.bulk import insert_many
from safeguarding.jobs.registry import enqueue_many
from safeguarding.jobs.testing import run_jobs
from safeguarding.jobs.tests import jobs_for_tests
from safeguarding.notifications.models import Kind, OutgoingEmail
from safeguarding.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db

COMPARED = ("recipient_id", "address", "kind", "reference", "area_id", "event", "event_key", "status", "attempts",
            "last_error", "created_at", "sent_at", "last_attempt_at")  # fmt: skip


def _email(user, key, **fields):
    return OutgoingEmail(
        recipient=user, address=f"{key}@example.org", kind=Kind.SIGN_OFF_AWAITED, reference="SI-00012",
        event={"reference": "SI-00012", "count": 3, "nested": {"due_on": "2026-11-30"}}, event_key=key, **fields,
    )  # fmt: skip


def test_rows_read_back_the_same_as_bulk_creates(area):
    user = UserFactory()
    OutgoingEmail.objects.bulk_create([_email(user, "by-orm"), _email(None, "orm-none", area_id=area.pk)])
    assert insert_many(OutgoingEmail, [_email(user, "by-insert"), _email(None, "insert-none", area_id=area.pk)]) == 2

    def row(key):
        return OutgoingEmail.objects.filter(event_key=key).values(*COMPARED).get()

    for orm, ours in (("by-orm", "by-insert"), ("orm-none", "insert-none")):
        expected, stored = row(orm), row(ours)
        assert stored["created_at"] is not None
        assert {k: v for k, v in stored.items() if k not in {"address", "event_key", "created_at"}} == {
            k: v for k, v in expected.items() if k not in {"address", "event_key", "created_at"}
        }


def test_a_broken_unique_key_keeps_none_of_the_batch():
    user = UserFactory()
    insert_many(OutgoingEmail, [_email(user, "taken")])
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_many(OutgoingEmail, [_email(user, "fresh"), _email(user, "taken")])
    assert list(OutgoingEmail.objects.values_list("event_key", flat=True)) == ["taken"]


def test_jobs_queued_in_bulk_are_run_by_the_worker():
    rows = enqueue_many(jobs_for_tests.count_once, [("bulk-a",), ("bulk-b",)])
    stored = DBTaskResult.objects.filter(pk__in=[row.pk for row in rows])
    assert stored.count() == 2 and {task.args_kwargs["args"][0] for task in stored} == {"bulk-a", "bulk-b"}
    assert run_jobs() == 2
    assert all(task.status == "SUCCESSFUL" for task in DBTaskResult.objects.filter(pk__in=[row.pk for row in rows]))
