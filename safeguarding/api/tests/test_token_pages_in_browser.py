"""The API token pages in a real Chromium: usable with a keyboard-and-label flow, and passing axe."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from safeguarding.api.factories import make_token
from safeguarding.api.models import ApiToken
from safeguarding.core.testing import sign_in
from safeguarding.core.tests.browser import assert_accessible, assert_styled
from safeguarding.organisations.factories import OrganisationFactory, SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def area_a(transactional_db):
    return SafeguardingAreaFactory(name="Area A Safeguarding Partnership", slug="area-a")


@pytest.fixture
def administrator_page(page, live_server, area_a):
    """The page of an area administrator of Area A, signed in with both factors."""
    administrator = person_with_role(Role.AREA_ADMINISTRATOR, area_a, email="ravi.shah@example.org")
    client = sign_in(Client(), administrator)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def test_token_list_is_accessible(administrator_page, page_log, area_a):
    make_token(areas=[area_a], name="Council case system")
    page = administrator_page

    page.goto("/api-tokens/")

    expect(page.get_by_role("heading", level=1)).to_have_text("API tokens")
    expect(page.get_by_role("table")).to_contain_text("Council case system")
    assert_styled(page)
    assert_accessible(page)
    page_log.assert_clean()


def test_issuing_a_token_from_the_form_shows_it_once(administrator_page, page_log, area_a):
    council = OrganisationFactory(name="Tees Valley Council")
    area_a.partners.add(council)
    page = administrator_page
    page.goto("/api-tokens/")
    page.get_by_role("button", name="Issue a token").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Issue an API token")
    assert_accessible(page)

    page.get_by_role("button", name="Issue token").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a name for the token")
    expect(page).to_have_title(re.compile(r"^Error: Issue an API token"))
    assert_accessible(page)

    page.get_by_label("Organisation").select_option(label="Tees Valley Council (Local authority)")
    page.get_by_label("Name").fill("Council case system")
    page.get_by_label("Area A Safeguarding Partnership").check()
    page.get_by_label("Read the safeguarding areas the token covers").check()
    with page.expect_navigation() as shown:
        page.get_by_role("button", name="Issue token").click()

    assert "no-store" in shown.value.headers["cache-control"]
    expect(page.get_by_role("heading", level=1)).to_have_text("API token issued")
    expect(page.get_by_text("Copy it now: you will not be able to see it again.")).to_be_visible()
    plaintext = page.get_by_label("The API token").input_value()
    assert plaintext.startswith(f"slp_{ApiToken.objects.get().prefix}_")
    assert_styled(page)
    assert_accessible(page)
    page_log.assert_clean()


def test_revoke_confirmation_is_accessible(administrator_page, page_log, area_a):
    token, _ = make_token(areas=[area_a], name="Council case system")
    page = administrator_page
    page.goto("/api-tokens/")

    page.get_by_role("link", name=re.compile(r"^Revoke Council case system")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to revoke this API token?")
    assert_accessible(page)
    page.get_by_role("button", name="Revoke token").click()

    expect(page.get_by_role("alert", name="Success")).to_contain_text("has been revoked")
    assert_accessible(page)
    page_log.assert_clean()
    token.refresh_from_db()
    assert token.revoked_at is not None
