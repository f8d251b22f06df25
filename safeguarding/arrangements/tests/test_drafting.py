"""Drafts: a first draft has every section; later drafts copy the version before; edits are checked."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.arrangements.actions import drafts
from safeguarding.arrangements.completeness import gaps, is_complete
from safeguarding.arrangements.factories import complete_draft
from safeguarding.arrangements.models import ArrangementsVersion, Section
from safeguarding.arrangements.sections import SECTIONS
from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


def test_first_draft_has_every_section_of_rec_2_and_para_69(partners):
    draft = drafts.start_draft(partners.administrator, partners.area)
    assert draft.number == 1
    assert list(draft.sections.values_list("key", flat=True)) == [s.key for s in SECTIONS]
    assert AuditEvent.objects.filter(verb="arrangements.draft_started", area=partners.area).count() == 1


def test_a_second_draft_is_refused_while_one_is_open(partners):
    drafts.start_draft(partners.administrator, partners.area)
    with pytest.raises(ValidationError, match="already a draft"):
        drafts.start_draft(partners.administrator, partners.area)


def test_practitioners_cannot_start_drafts(partners):
    practitioner = person_with_role(Role.PRACTITIONER, partners.area)
    with pytest.raises(PermissionDenied):
        drafts.start_draft(practitioner, partners.area)


def test_completeness_lists_each_missing_section_evidence_and_agencies(partners):
    draft = drafts.start_draft(partners.administrator, partners.area)
    messages = [gap.message for gap in gaps(draft)]
    assert "The area covered: write this section" in messages
    assert "Independent scrutiny: attach at least one piece of evidence" in messages
    assert "Relevant agencies: list at least one agency and its role" in messages
    assert len([m for m in messages if m.endswith("write this section")]) == len(SECTIONS)


def test_completeness_passes_when_everything_is_there(partners):
    draft = complete_draft(partners.administrator, partners.area)
    assert gaps(draft) == []
    assert is_complete(draft)


def test_section_over_its_size_limit_is_refused_naming_the_section_and_limit(partners):
    draft = drafts.start_draft(partners.administrator, partners.area)
    section = draft.sections.get(key="area-covered")
    with pytest.raises(ValidationError) as refused:
        drafts.edit_section(partners.administrator, section, body="x" * 4001, expected_version=section.version)
    assert refused.value.message_dict["body"] == [
        "The area covered must be 4,000 characters or fewer; it is 4,001 characters. "
        "Move detail into evidence documents."
    ]
    section.refresh_from_db()
    assert section.body == ""


def test_stale_edit_is_refused_and_the_first_save_survives(partners):
    draft = drafts.start_draft(partners.administrator, partners.area)
    section = draft.sections.get(key="vision")
    first, second = Section.objects.get(pk=section.pk), Section.objects.get(pk=section.pk)
    drafts.edit_section(partners.administrator, first, body="First person's vision", expected_version=1)
    with pytest.raises(StaleEdit):
        drafts.edit_section(partners.council_lco, second, body="Second person's vision", expected_version=1)
    section.refresh_from_db()
    assert section.body == "First person's vision"
    assert section.version == 2


def test_new_draft_copies_the_latest_version_with_evidence_and_agencies(partners):
    first = complete_draft(partners.administrator, partners.area)
    for lco in partners.chief_officers:
        from safeguarding.arrangements.actions import publication

        publication.sign_off(lco, first)
    publication.publish(partners.administrator, first)
    second = drafts.start_draft(partners.administrator, partners.area)
    assert second.number == 2
    assert [s.body for s in second.sections.all()] == [s.body for s in first.sections.all()]
    assert second.sections.get(key="independent-scrutiny").evidence.count() == 1
    assert list(second.relevant_agencies.values_list("organisation", flat=True)) == [partners.agency.pk]
    assert ArrangementsVersion.objects.filter(area=partners.area).count() == 2


def test_statutory_partner_cannot_be_listed_as_a_relevant_agency(partners):
    draft = drafts.start_draft(partners.administrator, partners.area)
    council = partners.area.partners.get(kind="local_authority")
    with pytest.raises(ValidationError) as refused:
        drafts.add_relevant_agency(partners.administrator, draft, organisation=council, role="Leads")
    assert "organisation" in refused.value.message_dict
