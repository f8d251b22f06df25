"""The repository's pages: public search, national search, an entry at its stable address, and the digest."""

import datetime

import pytest
from django.urls import reverse

from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.learning.repository.models import EntryKind
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db

SEARCH = reverse("repository:search")
NATIONAL = reverse("repository:national-search")


def _summary(**facts):
    return make_entry(
        title="Rapid inquiry summary about neglect", kind=EntryKind.RAPID_INQUIRY, is_public=False, **facts
    )


def test_the_public_search_needs_no_sign_in_and_shows_only_published_reports(client):
    make_entry(title="Published report about neglect")
    _summary()
    page = client.get(SEARCH, {"q": "neglect"}).content.decode()
    assert "Published report about neglect" in page
    assert "Rapid inquiry summary" not in page
    assert "Rapid inquiry learning summary (" not in page  # not even as a facet option


def test_public_counts_from_one_to_four_read_fewer_than_five(client):
    for number in range(3):
        make_entry(title=f"Report {number}", harm_kinds=["neglect"])
    for number in range(5):
        make_entry(title=f"Online {number}", harm_kinds=["online"], published_on=datetime.date(2025, 1, 1))
    page = client.get(SEARCH).content.decode()
    assert "Neglect (fewer than 5)" in page
    assert "Online harm (5)" in page
    assert "8 reports" in page
    filtered = client.get(SEARCH, {"harm_kind": "neglect"}).content.decode()
    assert "Fewer than 5 reports" in filtered and "3 reports" not in filtered


def test_the_results_heading_is_a_sentence_with_a_plural_for_a_suppressed_count(client, sign_in):
    for number in range(2):
        make_entry(title=f"Report about neglect {number}")
    public = client.get(SEARCH, {"q": "neglect"}).content.decode()
    assert "Fewer than 5 reports match <q>neglect</q>" in public
    assert "fewer than 5 report matching" not in public
    assert "2 reports</h2>" not in client.get(SEARCH).content.decode()
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    assert "2 reports match <q>neglect</q>" in client.get(NATIONAL, {"q": "neglect"}).content.decode()
    one = client.get(NATIONAL, {"q": "neglect", "sort": "oldest", "year": "1999"}).content.decode()
    assert "0 reports match" in one


def test_the_national_search_shows_everything_with_real_counts_and_coding_state(client, sign_in):
    published = make_entry(title="Published report about neglect")
    code(published.current_findings().get(), "neglect")
    _summary()
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    page = client.get(NATIONAL, {"q": "neglect"}).content.decode()
    assert "Published report about neglect" in page and "Rapid inquiry summary about neglect" in page
    assert "Not public" in page
    assert "1 of 1 finding coded" in page and "0 of 1 finding coded" in page
    assert "Rapid inquiry learning summary (1)" in page
    assert "2 reports" in page


def test_others_cannot_reach_the_national_search(client, sign_in, area):
    assert client.get(NATIONAL).status_code == 302
    sign_in(person_with_role(Role.LEAD_CHIEF_OFFICER, area))
    assert client.get(NATIONAL).status_code == 404


def test_filters_and_sort_live_in_the_address_so_it_can_be_shared(client):
    make_entry(title="Older neglect", published_on=datetime.date(2023, 2, 1), harm="death")
    make_entry(title="Newer neglect", published_on=datetime.date(2025, 2, 1), harm="death")
    make_entry(title="Other harm neglect", published_on=datetime.date(2024, 2, 1), harm="other")
    page = client.get(SEARCH, {"q": "neglect", "harm": "death", "sort": "oldest"}).content.decode()
    assert page.index("Older neglect") < page.index("Newer neglect")
    assert "Other harm neglect</a>" not in page
    assert 'name="harm" type="checkbox" value="death" checked' in page
    assert 'value="oldest" selected' in page


def test_pages_of_results_keep_the_query_and_filters(client):
    for number in range(23):
        make_entry(title=f"Neglect report {number}", harm="death")
    page = client.get(SEARCH, {"q": "neglect", "harm": "death"}).content.decode()
    assert "?q=neglect&amp;harm=death&amp;page=2" in page
    second = client.get(SEARCH, {"q": "neglect", "harm": "death", "page": "2"}).content.decode()
    assert second.count('<h3 class="govuk-heading-s') == 3


