"""Scrutiny with findings and responses, outcome measures over time, engagement with children."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.arrangements.actions import effectiveness as actions
from safeguarding.arrangements.models import OutcomeValue, ScrutinyActivity, ScrutinyKind
from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


def _activity(partners):
    return actions.record_scrutiny(
        partners.administrator,
        partners.area,
        kind=ScrutinyKind.THEMATIC_AUDIT,
        title="Audit of neglect cases",
        carried_out_on=datetime.date(2026, 6, 1),
        carried_out_by="Independent scrutineer",
        findings="Health visitors were not invited to half of the strategy discussions.",
    )


def test_scrutiny_is_recorded_then_responded_to(partners):
    activity = _activity(partners)
    actions.respond_to_scrutiny(
        partners.health_lco,
        activity,
        response="Strategy discussions now always invite the health visitor.",
        responded_on=datetime.date(2026, 7, 1),
        expected_version=1,
    )
    activity.refresh_from_db()
    assert activity.response.startswith("Strategy discussions") and activity.version == 2
    assert AuditEvent.objects.filter(verb__startswith="arrangements.scrutiny").count() == 2


def test_a_response_before_the_activity_is_refused(partners):
    activity = _activity(partners)
    with pytest.raises(ValidationError) as refused:
        actions.respond_to_scrutiny(
            partners.administrator, activity, response="x", responded_on=datetime.date(2026, 5, 1), expected_version=1
        )
    assert "responded_on" in refused.value.message_dict


def test_a_stale_response_is_refused(partners):
    activity = _activity(partners)
    stale = ScrutinyActivity.objects.get(pk=activity.pk)
    actions.respond_to_scrutiny(
        partners.administrator, activity, response="First", responded_on=datetime.date(2026, 7, 1), expected_version=1
    )
    with pytest.raises(StaleEdit):
        actions.respond_to_scrutiny(
            partners.council_lco, stale, response="Second", responded_on=datetime.date(2026, 7, 2), expected_version=1
        )


def test_practitioners_cannot_record_scrutiny(partners):
    with pytest.raises(PermissionDenied):
        actions.record_scrutiny(
            person_with_role(Role.PRACTITIONER, partners.area),
            partners.area,
            kind=ScrutinyKind.INSPECTION,
            title="x",
            carried_out_on=datetime.date(2026, 1, 1),
            carried_out_by="x",
            findings="x",
        )


def test_measure_values_over_time_with_changes(client, sign_in, partners):
    measure = actions.add_measure(
        partners.administrator,
        partners.area,
        name="Re-referrals within 12 months",
        description="",
        unit="%",
        higher_is_better=False,
    )
    actions.record_value(
        partners.administrator, measure, period_ending=datetime.date(2025, 3, 31), value=Decimal("22.0")
    )
    actions.record_value(
        partners.administrator, measure, period_ending=datetime.date(2026, 3, 31), value=Decimal("19.5")
    )
    with pytest.raises(ValidationError, match="already recorded"):
        actions.record_value(
            partners.administrator, measure, period_ending=datetime.date(2026, 3, 31), value=Decimal(1)
        )
    sign_in(partners.police_lco)
    page = client.get(
        reverse("arrangements:measure", kwargs={"slug": partners.area.slug, "pk": measure.pk})
    ).content.decode()
    assert "19.50" in page and "-2.50" in page
    assert OutcomeValue.objects.count() == 2


def test_forms_refuse_future_dates_naming_the_field(client, sign_in, partners):
    sign_in(partners.administrator)
    url = reverse("arrangements:add-engagement", kwargs={"slug": partners.area.slug})
    page = client.post(
        url,
        {
            "held_on_0": "1",
            "held_on_1": "1",
            "held_on_2": "2099",
            "activity": "Workshop",
            "participants": "Youth council",
        },
    ).content.decode()
    assert "The date it happened must be today or in the past" in page
    response = client.post(
        url,
        {
            "held_on_0": "1",
            "held_on_1": "10",
            "held_on_2": "2026",
            "activity": "Workshop on online safety",
            "participants": "14 members of the Youth Council",
            "what_changed": "The partners added sextortion to the communication strategy.",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("arrangements:effectiveness", kwargs={"slug": partners.area.slug})).content.decode()
    assert "Workshop on online safety" in page


def test_another_area_cannot_see_scrutiny(client, sign_in, partners, other_partners):
    activity = _activity(partners)
    sign_in(other_partners.administrator)
    url = reverse("arrangements:scrutiny", kwargs={"slug": partners.area.slug, "pk": activity.pk})
    assert client.get(url).status_code == 404
    wrong_area = reverse("arrangements:scrutiny", kwargs={"slug": other_partners.area.slug, "pk": activity.pk})
    assert client.get(wrong_area).status_code == 404
