"""The monthly digest email: to every national analyst and administrator, once per month, audited; a month
still to come is refused."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from safeguarding.core.models import AuditEvent
from safeguarding.learning.repository.factories import make_entry
from safeguarding.learning.repository.models import EntryKind
from safeguarding.learning.repository.search import digest
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(area):
    analyst = person_with_role(Role.NATIONAL_ANALYST, email="analyst@example.org")
    administrator = person_with_role(Role.NATIONAL_ADMINISTRATOR, email="admin@example.org")
    person_with_role(Role.LEAD_CHIEF_OFFICER, area, email="lco@example.org")
    return analyst, administrator


def _send(month, **options):
    out = io.StringIO()
    call_command("send_learning_digest", "--month", month, stdout=out, **options)
    return out.getvalue()


def test_the_months_additions_reach_every_national_role_and_no_one_else(readers, django_capture_on_commit_callbacks):
    make_entry(title="Added in March", today=datetime.date(2026, 3, 4))
    make_entry(
        title="Summary in March", kind=EntryKind.RAPID_INQUIRY, is_public=False, today=datetime.date(2026, 3, 30)
    )
    make_entry(title="Added in April", today=datetime.date(2026, 4, 1))
    with django_capture_on_commit_callbacks(execute=True):
        output = _send("2026-03", base_url="https://learning.example/")
    assert "2 new entries to 2 people" in output
    assert sorted(message.to[0] for message in mail.outbox) == ["admin@example.org", "analyst@example.org"]
    body = mail.outbox[0].body
    assert "Added in March" in body and "Summary in March (not public" in body and "Added in April" not in body
    assert "https://learning.example/learning/reports/NLR-2026-" in body
    assert "https://learning.example/learning/digest/2026-03/" in body
    event = AuditEvent.objects.get(verb=digest.SENT_VERB)
    assert event.data == {"month": "2026-03", "entries": 2, "recipients": 2}


def test_a_month_is_sent_once(readers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _send("2026-03")
        output = _send("2026-03")
    assert "sent before: nothing was sent again" in output
    assert len(mail.outbox) == 2
    assert AuditEvent.objects.filter(verb=digest.SENT_VERB).count() == 1


def test_an_empty_month_still_tells_the_readers(readers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _send("2025-01")
    assert "Nothing was added this month." in mail.outbox[0].body


def test_a_month_still_to_come_is_refused_and_nothing_is_sent(readers):
    with pytest.raises(CommandError, match="has not begun"):
        _send("2999-01")
    with pytest.raises(ValidationError, match="has not begun"):
        digest.send_digest(datetime.date(2026, 5, 1), today=datetime.date(2026, 4, 30))
    assert not mail.outbox and not AuditEvent.objects.filter(verb=digest.SENT_VERB).exists()


@pytest.mark.parametrize("month", ["2026-13", "March", "2026", "", "2026-03-01"])
def test_a_malformed_month_names_the_format(month):
    with pytest.raises(CommandError, match="yyyy-mm"):
        _send(month)


def test_the_current_month_may_be_sent_so_far():
    result = digest.send_digest(datetime.date(2026, 4, 1), today=datetime.date(2026, 4, 15))
    assert not result.already_sent and result.entries == 0
