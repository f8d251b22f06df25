"""The pages of the journey: notify, list with filters and clocks, decide a link, panel review."""

import datetime

import pytest
from django.urls import reverse

from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from ..factories import make_case, notify
from ..models import ChildDeathCase, LinkCandidate

pytestmark = pytest.mark.django_db


def form_data(area):
    return {
        "agency": "police",
        "given_names": "Milo",
        "family_name": "Dunmore",
        "nhs_number": "9990000050",
        "date_of_birth_0": "2",
        "date_of_birth_1": "5",
        "date_of_birth_2": "2011",
        "postcode": "TS1 2AB",
        "residence_area": area.pk,
        "sex": "male",
        "ethnicity_group": "white",
        "date_of_death_0": "19",
        "date_of_death_1": "11",
        "date_of_death_2": "2026",
        "place_of_death": "public_place",
        "place_of_death_area": area.pk,
        "expectation": "unexpected",
        "jar_criteria": ["external_causes"],
        "circumstances": "Struck by a car while crossing the road after school.",
        "notifier_name": "PC Ray",
        "notifier_role": "Roads policing",
        "notifier_contact": "roads@police.example",
    }


def test_notifying_through_the_page(client, sign_in, area):
    sign_in(person_with_role(Role.PRACTITIONER, area))
    response = client.post(reverse("child_deaths:notify"), form_data(area), follow=True)
    case = ChildDeathCase.objects.get()
    assert case.reference in response.content.decode()
    assert "Notification received" in response.content.decode()


def test_the_page_names_each_bad_field(client, sign_in, area):
    sign_in(person_with_role(Role.PRACTITIONER, area))
    data = {**form_data(area), "date_of_death_2": "2027", "nhs_number": "1234567890", "residence_area": ""}
    page = client.post(reverse("child_deaths:notify"), data).content.decode()
    assert "The date of death must be today or in the past" in page
    assert "Modulus 11" in page
    assert "Select the safeguarding area where the child normally lived" in page
    assert not ChildDeathCase.objects.exists()


def test_the_case_list_filters_and_paginates(client, sign_in, area, panel):
    expected = make_case(area, expectation="expected", jar_criteria=[])
    unexpected = make_case(area, nhs_number="9990000069", date_of_birth=datetime.date(2026, 11, 1))
    sign_in(person_with_role(Role.PANEL_MANAGER, area))
    page = client.get(reverse("child_deaths:cases"), {"expectation": "unexpected"}).content.decode()
    assert unexpected.reference in page and expected.reference not in page
    page = client.get(reverse("child_deaths:cases"), {"age_band": "0-27d", "panel": panel.pk}).content.decode()
    assert unexpected.reference in page and expected.reference not in page
    assert "National database" in page and "Due" in page
    empty = client.get(reverse("child_deaths:cases"), {"status": "closed"}).content.decode()
    assert "There are no child deaths matching these filters" in empty


def test_the_panel_manager_decides_a_link_on_its_page(client, sign_in, area, panel):
    notify(area)
    notify(area, family_name="Hartigen", nhs_number="", nhs_number_unavailable_reason="Not known")
    candidate = LinkCandidate.objects.get()
    sign_in(person_with_role(Role.PANEL_MANAGER, area))
    url = reverse("child_deaths:decide-link", args=[candidate.pk])
    page = client.get(url).content.decode()
    assert "Nearly the same (one or two letters differ)" in page and "Hartig" not in page
    # Each detail's level and weight, in a table and a waterfall chart, and the model that scored it.
    assert "Scored by linkage model version 1" in page
    assert page.count('class="app-waterfall__bar ') == len(candidate.reasons["fields"]) + 2
    assert "Starting point" in page and "Of which, how common" in page
    assert "Select whether" in client.post(url, {}).content.decode()
    source, target = candidate.notification.case, candidate.case
    done = client.post(url, {"decision": "confirm"}, follow=True).content.decode()
    candidate.refresh_from_db()
    assert candidate.decision == LinkCandidate.Decision.CONFIRMED
    assert f"Link confirmed: the notification on {source.reference} is now part of {target.reference}." in done
    assert f"{source.reference} and {target.reference}: confirmed" in done
    assert f"{target.reference} and {target.reference}" not in done


def test_a_proposal_seen_without_identity_rights_hides_how_common_the_names_are(client, sign_in, area, panel):
    """National roles see the case pseudonymised: the weights, but not the part owed to how common a name is."""
    case = notify(area).case
    notify(area, family_name="Hartigen", nhs_number="", nhs_number_unavailable_reason="Not known")
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    page = client.get(reverse("child_deaths:case", args=[case.reference])).content.decode()
    assert "Why they may be the same child" in page and "Scored by linkage model version 1" in page
    assert "Of which, how common" not in page and "Hartig" not in page
