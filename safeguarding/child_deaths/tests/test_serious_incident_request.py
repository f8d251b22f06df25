"""A panel whose review calls for a serious incident asks the local authority for the notification: a draft
pre-filled from the death reaches the local authority's notifying people (a task and a message), and their
submission links the death and the incident, on both cases, audited in both trails."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.models import AuditEvent
from safeguarding.core.work.tasks import tasks_for
from safeguarding.incidents.actions.notification import missing_to_submit, save_draft, submit_notification
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import Incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.jobs.testing import run_jobs
from safeguarding.notifications.models import Kind, Notification
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

from ..actions.reports import request_report
from ..actions.review import save_review
from ..actions.serious_incident import request_serious_incident_notification
from ..factories import TODAY, make_case
from ..models import PanelReview
from .conftest import verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(area):
    organisation = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def notifier(area, council):
    """A social worker of the local authority: may start and submit the area's notifications."""
    return verified(person_with_role(Role.PRACTITIONER, area, organisation=council))


@pytest.fixture
def health_practitioner(area):
    """Of a statutory partner that may start a notification but not submit it (the local authority notifies)."""
    health = OrganisationFactory(kind=OrganisationKind.HEALTH, name="Area A ICB")
    area.partners.add(health)
    return verified(person_with_role(Role.PRACTITIONER, area, organisation=health))


def _prompted(area, panel_manager, *, death=None, **review):
    case = make_case(area, **(death or {}))
    school = OrganisationFactory(kind=OrganisationKind.SCHOOL, name="Riverside Primary")
    request_report(panel_manager, case, organisation=school, contexts=[], today=TODAY)
    save_review(panel_manager, case, {"category": "1", "modifiable": "insufficient", **review}, today=TODAY)
    return case


@pytest.fixture
def prompted(area, panel, panel_manager, council):
    """A death whose panel review recorded category 1: the serious incident prompt is showing."""
    return _prompted(area, panel_manager)


def _complete(notifier, incident):
    return save_draft(
        notifier,
        incident,
        incident.version,
        {"harm_kinds": ["neglect"], "child_disability": "no", "child_status": "child_in_need"},
        today=TODAY,
    )


def test_the_draft_is_filled_in_from_the_death_for_the_same_child(area, panel_manager, prompted, council):
    incident = request_serious_incident_notification(panel_manager, prompted, today=TODAY)

    assert incident.status == IncidentStatus.DRAFT and incident.area == area
    assert incident.child == prompted.child  # the pseudonymised identity the death holds, not a copy
    assert incident.started_by_organisation == council
    assert (incident.incident_date, incident.aware_date) == (prompted.date_of_death, TODAY)
    assert (incident.harm, incident.abuse_or_neglect, incident.where_harmed) == ("death", "suspected", "in_area")
    assert (incident.child_age_years, incident.child_sex, incident.child_ethnicity) == (7, "female", "white")
    assert prompted.reference in incident.summary and "Found unresponsive at home" in incident.summary
    # What the local authority still adds before submitting.
    assert set(missing_to_submit(incident)) == {"harm_kinds", "child_disability", "child_status"}
    assert PanelReview.objects.get(case=prompted).serious_incident_requested == incident
    event = AuditEvent.objects.get(verb="child_death.serious_incident.requested")
    assert (event.area_id, event.data["reference"]) == (area.pk, incident.reference)
    assert AuditEvent.objects.get(verb="incident.draft_started").data["asked_for_by"] == prompted.reference


def test_the_local_authoritys_notifiers_get_a_task_and_a_message(
    area, other_area, panel_manager, prompted, notifier, health_practitioner
):
    elsewhere = verified(person_with_role(Role.PRACTITIONER, other_area))
    incident = request_serious_incident_notification(panel_manager, prompted, today=TODAY)

    def requested(person):
        return [task for task in tasks_for(person, today=TODAY) if task.kind == "incidents.requested-draft"]

    (task,) = requested(notifier)
    assert task.reference == incident.reference
    assert task.url == reverse("incidents:notification", args=[incident.pk])
    for person in (health_practitioner, panel_manager, elsewhere):
        assert requested(person) == []
    assert not [task for task in tasks_for(panel_manager, today=TODAY) if task.kind == "incidents.finish-draft"]

    run_jobs()
    messages = Notification.objects.filter(kind=Kind.SERIOUS_INCIDENT_REQUESTED)
    assert {message.recipient for message in messages} == {notifier}
    (email,) = [email for email in mail.outbox if notifier.email in email.to]
    assert incident.reference in email.subject
    assert prompted.child.pseudonym not in email.body and "Rowan" not in email.body


