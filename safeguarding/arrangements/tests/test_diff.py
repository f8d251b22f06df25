"""The difference between two versions, marked accessibly."""

import pytest
from django.urls import reverse

from safeguarding.arrangements.diff import diff_text

from .helpers import published_version

pytestmark = pytest.mark.django_db


def test_insertions_and_deletions_are_marked_with_hidden_labels():
    html, inserted, deleted = diff_text("The partners meet monthly.", "The partners meet every quarter.")
    assert (inserted, deleted) == (2, 1)
    html = str(html)
    assert '<del><span class="govuk-visually-hidden">Deletion start. </span>monthly.' in html
    assert '<ins><span class="govuk-visually-hidden">Insertion start. </span>every quarter.' in html
    assert html.startswith("The partners meet ")


def test_diff_escapes_the_text():
    html, _, _ = diff_text("", "<img src=x onerror=alert(1)>")
    assert "<img" not in str(html)
    assert "&lt;img" in str(html)


def test_unchanged_text_has_no_marks():
    html, inserted, deleted = diff_text("Same.\nLines.", "Same.\nLines.")
    assert (inserted, deleted) == (0, 0)
    assert "<ins>" not in str(html) and "<br>" in str(html)


def test_public_compare_page_shows_changed_sections(client, partners):
    published_version(partners, text="Old wording.")
    published_version(partners, text="New wording.")
    response = client.get(reverse("published:compare", kwargs={"slug": partners.area.slug}), {"older": 1, "newer": 2})
    page = response.content.decode()
    assert "Changes from version 1 to version 2" in page
    assert "<del>" in page and "<ins>" in page
    assert "Old" in page and "New" in page


def test_compare_refuses_the_same_version_twice(client, partners):
    published_version(partners, text="Old wording.")
    published_version(partners, text="New wording.")
    response = client.get(reverse("published:compare", kwargs={"slug": partners.area.slug}), {"older": 2, "newer": 2})
    assert "Choose a later version that is not the earlier version" in response.content.decode()
