"""The coding queue, the coding page and the category scheme, as a national analyst and as others see them."""

import datetime

import pytest
from django.urls import reverse

from safeguarding.learning.repository.coding import suggest
from safeguarding.learning.repository.coding.actions import code_finding
from safeguarding.learning.repository.factories import make_entry
from safeguarding.learning.repository.models import EntryKind
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_models():
    suggest.forget_trained_models()


@pytest.fixture
def analyst(db):
    return person_with_role(Role.NATIONAL_ANALYST)


def _finding(what="Home conditions were poor and the child was hungry.", **facts):
    return make_entry(findings=[(what, "Neglect was not named.")], **facts).current_findings().get()


def test_the_queue_lists_uncoded_findings_oldest_first(client, sign_in, analyst):
    newer = _finding(published_on=datetime.date(2026, 5, 1), title="Newer report")
    older = _finding(published_on=datetime.date(2024, 5, 1), title="Older report")
    coded = _finding(published_on=datetime.date(2023, 5, 1))
    code_finding(analyst, coded, ["neglect"], coded.version)
    sign_in(analyst)
    response = client.get(reverse("coding:queue"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "2 findings to code" in body
    assert body.index(older.entry.reference) < body.index(newer.entry.reference)
    assert coded.entry.reference not in body.split("to code")[1]
    assert "Neglect (" in body  # the best suggestion with its confidence


def test_the_queue_filters_by_kind_and_by_the_group_of_the_best_suggestion(client, sign_in, analyst):
    historic = _finding(kind=EntryKind.HISTORIC_REVIEW)
    practice = _finding("No strategy discussion was held and there was no section 47 enquiry.")
    sign_in(analyst)
    by_kind = client.get(reverse("coding:queue"), {"kind": EntryKind.HISTORIC_REVIEW}).content.decode()
    assert historic.entry.reference in by_kind and practice.entry.reference not in by_kind
    by_group = client.get(reverse("coding:queue"), {"group": "system"}).content.decode()
    assert practice.entry.reference in by_group and historic.entry.reference not in by_group


def test_an_empty_queue_says_so(client, sign_in, analyst):
    sign_in(analyst)
    body = client.get(reverse("coding:queue")).content.decode()
    assert "Every finding of the published reports has been coded" in body
    assert "nothing to measure" in body


def test_the_queue_shows_suggestion_accuracy_from_platform_coding(client, sign_in, analyst):
    finding = _finding()
    code_finding(analyst, finding, ["neglect", "recording"], finding.version, suggestions={"neglect": 0.9})
    sign_in(analyst)
    body = client.get(reverse("coding:queue")).content.decode()
    assert "Of the 1 finding coded on the platform" in body
    assert "100%" in body and "50%" in body  # top-1 and precision 100%, recall 1 of 2


def test_the_coding_page_shows_the_finding_in_its_report_with_suggestions_pre_ticked(client, sign_in, analyst):
    finding = _finding("Neglect: home conditions were poor, the child was hungry and unkempt.")
    sign_in(analyst)
    response = client.get(reverse("coding:code-finding", args=[finding.pk]))
    body = response.content.decode()
    assert finding.entry.title in body and "home conditions were poor, the child" in body
    assert "— suggested by the keyword baseline" in body
    assert 'value="neglect" aria-describedby="id_themes_0-hint" checked' in body
    assert "Child and family circumstances" in body and "Persistent failure to meet" in body  # groups, definitions
    assert f'name="version" value="{finding.version}"' in body


def test_saving_codes_records_them_and_returns_to_the_queue(client, sign_in, analyst):
    finding = _finding()
    sign_in(analyst)
    response = client.post(
        reverse("coding:code-finding", args=[finding.pk]),
        {"version": finding.version, "themes": ["neglect", "workload"]},
    )
    assert response.status_code == 302 and response.url == reverse("coding:queue")
    finding.refresh_from_db()
    assert sorted(finding.codes.values_list("theme__slug", flat=True)) == ["neglect", "workload"]
    assert "neglect" in finding.suggestions_at_coding


@pytest.mark.parametrize(
    ("themes", "message"),
    [([], "Select at least one theme from the category scheme"), (["not-a-theme"], "not-a-theme")],
)
def test_refused_codes_show_in_the_error_summary(client, sign_in, analyst, themes, message):
    finding = _finding()
    sign_in(analyst)
    response = client.post(
        reverse("coding:code-finding", args=[finding.pk]), {"version": finding.version, "themes": themes}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and message in body and 'href="#id_themes_0"' in body
    assert not finding.codes.exists()


def test_a_stale_version_is_refused_on_the_page(client, sign_in, analyst):
    finding = _finding()
    code_finding(analyst, finding, ["neglect"], finding.version)
    sign_in(analyst)
    response = client.post(reverse("coding:code-finding", args=[finding.pk]), {"version": 1, "themes": ["recording"]})
    assert "Someone else saved this record" in response.content.decode()
    assert list(finding.codes.values_list("theme__slug", flat=True)) == ["neglect"]


def test_a_finding_of_an_earlier_edition_is_not_found(client, sign_in, analyst):
    entry = make_entry(source_key="import:editions", findings=[("First wording.", "")])
    earlier = entry.current_findings().get()
    make_entry(source_key="import:editions", findings=[("Corrected wording.", "")])
    sign_in(analyst)
    assert client.get(reverse("coding:code-finding", args=[earlier.pk])).status_code == 404


def test_the_category_scheme_is_public_with_definitions_and_examples(client):
    body = client.get(reverse("coding:category-scheme")).content.decode()
    assert "Child and family circumstances" in body and "Practice" in body
    assert "Persistent failure to meet" in body and "Police attended several domestic incidents" in body


@pytest.mark.parametrize("role", [Role.NATIONAL_ADMINISTRATOR, Role.REVIEWER, Role.PRACTITIONER])
def test_people_other_than_analysts_are_refused(client, sign_in, area, role):
    finding = _finding()
    sign_in(person_with_role(role, area))
    assert client.get(reverse("coding:queue")).status_code == 404
    assert client.get(reverse("coding:code-finding", args=[finding.pk])).status_code == 404
    assert (
        client.post(
            reverse("coding:code-finding", args=[finding.pk]), {"version": 1, "themes": ["neglect"]}
        ).status_code
        == 404
    )
    assert not finding.codes.exists()


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(reverse("coding:queue"))
    assert response.status_code == 302 and "sign-in" in response.url
