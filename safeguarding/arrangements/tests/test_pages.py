"""The signed-in pages: editing through forms, the stale-edit refusal, sign-off clearing message,
publication refusal, and scoping (another area's drafts answer 404)."""

import pytest
from django.urls import reverse

from safeguarding.arrangements.actions import drafts, publication
from safeguarding.arrangements.factories import complete_draft
from safeguarding.arrangements.models import Section, VersionStatus
from safeguarding.core.concurrency import STALE_MESSAGE

pytestmark = pytest.mark.django_db


def _version_url(area, number):
    return reverse("arrangements:version", kwargs={"slug": area.slug, "number": number})


def _section_url(area, number, key):
    return reverse("arrangements:edit-section", kwargs={"slug": area.slug, "number": number, "key": key})


def test_start_a_draft_and_see_the_completeness_check(client, sign_in, partners):
    sign_in(partners.administrator)
    response = client.post(reverse("arrangements:start-draft", kwargs={"slug": partners.area.slug}), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Version 1 started as a draft." in page
    assert "Still missing before sign-off" in page
    assert "The area covered: write this section" in page
    assert "Relevant agencies: list at least one agency and its role" in page


def test_editing_a_section_renders_markdown_safely(client, sign_in, partners):
    draft = drafts.start_draft(partners.administrator, partners.area)
    sign_in(partners.administrator)
    response = client.post(
        _section_url(partners.area, 1, "vision"),
        {"body": "We **commit** to <script>alert(1)</script> children.\n\n- one\n- two", "version": 1},
        follow=True,
    )
    page = response.content.decode()
    assert "Vision and partnership commitment saved." in page
    assert "<strong>commit</strong>" in page
    assert "<script>alert(1)</script>" not in page
    assert '<ul class="govuk-list govuk-list--bullet">' in page
    assert draft.sections.get(key="vision").version == 2


def test_a_stale_edit_through_the_form_is_refused_with_the_message(client, sign_in, partners):
    drafts.start_draft(partners.administrator, partners.area)
    section = Section.objects.get(key="vision")
    drafts.edit_section(partners.council_lco, section, body="Saved first", expected_version=1)
    sign_in(partners.administrator)
    response = client.post(_section_url(partners.area, 1, "vision"), {"body": "Saved second", "version": 1})
    assert response.status_code == 200
    assert STALE_MESSAGE in response.content.decode()
    section.refresh_from_db()
    assert section.body == "Saved first"


def test_an_oversized_section_is_refused_on_the_form(client, sign_in, partners):
    drafts.start_draft(partners.administrator, partners.area)
    sign_in(partners.administrator)
    response = client.post(_section_url(partners.area, 1, "area-covered"), {"body": "y" * 4500, "version": 1})
    assert "The area covered must be 4,000 characters or fewer; it is 4,500 characters." in response.content.decode()


def test_the_page_says_when_an_edit_cleared_sign_offs(client, sign_in, partners):
    draft = complete_draft(partners.administrator, partners.area)
    publication.sign_off(partners.police_lco, draft)
    publication.sign_off(partners.health_lco, draft)
    section = draft.sections.get(key="communication")
    sign_in(partners.administrator)
    response = client.post(
        _section_url(partners.area, draft.number, "communication"),
        {"body": "A new communication strategy", "version": section.version},
        follow=True,
    )
    page = response.content.decode()
    assert "Because the draft changed, the health and police sign-offs were cleared" in page
    assert "Sign-offs cleared by later edits" in page


def test_sign_off_page_confirms_for_the_agency(client, sign_in, partners):
    draft = complete_draft(partners.administrator, partners.area)
    sign_in(partners.police_lco)
    url = reverse("arrangements:sign-off", kwargs={"slug": partners.area.slug, "number": draft.number})
    refused = client.post(url, {})
    assert "Confirm the arrangements for your agency to sign them off" in refused.content.decode()
    response = client.post(url, {"confirm": "on"}, follow=True)
    assert f"You signed off version {draft.number} for area-a police." in response.content.decode()


def test_publishing_without_three_sign_offs_shows_the_rule(client, sign_in, partners):
    draft = complete_draft(partners.administrator, partners.area)
    publication.sign_off(partners.police_lco, draft)
    sign_in(partners.administrator)
    url = reverse("arrangements:publish", kwargs={"slug": partners.area.slug, "number": draft.number})
    page = client.post(url).content.decode()
    assert publication.THREE_SIGN_OFFS_RULE in page
    assert "Still to sign off: local authority, health" in page
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def test_another_areas_draft_answers_404(client, sign_in, partners, other_partners):
    drafts.start_draft(partners.administrator, partners.area)
    sign_in(other_partners.administrator)
    assert client.get(_version_url(partners.area, 1)).status_code == 404
    assert client.get(reverse("arrangements:area", kwargs={"slug": partners.area.slug})).status_code == 404
    assert client.get(_section_url(partners.area, 1, "vision")).status_code == 404
    response = client.post(_section_url(partners.area, 1, "vision"), {"body": "Intrusion", "version": 1})
    assert response.status_code == 404
    assert Section.objects.get(document__area=partners.area, key="vision").body == ""


def test_the_list_shows_only_the_persons_areas(client, sign_in, partners, other_partners):
    sign_in(partners.council_lco)
    page = client.get(reverse("arrangements:areas")).content.decode()
    assert partners.area.name in page
    assert other_partners.area.name not in page


def test_national_analyst_reads_drafts_but_cannot_edit(client, sign_in, partners):
    from safeguarding.organisations.factories import person_with_role
    from safeguarding.organisations.models import Role

    drafts.start_draft(partners.administrator, partners.area)
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    assert client.get(_version_url(partners.area, 1)).status_code == 200
    assert client.get(_section_url(partners.area, 1, "vision")).status_code == 404
