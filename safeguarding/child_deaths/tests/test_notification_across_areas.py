"""A death notified in area A whose NHS number matches an open case of area B: A's notifier learns nothing of
B's case; the match is proposed to B's panel manager, who confirms or rejects it; both areas' audit trails
record it, each naming only its own case."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from ..actions.linkage import confirm_link, reject_link
from ..factories import PanelFactory, notify
from ..models import CaseStatus, LinkCandidate
from .conftest import verified
from .test_pages import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_in_b(other_area):
    PanelFactory(name="Area B Panel", slug="area-b-panel", areas=[other_area])
    return notify(other_area, nhs_number="9990000050").case


@pytest.fixture
def manager_of_b(other_area, case_in_b):
    return verified(person_with_role(Role.PANEL_MANAGER, other_area))


@pytest.fixture
def notified_in_a(area, panel, case_in_b):
    return notify(area, nhs_number="9990000050")


def test_the_notification_starts_its_own_case_and_the_match_is_proposed_to_b(area, case_in_b, notified_in_a):
    assert not notified_in_a.linked_automatically
    assert notified_in_a.case != case_in_b and notified_in_a.case.area == area
    assert notified_in_a.proposals == 0  # nothing in A's own area
    candidate = LinkCandidate.objects.get()
    assert (candidate.notification, candidate.case) == (notified_in_a.notification, case_in_b)
    assert candidate.method == LinkCandidate.Method.NHS_NUMBER
    assert candidate.decision == LinkCandidate.Decision.PROPOSED
    assert case_in_b.notifications.count() == 1


def test_the_receipt_is_neutral(notified_in_a, case_in_b):
    receipt = notified_in_a.receipt_for(may_see_case=True)
    assert receipt == {"reference": notified_in_a.case.reference, "linked": False, "proposals": 0}
    assert case_in_b.reference not in str(receipt)


def test_both_areas_audit_trails_record_the_match_each_with_its_own_case(area, other_area, case_in_b, notified_in_a):
    proposed = AuditEvent.objects.filter(verb="child_death.link.proposed")
    in_a, in_b = proposed.get(area=area), proposed.get(area=other_area)
    assert in_a.target_id == str(notified_in_a.case.pk) and case_in_b.reference not in str(in_a.data)
    assert in_b.target_id == str(case_in_b.pk) and in_b.data["notified_for_area"] == area.slug
    notified = AuditEvent.objects.get(verb="child_death.notified", data__notification=notified_in_a.notification.pk)
    assert notified.area == area and notified.data["linked_by_nhs_number"] is False


def test_bs_panel_manager_sees_and_confirms_it(manager_of_b, case_in_b, notified_in_a, area, other_area):
    candidate = LinkCandidate.objects.visible_to(manager_of_b).get()
    confirm_link(manager_of_b, candidate)
    candidate.refresh_from_db()
    opened_in_a = notified_in_a.case
    opened_in_a.refresh_from_db()
    assert candidate.notification.case == case_in_b
    assert opened_in_a.status == CaseStatus.MERGED and opened_in_a.merged_into == case_in_b
    confirmed = AuditEvent.objects.filter(verb="child_death.link.confirmed")
    assert set(confirmed.values_list("area", flat=True)) == {area.pk, other_area.pk}


def test_bs_panel_manager_rejects_it(manager_of_b, notified_in_a, area, other_area):
    reject_link(manager_of_b, LinkCandidate.objects.get(), "A different child: the hospital confirmed the number")
    assert LinkCandidate.objects.get().decision == LinkCandidate.Decision.REJECTED
    rejected = AuditEvent.objects.filter(verb="child_death.link.rejected")
    assert set(rejected.values_list("area", flat=True)) == {area.pk, other_area.pk}


def test_as_panel_manager_neither_sees_nor_decides_it(panel_manager, notified_in_a):
    assert not LinkCandidate.objects.visible_to(panel_manager).exists()
    with pytest.raises(PermissionDenied):
        confirm_link(panel_manager, LinkCandidate.objects.get())


def test_bs_panel_manager_decides_it_on_the_page(client, sign_in, manager_of_b, case_in_b, notified_in_a):
    sign_in(manager_of_b)
    case_page = client.get(reverse("child_deaths:case", args=[case_in_b.reference])).content.decode()
    candidate = LinkCandidate.objects.get()
    assert reverse("child_deaths:decide-link", args=[candidate.pk]) in case_page
    response = client.post(reverse("child_deaths:decide-link", args=[candidate.pk]), {"decision": "confirm"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.decision == LinkCandidate.Decision.CONFIRMED


def test_the_notifiers_page_receipt_says_nothing_of_b(client, sign_in, area, panel, case_in_b):
    sign_in(person_with_role(Role.PRACTITIONER, area))
    page = client.post(reverse("child_deaths:notify"), form_data(area), follow=True).content.decode()
    assert "Notification received" in page
    assert case_in_b.reference not in page
    assert "already notified" not in page and "may be about a death another agency" not in page


def test_within_one_area_the_same_nhs_number_still_links_automatically(area, panel):
    first = notify(area).case
    again = notify(area, agency="police")
    assert again.linked_automatically and again.case == first
    assert again.receipt_for(may_see_case=True)["linked"] is True
    assert again.receipt_for(may_see_case=False) == {"reference": first.reference, "linked": False, "proposals": 0}
