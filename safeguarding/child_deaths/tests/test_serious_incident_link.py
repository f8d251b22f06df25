"""The serious incident a panel links to a death: one of the area's notified incidents, a real relation shown
on both cases and audited on both, never free text. Text typed before is resolved or kept as a note."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeguarding.core.models import AuditEvent
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.incidents.views.case_context import child_death_cases
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

from ..actions.reports import request_report
from ..actions.review import link_serious_incident, linkable_incidents, save_review
from ..factories import TODAY, make_case
from ..models import PanelReview

pytestmark = pytest.mark.django_db
REVIEW = {"category": "1", "modifiable": "insufficient"}


@pytest.fixture
def prompted(area, panel, panel_manager):
    """A death whose panel review recorded category 1: the serious incident prompt is showing."""
    case = make_case(area)
    school = OrganisationFactory(kind=OrganisationKind.SCHOOL, name="Riverside Primary")
    request_report(panel_manager, case, organisation=school, contexts=[], today=TODAY)
    save_review(panel_manager, case, REVIEW, today=TODAY)
    return case


def test_only_the_areas_notified_incidents_are_offered_the_same_child_first(area, other_area, panel_manager, prompted):
    other = make_incident(area)
    same_child = make_incident(area, child=prompted.child)
    make_incident(area, IncidentStatus.DRAFT)
    make_incident(other_area)
    assert list(linkable_incidents(panel_manager, prompted)) == [same_child, other]


def test_free_text_is_refused_on_the_page(client, sign_in, area, panel_manager, prompted):
    make_incident(area)
    sign_in(panel_manager)
    url = reverse("child_deaths:serious-incident", args=[prompted.reference])
    for typed in ("SI-99999", "hello world"):
        page = client.post(url, {"incident": typed, "reference": typed}).content.decode()
        assert "There is a problem" in page
    assert PanelReview.objects.get(case=prompted).serious_incident is None
    assert "hello world" not in client.get(reverse("child_deaths:case", args=[prompted.reference])).content.decode()


def test_an_incident_of_another_area_or_unseen_is_refused(area, other_area, panel_manager, prompted):
    with pytest.raises(ValidationError) as refused:
        link_serious_incident(panel_manager, prompted, make_incident(other_area))
    assert "that you may see" in refused.value.message_dict["incident"][0]
    with pytest.raises(ValidationError):
        link_serious_incident(panel_manager, prompted, make_incident(area, IncidentStatus.DRAFT))


def test_the_panel_chooses_an_incident_and_both_cases_link_each_other(client, sign_in, area, panel_manager, prompted):
    incident = make_incident(area, child=prompted.child)
    sign_in(panel_manager)
    url = reverse("child_deaths:serious-incident", args=[prompted.reference])
    form = client.get(url).content.decode()
    assert 'type="radio"' in form and f"{incident.reference}, notified 18 November 2026" in form
    assert "(the same child)" in form
    response = client.post(url, {"incident": incident.pk}, follow=True)
    page = response.content.decode()
    assert f'href="{reverse("incidents:case", args=[incident.pk])}"' in page
    assert f"Serious incident {incident.reference} linked to this case" in page

    events = AuditEvent.objects.filter(verb__in=["child_death.serious_incident.linked", "incident.child_death.linked"])
    assert {(event.verb, event.area_id) for event in events} == {
        ("child_death.serious_incident.linked", area.pk),
        ("incident.child_death.linked", incident.area_id),
    }
    incident_event = events.get(verb="incident.child_death.linked")
    assert incident_event.target_id == str(incident.pk) and incident_event.data["case"] == prompted.reference

    practitioner = person_with_role(Role.PRACTITIONER, area)
    sign_in(practitioner)
    incident_page = client.get(reverse("incidents:case", args=[incident.pk])).content.decode()
    assert f'href="{reverse("child_deaths:case", args=[prompted.reference])}"' in incident_page


def test_the_incident_page_names_the_death_only_to_those_who_may_see_it(area, other_area, panel_manager, prompted):
    incident = make_incident(area)
    link_serious_incident(panel_manager, prompted, incident)
    assert child_death_cases(person_with_role(Role.PRACTITIONER, area), incident) == [prompted]
    assert child_death_cases(person_with_role(Role.PRACTITIONER, other_area), incident) == []


def test_changing_the_link_names_the_one_it_replaces(area, panel_manager, prompted):
    first, second = make_incident(area), make_incident(area)
    link_serious_incident(panel_manager, prompted, first)
    link_serious_incident(panel_manager, prompted, second)
    assert PanelReview.objects.get(case=prompted).serious_incident == second
    latest = AuditEvent.objects.filter(verb="child_death.serious_incident.linked").order_by("-sequence").first()
    assert latest.data["replaces"] == first.reference


def test_with_no_incident_to_choose_the_page_says_who_notifies(client, sign_in, panel_manager, prompted):
    sign_in(panel_manager)
    page = client.get(reverse("child_deaths:serious-incident", args=[prompted.reference])).content.decode()
    assert "There is no notified serious incident" in page and "Ask the local authority" in page


def test_the_migration_resolves_matching_references_and_keeps_the_rest(area, other_area, prompted):
    migration = importlib.import_module("safeguarding.child_deaths.migrations.0005_serious_incident_as_a_relation")
    incident = make_incident(area)
    elsewhere = make_incident(other_area)
    second = make_case(area, nhs_number="9990000069")
    third = make_case(area, nhs_number="9990000077")
    PanelReview.objects.filter(case=prompted).update(serious_incident_legacy_reference=incident.reference.lower())
    PanelReview.objects.create(case=second, serious_incident_legacy_reference="hello world")
    PanelReview.objects.create(case=third, serious_incident_legacy_reference=elsewhere.reference)

    migration.resolve_references(apps, None)

    resolved = PanelReview.objects.get(case=prompted)
    assert resolved.serious_incident == incident and resolved.serious_incident_legacy_reference == ""
    kept = PanelReview.objects.get(case=second)
    assert kept.serious_incident is None and kept.serious_incident_legacy_reference == "hello world"
    other_area_ref = PanelReview.objects.get(case=third)
    assert other_area_ref.serious_incident is None
    assert other_area_ref.serious_incident_legacy_reference == elsewhere.reference


def test_the_panel_manager_is_asked_to_link_until_it_is_linked(client, sign_in, area, panel_manager, prompted):
    from safeguarding.core.work.tasks import tasks_for

    from .conftest import verified

    def link_tasks():
        fresh = verified(type(panel_manager).objects.get(pk=panel_manager.pk))
        return [task for task in tasks_for(fresh, today=TODAY) if task.kind == "child_deaths.link-serious-incident"]

    (task,) = link_tasks()
    assert task.reference == prompted.reference
    sign_in(panel_manager)
    assert client.get(task.url).status_code == 200
    assert not [
        t
        for t in tasks_for(verified(person_with_role(Role.PRACTITIONER, area)), today=TODAY)
        if t.kind == "child_deaths.link-serious-incident"
    ]
    link_serious_incident(panel_manager, prompted, make_incident(area))
    assert link_tasks() == []
