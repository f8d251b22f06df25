"""Reviewers for tests (and for other apps' tests): accredited, available and with no employment by default."""

import datetime

from django.utils import timezone

from safeguarding.organisations.factories import UserFactory

from .models import Accreditation, AccreditationLevel, Availability, Employment, Reviewer


def make_reviewer(user=None, *, accredited=True, level=AccreditationLevel.ACCREDITED, specialisms=(), **fields):
    """A register entry; `accredited` adds an accreditation current today (from a year ago, for three years)."""
    user = user or UserFactory()
    today = timezone.localdate()
    fields.setdefault("availability", Availability.AVAILABLE)
    reviewer = Reviewer.objects.create(user=user, specialisms=list(specialisms), added_on=today, **fields)
    if accredited:
        add_accreditation(reviewer, today - datetime.timedelta(days=365), today + datetime.timedelta(days=730), level)
    return reviewer


def add_accreditation(reviewer, accredited_on, expires_on, level=AccreditationLevel.ACCREDITED):
    return Accreditation.objects.create(
        reviewer=reviewer,
        level=level,
        awarding_body="National body for child safeguarding practice",
        accredited_on=accredited_on,
        expires_on=expires_on,
        recorded_by=reviewer.user,
    )


def add_employment(reviewer, *, started_on, ended_on=None, organisation=None, area=None, role_title="Team manager"):
    return Employment.objects.create(
        reviewer=reviewer,
        organisation=organisation,
        area=area,
        role_title=role_title,
        started_on=started_on,
        ended_on=ended_on,
        recorded_by=reviewer.user,
    )