def test_snippets_are_escaped_with_only_the_hits_marked(client):
    make_entry(title="Escaping", summary="The note <script>alert('x')</script> said neglect.")
    page = client.get(SEARCH, {"q": "neglect"}).content.decode()
    assert "<mark>" in page and "<script>alert" not in page


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR NOT", "NEAR(", "*", "^:-()", "x" * 5000, "\x00"])
def test_bad_queries_give_a_page(client, query):
    make_entry(title="Neglect")
    assert client.get(SEARCH, {"q": query, "year": "abc", "region": "x" * 500, "page": "-1"}).status_code == 200


def test_no_match_says_so_and_suggests_what_to_do(client):
    make_entry(title="Neglect")
    page = client.get(SEARCH, {"q": "hoarding", "harm": "death"}).content.decode()
    assert "No reports match <q>hoarding</q> with the filters you chose" in page
    assert "clear the filters" in page and "check the spelling" in page


def test_an_empty_repository_says_so(client):
    assert "There are no reports in the repository yet" in client.get(SEARCH).content.decode()


def test_a_published_entry_shows_its_learning_editions_and_codes_to_anyone(client):
    entry = make_entry(
        title="Learning from Child P",
        summary="First summary.",
        source_key="import:p",
        findings=(("Home conditions were poor.", "Neglect was not named."),),
        recommendations=("Agree a neglect screening tool.",),
        harm_kinds=["neglect"],
        agencies=["police"],
    )
    code(entry.current_findings().get(), "neglect")
    make_entry(
        title="Learning from Child P",
        summary="Corrected summary.",
        source_key="import:p",
        findings=(("Home conditions were poor.", "Neglect was not named."),),
        recommendations=("Agree a neglect screening tool.",),
        harm_kinds=["neglect"],
        agencies=["police"],
    )
    url = reverse("repository:entry", args=[entry.reference])
    page = client.get(url).content.decode()
    assert "Corrected summary." in page and "First summary." not in page
    assert "Home conditions were poor." in page and "Agree a neglect screening tool." in page
    assert ">Neglect</strong>" in page  # the finding's code, kept across the edition
    assert "This is edition 2" in page and "Edition 1, replaced on" in page
    assert "Police force" in page
    assert "Not yet coded" not in page  # coding state is for the national roles


def test_a_non_public_entry_is_hidden_from_everyone_but_the_national_roles(client, sign_in, area):
    url = reverse("repository:entry", args=[_summary().reference])
    assert client.get(url).status_code == 404
    sign_in(person_with_role(Role.RAPID_INQUIRY_LEAD, area))
    assert client.get(url).status_code == 404
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    page = client.get(url).content.decode()
    assert "Not public" in page and "Not yet coded" in page


def test_an_unknown_reference_is_not_found(client):
    assert client.get(reverse("repository:entry", args=["NLR-1999-9999"])).status_code == 404


def test_the_digest_lists_months_of_published_additions(client):
    for day in range(1, 7):
        make_entry(title=f"March {day}", today=datetime.date(2026, 3, day))
    make_entry(title="April one", today=datetime.date(2026, 4, 2))
    _summary(today=datetime.date(2026, 4, 3))
    page = client.get(reverse("repository:digest")).content.decode()
    assert "March 2026" in page and "(6 reports)" in page
    assert "April 2026" in page and "(fewer than 5 reports)" in page
    april = client.get(reverse("repository:digest-month", args=["2026", "04"])).content.decode()
    assert "April one" in april and "Rapid inquiry summary" not in april


def test_a_month_without_additions_says_so_and_a_impossible_month_is_not_found(client):
    page = client.get(reverse("repository:digest-month", args=["2020", "01"])).content.decode()
    assert "No published reports were added to the repository in January 2020" in page
    assert client.get("/learning/digest/2026-13/").status_code == 404
    assert "No reports have been added yet" in client.get(reverse("repository:digest")).content.decode()


def test_an_analyst_is_offered_the_coding_of_each_finding_and_the_national_search(client, sign_in):
    entry = make_entry(title="To code")
    finding = entry.current_findings().get()
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    page = client.get(reverse("repository:entry", args=[entry.reference])).content.decode()
    assert reverse("coding:code-finding", args=[finding.pk]) in page
    assert reverse("repository:national-search") in client.get(SEARCH).content.decode()


def test_others_are_not_offered_coding(client, sign_in):
    entry = make_entry(title="To code")
    page = client.get(reverse("repository:entry", args=[entry.reference])).content.decode()
    assert "/learning/coding/findings/" not in page
    assert reverse("repository:national-search") not in client.get(SEARCH).content.decode()
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    page = client.get(reverse("repository:entry", args=[entry.reference])).content.decode()
    assert "/learning/coding/findings/" not in page
