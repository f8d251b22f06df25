"""State machines with add-only history.

Each case type declares its allowed transitions in ONE table, e.g.

    TRANSITIONS = StateMachine({
        ("draft", "submitted"),
        ("submitted", "rapid_inquiry"),
    })

and has a status-history model (subclass of `StatusChangeBase`) whose rows are only ever added.
An action moves a case with `machine.move(case, to_state, actor=..., reason=..., history=HistoryModel)`
inside its transaction: the move is refused with a message naming both states if the table does not
allow it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class TransitionNotAllowed(ValidationError):
    pass


class StateMachine:
    def __init__(self, transitions, labels=None):
        self.transitions = frozenset(transitions)
        self.labels = labels or {}

    def label(self, state):
        return self.labels.get(state, str(state).replace("_", " "))

    def allowed_from(self, state):
        return sorted(to for (frm, to) in self.transitions if frm == state)

    def check(self, from_state, to_state):
        if (from_state, to_state) not in self.transitions:
            allowed = ", ".join(self.label(s) for s in self.allowed_from(from_state)) or "nothing"
            raise TransitionNotAllowed(
                f"A case that is {self.label(from_state)} cannot become {self.label(to_state)}; "
                f"from {self.label(from_state)} it can become: {allowed}",
                code="transition_not_allowed",
            )

    def move(self, case, to_state, *, actor, history, reason="", status_field="status"):
        """Checks the move, adds the history row and sets the case's status (the caller saves the case)."""
        from_state = getattr(case, status_field)
        self.check(from_state, to_state)
        history.objects.create(case=case, from_state=from_state, to_state=to_state, changed_by=actor, reason=reason)
        setattr(case, status_field, to_state)
        return from_state


class StatusChangeBase(models.Model):
    """One move of a case from one state to another: who, when, why. Never edited or deleted.

    Subclasses add `case = models.ForeignKey(<CaseModel>, related_name="status_changes", ...)`.
    """

    from_state = models.CharField(max_length=40)
    to_state = models.CharField(max_length=40)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["changed_at", "pk"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Status history is add-only: a recorded change cannot be edited")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Status history is add-only: a recorded change cannot be deleted")
