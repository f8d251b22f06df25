"""The dashboard and a published release in a real Chromium, with axe (WCAG 2.2 AA) and no CSP problems."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from safeguarding.core import audit
from safeguarding.core.tests.browser import assert_accessible, assert_styled, sign_in_with_both_factors
from safeguarding.mortality.actions.seeding import seed_national
from safeguarding.mortality.views.dashboard import PAGES
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def national_data(tmp_path):
    call_command("load_reference_data", stdout=io.StringIO())
    seed_national(audit.Actor.system("tests"), 2, seed=5, today=datetime.date(2026, 11, 26), scale=0.1)
    call_command("release_statistics", "--year", "2025-26", "--out", str(tmp_path), stdout=io.StringIO())


def test_every_dashboard_page_is_accessible(page, page_log, national_data):
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    sign_in_with_both_factors(page, analyst)
    for slug in PAGES:
        page.goto("/mortality/" if slug == "overview" else f"/mortality/{slug}/")
        assert_styled(page)
        assert_accessible(page)
    page.goto("/mortality/hazards/")
    assert_accessible(page)
    page.goto("/mortality/?year=1800")
    assert_accessible(page)
    page_log.assert_clean()


def test_the_public_release_is_accessible(page, page_log, national_data):
    page.goto("/statistics/")
    assert_accessible(page)
    page.get_by_role("link", name="Child deaths in England: year ending 31 March 2026").click()
    expect(page).to_have_url(re.compile(r"/statistics/child-deaths/2025-26/$"))
    expect(page.locator("h1")).to_have_text("Child deaths in England: year ending 31 March 2026")
    assert_styled(page)
    assert_accessible(page)
    page_log.assert_clean()
