"""Notification: drafts, the child's identity, eligibility, bad input, duplicates, stale forms, submission."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.incidents.actions import notification as actions
from safeguarding.incidents.factories import NHS_NUMBERS, child_of, complete_notification_data, make_incident
from safeguarding.incidents.models import Incident
from safeguarding.incidents.states import IncidentStatus

pytestmark = pytest.mark.django_db
D = datetime.date
IDENTITY = {
    "given_names": "Ellis",
    "family_name": "Marsh",
    "nhs_number": NHS_NUMBERS[1],
    "date_of_birth": D(2026, 2, 3),
}


def _errors(excinfo):
    return excinfo.value.message_dict


def test_a_police_practitioner_starts_a_draft_with_part_of_the_details(area, police_officer):
    draft = actions.start_notification(police_officer, area, {"harm": "death", "incident_date": D(2026, 11, 20)})
    assert draft.status == IncidentStatus.DRAFT
    assert draft.started_by_organisation.kind == "police"
    assert draft.status_changes.get().to_state == IncidentStatus.DRAFT
    assert AuditEvent.objects.filter(verb="incident.draft_started", area=area).count() == 1


def test_a_police_practitioner_may_not_submit(area, police_officer):
    draft = actions.start_notification(police_officer, area, complete_notification_data(), identity=IDENTITY)
    with pytest.raises(PermissionDenied):
        actions.submit_notification(police_officer, draft, draft.version)


def test_someone_without_a_starter_role_may_not_start(area):
    from safeguarding.organisations.factories import person_with_role
    from safeguarding.organisations.models import Role

    with pytest.raises(PermissionDenied):
        actions.start_notification(person_with_role(Role.REVIEWER, area), area, {})


def test_the_local_authority_submits_a_complete_draft_in_one_transaction(area, social_worker):
    draft = actions.start_notification(social_worker, area, complete_notification_data(), identity=IDENTITY)
    assert draft.child.pseudonym.startswith("C-")
    submitted = actions.submit_notification(social_worker, draft, draft.version)
    assert submitted.status == IncidentStatus.SUBMITTED
    assert submitted.submitted_by == social_worker
    assert [c.to_state for c in submitted.status_changes.all()] == ["draft", "submitted"]
    event = AuditEvent.objects.get(verb="incident.notified")
    assert "Ellis" not in str(event.data) and NHS_NUMBERS[1] not in str(event.data)


def test_submission_lists_everything_missing(area, social_worker):
    draft = actions.start_notification(social_worker, area, {"harm": "death"})
    with pytest.raises(ValidationError) as refused:
        actions.submit_notification(social_worker, draft, draft.version)
    errors = _errors(refused)
    assert errors["harm_kinds"] == ["Select at least one kind of harm"]
    assert errors["incident_date"] == ["Enter the date the incident happened"]
    assert "given_names" in errors
    draft.refresh_from_db()
    assert draft.status == IncidentStatus.DRAFT


def test_an_ineligible_incident_is_refused_with_the_reasons(area, social_worker):
    data = complete_notification_data(abuse_or_neglect="not_suspected", harm="other")
    draft = actions.start_notification(social_worker, area, data, identity=IDENTITY)
    with pytest.raises(ValidationError) as refused:
        actions.submit_notification(social_worker, draft, draft.version)
    messages = _errors(refused)["abuse_or_neglect"]
    assert "Abuse or neglect must be known or suspected." in messages
    assert "The child must have died or been seriously harmed." in messages


def test_the_death_of_a_care_leaver_is_eligible_whatever_the_cause(area, social_worker):
    data = complete_notification_data(
        abuse_or_neglect="not_suspected", harm="death", looked_after_or_care_leaver_death=True
    )
    draft = actions.start_notification(social_worker, area, data, identity=IDENTITY)
    assert actions.submit_notification(social_worker, draft, draft.version).status == IncidentStatus.SUBMITTED


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"incident_date": D(2026, 12, 1)},
            "incident_date",
            "The date the incident happened must be today or in the past",
        ),
        ({"aware_date": D(2026, 12, 1)}, "aware_date", "The date you became aware must be today or in the past"),
        (
            {"incident_date": D(2026, 11, 10), "aware_date": D(2026, 11, 9)},
            "aware_date",
            "The date you became aware must be the same as or after the date of the incident",
        ),
        ({"harm_kinds": ["sorcery"]}, "harm_kinds", "Unknown kind of harm: sorcery"),
        ({"agencies_involved": [999999]}, "agencies_involved", "Unknown organisation: 999999 is not an agency of"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_stored(area, social_worker, overrides, field, message):
    data = complete_notification_data(**overrides)
    with pytest.raises(ValidationError) as refused:
        actions.start_notification(social_worker, area, data, identity=IDENTITY, today=D(2026, 11, 26))
    assert _errors(refused)[field][0].startswith(message)
    assert not Incident.objects.exists()


def test_an_invalid_nhs_number_is_refused_and_no_identity_is_stored(area, social_worker):
    from safeguarding.core.identity.models import ChildIdentity

    with pytest.raises(ValidationError) as refused:
        actions.start_notification(
            social_worker, area, complete_notification_data(), identity={**IDENTITY, "nhs_number": "9434765918"}
        )
    assert "Modulus 11" in _errors(refused)["nhs_number"][0]
    assert not Incident.objects.exists()
    assert not ChildIdentity.objects.exists()


def test_a_stale_draft_save_is_refused_and_overwrites_nothing(area, social_worker, police_officer):
    draft = actions.start_notification(police_officer, area, {"summary": "First words"})
    opened_version = draft.version
    actions.save_draft(social_worker, Incident.objects.get(pk=draft.pk), opened_version, {"summary": "Council's words"})
    with pytest.raises(StaleEdit):
        actions.save_draft(
            police_officer, Incident.objects.get(pk=draft.pk), opened_version, {"summary": "Police words"}
        )
    assert Incident.objects.get(pk=draft.pk).summary == "Council's words"


def test_a_second_open_notification_for_the_same_child_is_flagged(area, social_worker):
    first = make_incident(area, child=child_of(area, NHS_NUMBERS[1]))
    draft = actions.start_notification(social_worker, area, complete_notification_data(), identity=IDENTITY)
    submitted = actions.submit_notification(social_worker, draft, draft.version)
    assert submitted.possible_duplicate_of == first


def test_a_closed_notification_for_the_same_child_is_not_a_duplicate(area, social_worker):
    make_incident(area, IncidentStatus.PUBLISHED, child=child_of(area, NHS_NUMBERS[1]))
    draft = actions.start_notification(social_worker, area, complete_notification_data(), identity=IDENTITY)
    assert actions.submit_notification(social_worker, draft, draft.version).possible_duplicate_of is None


# --- through the pages ---


def _form_data(version=None, **overrides):
    data = {
        "abuse_or_neglect": "suspected",
        "harm": "death",
        "where_harmed": "in_area",
        "incident_date_0": "16",
        "incident_date_1": "11",
        "incident_date_2": "2026",
        "aware_date_0": "17",
        "aware_date_1": "11",
        "aware_date_2": "2026",
        "harm_kinds": ["neglect"],
        "summary": "Toddler found unresponsive at home; home conditions very poor.",
        "child_age_years": "2",
        "child_sex": "female",
        "child_ethnicity": "mixed",
        "child_disability": "not_known",
        "child_status": "child_protection_plan",
        "given_names": "Ruby",
        "family_name": "Lane",
        "nhs_number": "943 476 5870",
        "proceeding_inquest": "planned",
    }
    if version is not None:
        data["version"] = str(version)
    data.update(overrides)
    return data


def test_pages_save_a_draft_then_submit_it(client, sign_in, area, social_worker):
    sign_in(social_worker)
    response = client.post(reverse("incidents:start", args=[area.slug]), _form_data(summary="", action="save"))
    draft = Incident.objects.get()
    assert response.url == reverse("incidents:notification", args=[draft.pk])
    assert draft.child is not None and draft.parallel_proceedings == {"inquest": "planned"}
    page = client.get(response.url)
    assert b"Describe what happened, without names" in page.content  # listed as still needed
    response = client.post(response.url, _form_data(version=draft.version, action="submit", given_names=""))
    assert response.url == reverse("incidents:case", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == IncidentStatus.SUBMITTED
    assert client.get(response.url).status_code == 200


def test_a_refused_submission_from_the_page_keeps_the_draft_as_it_was(client, sign_in, area, social_worker):
    draft = actions.start_notification(social_worker, area, {"summary": "Before"})
    sign_in(social_worker)
    response = client.post(
        reverse("incidents:notification", args=[draft.pk]),
        _form_data(version=draft.version, action="submit", summary="After", harm_kinds=[]),
    )
    assert response.status_code == 200
    assert "Select at least one kind of harm" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.status, draft.summary, draft.child) == (IncidentStatus.DRAFT, "Before", None)


def test_the_page_refuses_a_stale_form(client, sign_in, area, social_worker):
    draft = actions.start_notification(social_worker, area, {"summary": "Before"})
    actions.save_draft(social_worker, draft, draft.version, {"summary": "Someone else"})
    sign_in(social_worker)
    response = client.post(reverse("incidents:notification", args=[draft.pk]), _form_data(version=1, action="save"))
    assert "Someone else saved this record" in response.content.decode()
    draft.refresh_from_db()
    assert draft.summary == "Someone else"


def test_the_page_names_a_future_date(client, sign_in, area, social_worker):
    sign_in(social_worker)
    response = client.post(
        reverse("incidents:start", args=[area.slug]),
        _form_data(incident_date_2="2030", aware_date_2="2030", action="save"),
    )
    assert "The date the incident happened must be today or in the past" in response.content.decode()
    assert not Incident.objects.exists()


def test_a_police_practitioner_sees_no_submit_button_and_cannot_post_one(client, sign_in, area, police_officer):
    draft = actions.start_notification(police_officer, area, {})
    sign_in(police_officer)
    url = reverse("incidents:notification", args=[draft.pk])
    assert b"Submit notification" not in client.get(url).content
    assert client.post(url, _form_data(version=draft.version, action="submit")).status_code == 404
