"""Several agencies notify one death: linked automatically by NHS number, or proposed by score and decided."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from ..actions.linkage import confirm_link, reject_link, undo_link
from ..actions.linkage_models import current_model
from ..factories import notify
from ..linkage.model import PROPOSAL_THRESHOLD
from ..models import CaseStatus, LinkCandidate
from .conftest import verified

pytestmark = pytest.mark.django_db

NO_NHS = {"nhs_number": "", "nhs_number_unavailable_reason": "Not known to the police at the scene"}


def test_the_same_nhs_number_links_automatically(area):
    first = notify(area)
    second = notify(area, agency="police", notifier_name="DS Kerr", nhs_number="943 476 5919")
    assert second.linked_automatically
    assert second.case == first.case
    assert first.case.notifications.count() == 2
    assert not LinkCandidate.objects.exists()


def test_a_closed_case_is_not_linked_to_a_new_notification(area):
    first = notify(area).case
    first.status = CaseStatus.CLOSED
    first.save()
    assert notify(area).case != first


def test_without_nhs_number_a_likely_match_is_proposed_with_reasons(area):
    first = notify(area).case
    second = notify(area, family_name="Hartigen", postcode="TS18 3AD", agency="police", **NO_NHS)
    assert not second.linked_automatically and second.case != first
    candidate = LinkCandidate.objects.get()
    assert candidate.case == first and candidate.notification == second.notification
    assert candidate.probability >= PROPOSAL_THRESHOLD
    reasons = {field["label"]: field["outcome"] for field in candidate.reasons["fields"]}
    assert reasons["Family name"] == "nearly the same (one or two letters differ)"
    assert reasons["Postcode"] == "one character different, or two next to each other swapped"
    assert reasons["Date of birth"] == "the same"
    assert reasons["Home address"] == "same house number, street and town"
    # The model version that scored it is kept with it.
    version, _model = current_model()
    assert candidate.model == version and candidate.reasons["model_version"] == version.version
    # Nothing identifying is kept with the proposal or in the audit of the comparison.
    assert "Hartig" not in str(candidate.reasons)
    compared = AuditEvent.objects.filter(verb="child_death.linkage.compared").order_by("sequence").last()
    assert compared.data["proposed"] == 1 and "Hartig" not in str(compared.data)
    assert compared.data["model_version"] == version.version


def test_a_different_child_is_not_proposed(area):
    notify(area)
    notify(
        area,
        given_names="Idris",
        family_name="Okonkwo",
        date_of_birth=datetime.date(2012, 6, 2),
        postcode="TS1 4XY",
        sex="male",
        **NO_NHS,
    )
    assert not LinkCandidate.objects.exists()


@pytest.fixture
def proposal(area, panel):
    notify(area)
    notify(area, family_name="Hartigen", agency="police", **NO_NHS)
    return LinkCandidate.objects.get()


def test_panel_manager_confirms_a_link_and_can_undo_it(proposal, panel_manager):
    duplicate = proposal.notification.case
    confirm_link(panel_manager, proposal)
    duplicate.refresh_from_db()
    proposal.refresh_from_db()
    assert proposal.notification.case == proposal.case
    assert duplicate.status == CaseStatus.MERGED and duplicate.merged_into == proposal.case
    assert AuditEvent.objects.filter(verb="child_death.link.confirmed").count() == 1

    undo_link(panel_manager, proposal, "Police confirmed a different child")
    duplicate.refresh_from_db()
    proposal.refresh_from_db()
    assert proposal.decision == LinkCandidate.Decision.UNDONE
    assert proposal.notification.case == duplicate
    assert duplicate.status == CaseStatus.NOTIFIED and duplicate.merged_into is None
    assert [c.to_state for c in duplicate.status_changes.all()] == ["notified", "merged", "notified"]
    assert AuditEvent.objects.filter(verb="child_death.link.undone").count() == 1


def test_panel_manager_rejects_a_link_with_a_reason(proposal, panel_manager):
    with pytest.raises(ValidationError) as raised:
        reject_link(panel_manager, proposal, "")
    assert "reason" in raised.value.message_dict
    reject_link(panel_manager, proposal, "Different dates of birth on the hospital record")
    proposal.refresh_from_db()
    assert proposal.decision == LinkCandidate.Decision.REJECTED
    assert proposal.notification.case != proposal.case
    with pytest.raises(ValidationError):
        confirm_link(panel_manager, proposal)


def test_a_case_that_moved_on_is_not_folded_into_another(proposal, panel_manager):
    duplicate = proposal.notification.case
    duplicate.status = CaseStatus.JOINT_AGENCY_RESPONSE
    duplicate.save()
    with pytest.raises(ValidationError) as raised:
        confirm_link(panel_manager, proposal)
    assert "link the other way" in str(raised.value)


def test_only_the_panel_manager_decides(proposal, area, other_area_panel_manager):
    practitioner = verified(person_with_role(Role.PRACTITIONER, area))
    for person in (practitioner, other_area_panel_manager):
        with pytest.raises(PermissionDenied):
            confirm_link(person, proposal)
    proposal.refresh_from_db()
    assert proposal.decision == LinkCandidate.Decision.PROPOSED
