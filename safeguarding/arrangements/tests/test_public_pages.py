"""Published versions are public (no sign-in), with a PDF and earlier versions; drafts never are."""

import pytest
from django.urls import reverse

from safeguarding.arrangements.actions import drafts
from safeguarding.arrangements.published import public_versions

from .helpers import published_version

pytestmark = pytest.mark.django_db


def test_published_version_is_readable_without_signing_in(client, partners):
    version = published_version(partners)
    response = client.get(reverse("published:area", kwargs={"slug": partners.area.slug}))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The partners agree this section. (Vision and partnership commitment)" in page
    assert partners.council_lco.full_name in page
    assert f"Version {version.number} (this page)" in page
    listing = client.get(reverse("published:list")).content.decode()
    assert partners.area.name in listing


def test_an_area_with_only_a_draft_has_no_public_page(client, partners):
    drafts.start_draft(partners.administrator, partners.area)
    assert client.get(reverse("published:area", kwargs={"slug": partners.area.slug})).status_code == 404
    assert client.get(reverse("published:version", kwargs={"slug": partners.area.slug, "number": 1})).status_code == 404
    assert not public_versions(partners.area).exists()


def test_the_draft_after_a_publication_stays_private(client, partners):
    published_version(partners)
    draft = drafts.start_draft(partners.administrator, partners.area)
    section = draft.sections.get(key="vision")
    drafts.edit_section(partners.administrator, section, body="Secret new wording", expected_version=section.version)
    url = reverse("published:version", kwargs={"slug": partners.area.slug, "number": draft.number})
    assert client.get(url).status_code == 404
    assert (
        "Secret new wording"
        not in client.get(reverse("published:area", kwargs={"slug": partners.area.slug})).content.decode()
    )
    compare = client.get(reverse("published:compare", kwargs={"slug": partners.area.slug}))
    assert "Secret new wording" not in compare.content.decode()


def test_earlier_versions_stay_readable_with_their_dates(client, partners):
    first = published_version(partners, text="First wording.")
    second = published_version(partners, text="Second wording.")
    first.refresh_from_db()
    page = client.get(reverse("published:version", kwargs={"slug": partners.area.slug, "number": 1})).content.decode()
    assert "This is an earlier version, replaced on" in page
    assert "First wording." in page
    current = client.get(reverse("published:area", kwargs={"slug": partners.area.slug})).content.decode()
    assert "Second wording." in current and second.number == 2


def test_the_pdf_is_a_pdf(client, partners):
    published_version(partners)
    response = client.get(reverse("published:pdf", kwargs={"slug": partners.area.slug, "number": 1}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
