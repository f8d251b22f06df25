"""Sign-off by the three lead chief officers, clearing on edit, and publication."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.arrangements.actions import drafts, publication
from safeguarding.arrangements.factories import complete_draft
from safeguarding.arrangements.models import SignOff, VersionStatus
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db


def _sign_all(partners, draft):
    for lco in partners.chief_officers:
        publication.sign_off(lco, draft)


def test_each_lead_chief_officer_signs_for_their_own_agency(partners):
    draft = complete_draft(partners.administrator, partners.area)
    _sign_all(partners, draft)
    kinds = set(SignOff.objects.standing().filter(document=draft).values_list("partner_kind", flat=True))
    assert kinds == {"local_authority", "health", "police"}
    assert AuditEvent.objects.filter(verb="arrangements.signed_off").count() == 3


def test_an_incomplete_draft_cannot_be_signed_off(partners):
    draft = drafts.start_draft(partners.administrator, partners.area)
    with pytest.raises(ValidationError, match="not complete"):
        publication.sign_off(partners.police_lco, draft)


def test_the_same_partner_cannot_sign_twice(partners):
    draft = complete_draft(partners.administrator, partners.area)
    publication.sign_off(partners.police_lco, draft)
    with pytest.raises(ValidationError, match="police lead chief officer has already signed off"):
        publication.sign_off(partners.police_lco, draft)


def test_a_lead_chief_officer_of_a_relevant_agency_cannot_sign(partners):
    school = OrganisationFactory(kind=OrganisationKind.SCHOOL)
    lco = person_with_role(Role.LEAD_CHIEF_OFFICER, partners.area, organisation=school)
    draft = complete_draft(partners.administrator, partners.area)
    with pytest.raises(PermissionDenied):
        publication.sign_off(lco, draft)


def test_area_administrator_cannot_sign(partners):
    draft = complete_draft(partners.administrator, partners.area)
    with pytest.raises(PermissionDenied):
        publication.sign_off(partners.administrator, draft)


def test_an_edit_after_sign_off_clears_every_sign_off_and_says_which(partners):
    draft = complete_draft(partners.administrator, partners.area)
    publication.sign_off(partners.council_lco, draft)
    publication.sign_off(partners.health_lco, draft)
    section = draft.sections.get(key="vision")
    cleared = drafts.edit_section(
        partners.administrator, section, body="A changed vision", expected_version=section.version
    )
    assert sorted(cleared) == ["Health", "Local authority"]
    assert not SignOff.objects.standing().filter(document=draft).exists()
    kept = SignOff.objects.filter(document=draft)
    assert kept.count() == 2
    assert all(row.cleared_because == "Vision and partnership commitment was changed" for row in kept)


def test_adding_evidence_or_an_agency_also_clears_sign_offs(partners):
    draft = complete_draft(partners.administrator, partners.area)
    publication.sign_off(partners.police_lco, draft)
    section = draft.sections.get(key="workforce")
    assert drafts.add_evidence(partners.administrator, section, title="Plan", url="https://example.org/p") == ["Police"]
    publication.sign_off(partners.police_lco, draft)
    probation = OrganisationFactory(kind=OrganisationKind.PROBATION)
    assert drafts.add_relevant_agency(partners.administrator, draft, organisation=probation, role="Supervises") == [
        "Police"
    ]


def test_publication_without_all_three_is_refused_naming_the_rule_and_who_is_missing(partners):
    draft = complete_draft(partners.administrator, partners.area)
    publication.sign_off(partners.council_lco, draft)
    with pytest.raises(ValidationError) as refused:
        publication.publish(partners.administrator, draft)
    assert refused.value.code == "publication_needs_three_sign_offs"
    message = refused.value.messages[0]
    assert message.startswith(publication.THREE_SIGN_OFFS_RULE)
    assert message.endswith("Still to sign off: health, police")
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def test_publication_with_all_three_publishes_and_supersedes_the_previous_version(partners):
    first = complete_draft(partners.administrator, partners.area)
    _sign_all(partners, first)
    publication.publish(partners.administrator, first)
    first.refresh_from_db()
    assert first.status == VersionStatus.PUBLISHED and first.published_at is not None

    second = drafts.start_draft(partners.administrator, partners.area)
    section = second.sections.get(key="risk-and-intelligence")
    drafts.edit_section(partners.administrator, section, body="A new risk strategy", expected_version=section.version)
    _sign_all(partners, second)
    publication.publish(partners.council_lco, second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (VersionStatus.SUPERSEDED, VersionStatus.PUBLISHED)
    assert first.superseded_at is not None
    assert list(first.status_changes.values_list("to_state", flat=True)) == ["published", "superseded"]
    assert AuditEvent.objects.get(verb="arrangements.published", target_id=str(second.pk)).data["superseded"] == [1]


def test_a_published_version_cannot_be_edited(partners):
    draft = complete_draft(partners.administrator, partners.area)
    _sign_all(partners, draft)
    publication.publish(partners.administrator, draft)
    section = draft.sections.get(key="vision")
    with pytest.raises(ValidationError, match="cannot be changed"):
        drafts.edit_section(partners.administrator, section, body="Sneaky", expected_version=section.version)
