"""The header's "Go to a reference" box: it opens what the person may see, and answers "not found" in
exactly the same way for a reference outside their scope as for one that does not exist."""

import re

import pytest

from safeguarding.child_deaths.factories import PanelFactory
from safeguarding.child_deaths.factories import make_case as make_death
from safeguarding.core.models import AuditEvent
from safeguarding.incidents.factories import child_of, make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.repository.factories import make_entry
from safeguarding.learning.repository.models import EntryKind
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(area, other_area):
    return {
        "practitioner": person_with_role(Role.PRACTITIONER, area),
        "other area": person_with_role(Role.PRACTITIONER, other_area),
        "analyst": person_with_role(Role.NATIONAL_ANALYST),
    }


def go(client, sign_in, person, reference):
    sign_in(person)
    return client.get("/go-to/", {"reference": reference})


def the_answer(response, reference):
    """What the person is told, without what differs between any two responses (tokens, nonces)."""
    main = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    main = re.sub(r'nonce="[^"]+"', "", main)
    # The reference typed is echoed in the box, the message and the session form's return address (the hint's
    # examples must stay as they are).
    for echoed in (f'value="{reference}"', f"reference {reference}.", f"?reference={reference}"):
        main = main.replace(echoed, echoed.replace(reference, "REFERENCE"))
    headers = {
        name: value for name, value in response.items() if name not in {"X-Request-Id", "Content-Security-Policy"}
    }
    return response.status_code, headers, main


def test_a_serious_incident_reference_opens_the_case_in_any_case_and_padding(client, sign_in, area, people):
    incident = make_incident(area)
    for typed in (incident.reference, incident.reference.lower(), f" SI-{incident.pk} "):
        response = go(client, sign_in, people["practitioner"], typed)
        assert response.status_code == 302 and response["Location"] == f"/incidents/{incident.pk}/"
    assert client.get(response["Location"]).status_code == 200


def test_a_child_death_reference_opens_the_case(client, sign_in, area, people):
    PanelFactory(areas=[area])
    case = make_death(area)
    response = go(client, sign_in, people["practitioner"], case.reference)
    assert response["Location"] == f"/child-deaths/{case.reference}/"
    assert client.get(response["Location"]).status_code == 200


def test_a_repository_reference_opens_published_reports_to_all_and_summaries_to_national_roles(client, sign_in, people):
    report = make_entry()
    summary = make_entry(kind=EntryKind.RAPID_INQUIRY, is_public=False)
    assert go(client, sign_in, people["practitioner"], report.reference)["Location"] == (
        f"/learning/reports/{report.reference}/"
    )
    assert go(client, sign_in, people["practitioner"], summary.reference).status_code == 404
    assert go(client, sign_in, people["analyst"], summary.reference).status_code == 302


def test_a_national_inquiry_reference_opens_only_for_national_roles(client, sign_in, area, people):
    inquiry = make_inquiry([area], proposed_by=people["analyst"])
    response = go(client, sign_in, people["analyst"], inquiry.reference)
    assert response["Location"] == f"/national-inquiries/{inquiry.pk}/"
    assert client.get(response["Location"]).status_code == 200
    assert go(client, sign_in, people["practitioner"], inquiry.reference).status_code == 404


def test_outside_ones_scope_the_answer_is_exactly_that_for_a_reference_that_does_not_exist(
    client, sign_in, area, people
):
    PanelFactory(areas=[area])
    existing = [make_incident(area).reference, make_death(area).reference]
    existing.append(make_inquiry([area], proposed_by=people["analyst"]).reference)
    existing.append(make_entry(kind=EntryKind.RAPID_INQUIRY, is_public=False).reference)
    existing.append(child_of(area, "9434765870").pseudonym)
    missing = ["SI-99999", "CD-2026-99999", "NSCI-2026-99", "NLR-2026-9999", "C-ZZZZ-ZZZZ"]
    for there, not_there in zip(existing, missing, strict=True):
        outside = go(client, sign_in, people["other area"], there)
        nowhere = go(client, sign_in, people["other area"], not_there)
        assert outside.status_code == 404
        assert the_answer(outside, there) == the_answer(nowhere, not_there), there
        assert "There is no case or child you can open with the reference" in outside.content.decode()


def test_a_draft_is_not_found_by_national_roles_as_the_case_page_hides_it(client, sign_in, area, people):
    draft = make_incident(area, IncidentStatus.DRAFT)
    assert go(client, sign_in, people["analyst"], draft.reference).status_code == 404
    assert go(client, sign_in, people["practitioner"], draft.reference).status_code == 302


def test_a_pseudonym_opens_the_childs_record_and_every_lookup_of_one_is_audited(client, sign_in, area, people):
    child = child_of(area)
    response = go(client, sign_in, people["practitioner"], child.pseudonym.lower())
    assert response["Location"] == f"/children/{child.pseudonym}/"
    assert client.get(response["Location"]).status_code == 200
    assert go(client, sign_in, people["other area"], child.pseudonym).status_code == 404

    found, refused = AuditEvent.objects.filter(verb="identity.looked_up").order_by("sequence")
    assert (found.actor, found.target_id, found.area, found.data["found"]) == (
        people["practitioner"],
        str(child.pk),
        area,
        True,
    )
    assert (refused.actor, refused.target_id, refused.area, refused.data["found"]) == (
        people["other area"],
        "",
        None,
        False,
    )
    assert refused.data["searched_for"] == child.pseudonym


def test_case_references_are_not_audited(client, sign_in, area, people):
    go(client, sign_in, people["practitioner"], make_incident(area).reference)
    assert not AuditEvent.objects.filter(verb="identity.looked_up").exists()


@pytest.mark.parametrize(
    ("typed", "status", "message"),
    [
        ("", 200, "Enter a case reference or a child&#x27;s pseudonym"),
        ("SI-" + "1" * 40, 200, "A reference or pseudonym is 30 characters or fewer"),
        ("hello", 404, "There is no case or child you can open with the reference HELLO"),
    ],
)
def test_bad_input_is_answered_on_the_page_with_the_field_named(client, sign_in, people, typed, status, message):
    response = go(client, sign_in, people["practitioner"], typed)
    assert response.status_code == status
    page = response.content.decode()
    assert message in page and 'href="#id_reference"' in page
    assert "There is a problem" in page


def test_the_page_without_a_reference_shows_the_form(client, sign_in, people):
    sign_in(people["practitioner"])
    response = client.get("/go-to/")
    assert response.status_code == 200 and "There is a problem" not in response.content.decode()


def test_every_kind_of_person_finds_an_area_case_exactly_when_its_page_opens_for_them(
    client, sign_in, area, other_area
):
    from safeguarding.core.tests.authorization import AREA_ROLES

    incident = make_incident(area)
    people = {f"area:{role}": person_with_role(role, area) for role in AREA_ROLES}
    people["other area:area_administrator"] = person_with_role(Role.AREA_ADMINISTRATOR, other_area)
    people["other area:practitioner"] = person_with_role(Role.PRACTITIONER, other_area)
    people["national:national_analyst"] = person_with_role(Role.NATIONAL_ANALYST)
    people["national:national_administrator"] = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    for name, person in people.items():
        found = go(client, sign_in, person, incident.reference).status_code == 302
        page_opens = client.get(f"/incidents/{incident.pk}/").status_code == 200
        assert found == page_opens == (not name.startswith("other area")), name