def test_the_notifier_opens_completes_and_submits_it_and_both_cases_link(
    client, sign_in, area, panel_manager, prompted, notifier
):
    incident = request_serious_incident_notification(panel_manager, prompted, today=TODAY)
    sign_in(notifier)
    assert client.get(reverse("incidents:notification", args=[incident.pk])).status_code == 200
    incident = _complete(notifier, incident)
    assert PanelReview.objects.get(case=prompted).serious_incident is None  # a draft links nothing yet

    submit_notification(notifier, incident, incident.version, today=TODAY)

    review = PanelReview.objects.get(case=prompted)
    assert review.serious_incident == incident
    linked = AuditEvent.objects.filter(verb__in=["child_death.serious_incident.linked", "incident.child_death.linked"])
    assert {(event.verb, event.actor_label, event.data["requested"]) for event in linked} == {
        ("child_death.serious_incident.linked", notifier.email, True),
        ("incident.child_death.linked", notifier.email, True),
    }
    # The task has gone with the draft.
    assert not [task for task in tasks_for(notifier, today=TODAY) if task.kind == "incidents.requested-draft"]
    # A link on both cases.
    incident_page = client.get(reverse("incidents:case", args=[incident.pk])).content.decode()
    assert f'href="{reverse("child_deaths:case", args=[prompted.reference])}"' in incident_page
    client.logout()
    sign_in(panel_manager)
    death_page = client.get(reverse("child_deaths:case", args=[prompted.reference])).content.decode()
    assert f'href="{reverse("incidents:case", args=[incident.pk])}"' in death_page


def test_only_the_local_authority_submits_it(panel_manager, prompted, notifier, health_practitioner):
    incident = _complete(notifier, request_serious_incident_notification(panel_manager, prompted, today=TODAY))
    with pytest.raises(PermissionDenied):
        submit_notification(health_practitioner, incident, incident.version, today=TODAY)
    with pytest.raises(PermissionDenied):
        submit_notification(panel_manager, incident, incident.version, today=TODAY)
    assert PanelReview.objects.get(case=prompted).serious_incident is None


def test_only_the_panel_manager_asks(area, other_area_panel_manager, notifier, prompted, panel):
    member = verified(person_with_role(Role.PANEL_MEMBER, area))
    for person in (member, notifier, other_area_panel_manager):
        with pytest.raises(PermissionDenied):
            request_serious_incident_notification(person, prompted, today=TODAY)
    assert not Incident.objects.exists()
    assert not AuditEvent.objects.filter(verb="child_death.serious_incident.requested").exists()


def test_asked_once_and_not_when_linked_nor_before_the_review_calls_for_it(area, panel_manager, prompted, council):
    request_serious_incident_notification(panel_manager, prompted, today=TODAY)
    with pytest.raises(ValidationError, match="was asked already"):
        request_serious_incident_notification(panel_manager, prompted, today=TODAY)

    quiet = _prompted(
        area, panel_manager, category="6", abuse_or_neglect_suspected=False, death={"nhs_number": "9990000042"}
    )
    with pytest.raises(ValidationError, match="has not called for a serious incident"):
        request_serious_incident_notification(panel_manager, quiet, today=TODAY)
    assert Incident.objects.count() == 1


def test_an_area_without_a_local_authority_cannot_be_asked(area, panel, panel_manager):
    case = _prompted(area, panel_manager)
    with pytest.raises(ValidationError, match="has no local authority among its partners"):
        request_serious_incident_notification(panel_manager, case, today=TODAY)
    assert not Incident.objects.exists()


def test_the_panel_manager_asks_from_the_chooser_page(client, sign_in, area, panel_manager, prompted):
    sign_in(panel_manager)
    url = reverse("child_deaths:serious-incident", args=[prompted.reference])
    page = client.get(url).content.decode()
    ask = reverse("child_deaths:request-serious-incident", args=[prompted.reference])
    assert f'action="{ask}"' in page

    response = client.post(ask, follow=True)

    incident = Incident.objects.get()
    assert f"draft notification {incident.reference} is filled in from this death" in response.content.decode()
    assert "was asked to notify it" in response.content.decode()
    # With notified incidents to choose from the page still offers both, and now says the draft waits.
    make_incident(area)
    page = client.get(url).content.decode()
    assert f"draft notification {incident.reference}, filled in from this death, waits" in page
    assert f'action="{ask}"' not in page
    assert client.post(ask, follow=True).status_code == 200
    assert Incident.objects.filter(status=IncidentStatus.DRAFT).count() == 1


def test_others_cannot_ask_from_the_page(client, sign_in, area, prompted, notifier):
    sign_in(notifier)
    response = client.post(reverse("child_deaths:request-serious-incident", args=[prompted.reference]))
    assert response.status_code == 404
    assert not Incident.objects.exists()
