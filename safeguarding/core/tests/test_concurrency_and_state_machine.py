import pytest
from django.core.exceptions import ValidationError

from safeguarding.core.concurrency import StaleEdit, save_if_unchanged
from safeguarding.core.state_machine import StateMachine, TransitionNotAllowed

MACHINE = StateMachine({("draft", "submitted"), ("submitted", "closed")}, labels={"draft": "a draft"})


def test_allowed_and_refused_moves_name_both_states():
    MACHINE.check("draft", "submitted")
    with pytest.raises(TransitionNotAllowed, match="A case that is a draft cannot become closed; from a draft it can"):
        MACHINE.check("draft", "closed")
    assert MACHINE.allowed_from("submitted") == ["closed"]
    assert isinstance(TransitionNotAllowed("x"), ValidationError)


@pytest.mark.django_db
def test_second_save_with_the_same_version_is_refused(area):
    from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: F401 (any model would do)

    from safeguarding.core import audit
    from safeguarding.core.identity.actions import record_identity

    child = record_identity(
        audit.Actor.system("tests"), area, given_names="A", family_name="B", nhs_number="9434765919"
    )
    first, second = type(child).objects.get(pk=child.pk), type(child).objects.get(pk=child.pk)
    save_if_unchanged(first, first.version, ["updated_at"])
    with pytest.raises(StaleEdit, match="Someone else saved this record after you opened it"):
        save_if_unchanged(second, second.version, ["updated_at"])
    assert type(child).objects.get(pk=child.pk).version == child.version + 1
