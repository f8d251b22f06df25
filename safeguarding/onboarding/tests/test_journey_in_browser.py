"""The onboarding journey in Chromium: a national administrator forms an area from three real local
authorities and its panel; its administrator invites 20 people from a file and imports 200 historic deaths
from the example file; the panel's page shows its population and the deaths. Accessible, styled, no
sideways scroll at 320 px."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, assert_styled, sign_in_with_both_factors
from safeguarding.jobs.testing import run_jobs
from safeguarding.onboarding.models import ImportedDeath
from safeguarding.organisations.actions import accept_invitation
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Invitation, Role
from safeguarding.organisations.models.invitations import hash_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "historic_child_deaths.csv"
PASSWORD = "a-long-test-password"  # what sign_in_with_both_factors types


def _fits_320(page):
    page.set_viewport_size({"width": 320, "height": 800})
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
        "document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 8)"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (
        page.url,
        wide,
    )
    page.set_viewport_size({"width": 1280, "height": 800})


def _check(page):
    assert_accessible(page)
    _fits_320(page)


def test_forming_an_area_inviting_people_and_importing_its_deaths(page, page_log, tmp_path):
    call_command("load_reference_data", verbosity=0)
    national = person_with_role(Role.NATIONAL_ADMINISTRATOR, email="national.admin@example.org")
    sign_in_with_both_factors(page, national)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Administration").click()
    page.get_by_role("navigation", name="Administration").get_by_role("link", name="Areas").click()
    page.get_by_role("button", name="Form an area").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Form a safeguarding area")
    assert_styled(page)
    _check(page)
    page.get_by_label("Name of the area").fill("Tees Valley Safeguarding Partnership")
    for name, code in (
        ("Hartlepool", "E06000001"),
        ("Middlesbrough", "E06000002"),
        ("Redcar and Cleveland", "E06000003"),
    ):
        page.get_by_label(f"{name} ({code})", exact=True).check()
    page.get_by_label("Local authority partner").select_option(label="Hartlepool")
    page.get_by_label("Health body partner").select_option(
        label="NHS North East and North Cumbria Integrated Care Board"
    )
    page.get_by_label("Police force partner").select_option(label="Cleveland Police")
    people = {
        "First area administrator": ("Ada Lovell", "ada.lovell@hartlepool.example.org"),
        "Lead chief officer of the local authority": ("Lee Chambers", "lee.chambers@hartlepool.example.org"),
        "Lead chief officer of the health body": ("Hana Patel", "hana.patel@nenc.example.org"),
        "Lead chief officer of the police force": ("Pat Reilly", "pat.reilly@cleveland.example.org"),
    }
    for title, (name, email) in people.items():
        page.get_by_label(f"{title}: full name").fill(name)
        page.get_by_label(f"{title}: work email address").fill(email)
    page.get_by_role("button", name="Form the area and send invitations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tees Valley Safeguarding Partnership")
    expect(page.get_by_text("84,206 (2024)")).to_be_visible()
    expect(page.get_by_role("cell", name="Area formed")).to_be_visible()
    _check(page)
    assert Invitation.objects.filter(area__slug="tees-valley-safeguarding-partnership").count() == 4

    page.goto("/onboarding/panels/new/")
    page.get_by_label("Name of the panel").fill("Tees Child Death Overview Panel")
    page.get_by_label("Tees Valley Safeguarding Partnership").check()
    page.get_by_role("button", name="Check the population").click()
    expect(page.get_by_text("Below by 415,794")).to_be_visible()
    _check(page)
    page.get_by_role("button", name="Set up the panel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tees Child Death Overview Panel")
    panel_url = page.url

    # The administrator accepts the emailed invitation (the acceptance pages have their own browser tests).
    invitation = Invitation.objects.get(email="ada.lovell@hartlepool.example.org")
    invitation.token_hash = hash_token("journey-token")
    invitation.save(update_fields=["token_hash"])
    administrator = accept_invitation(hash_token("journey-token"), PASSWORD).user
    page.context.clear_cookies()
    sign_in_with_both_factors(page, administrator)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Administration").click()
    page.get_by_role("button", name="Invite people from a file").click()
    _check(page)
    people_file = tmp_path / "people.csv"
    people_file.write_text(
        "email,name,organisation,role\n"
        + "".join(f"worker{n}@hartlepool.example.org,Worker {n},E06000001,Practitioner\n" for n in range(20)),
        encoding="utf-8",
    )
    page.get_by_label("CSV file").set_input_files(str(people_file))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("20 to invite, 0 already invited or holding the role, 0 with a problem")).to_be_visible()
    _check(page)
    page.get_by_role("button", name="Send 20 invitations").click()
    expect(page.get_by_text("20 invitations sent for Tees Valley Safeguarding Partnership")).to_be_visible()
    assert Invitation.objects.filter(email__startswith="worker").count() == 20

    page.goto(panel_url)
    page.get_by_role("button", name="Import historic deaths").click()
    _check(page)
    page.get_by_label("CSV file").set_input_files(str(EXAMPLE))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("200 to create, 0 already imported, 0 refused")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Import 200 deaths").click()
    expect(page).to_have_url(re.compile(r"/jobs/runs/\d+/$"))
    run_jobs()
    page.reload()
    expect(page.get_by_text("Succeeded")).to_be_visible()
    assert ImportedDeath.objects.count() == 200

    page.goto(panel_url)
    expect(page.get_by_text("84,206 (mid-2024 estimate)")).to_be_visible()
    expect(page.locator(".govuk-summary-list__row", has_text="Imported from earlier systems")).to_contain_text("200")
    expect(page.locator(".govuk-summary-list__row", has_text="Deaths of children who lived")).to_contain_text("200")
    _check(page)
    page_log.assert_clean()


def test_the_organisation_search_suggests_as_you_type_and_works_as_a_form(page, page_log, area):
    call_command("load_reference_data", verbosity=0)
    sign_in_with_both_factors(page, person_with_role(Role.AREA_ADMINISTRATOR, area))
    page.goto("/onboarding/organisations/")
    search = page.get_by_label("Name or official code")
    search.press_sequentially("hartle", delay=50)
    expect(page.locator("datalist option[value='Hartlepool']")).to_have_count(1)
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"\?q=hartle$"))
    expect(page.get_by_role("heading", name="1 result")).to_be_visible()
    expect(page.get_by_text("Local authority, code E06000001")).to_be_visible()
    _check(page)
    page_log.assert_clean()


def test_the_change_and_management_pages_are_accessible_and_reflow(page, page_log, area, other_area):
    from safeguarding.child_deaths.factories import PanelFactory
    from safeguarding.organisations.factories import MembershipFactory

    panel = PanelFactory(name="Area A Panel", slug="area-a-panel", areas=[area])
    national = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    area_admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    leaver = MembershipFactory(area=area, role=Role.PRACTITIONER).user
    sign_in_with_both_factors(page, national)
    for url, heading in (
        ("/onboarding/areas/", "Safeguarding areas"),
        (f"/onboarding/areas/{area.slug}/change/", "Record a change to the area"),
        ("/onboarding/panels/", "Child death overview panels"),
        (f"/onboarding/panels/{panel.slug}/change/", "Record a change to the panel"),
        ("/onboarding/organisations/new/", "Add a relevant agency"),
        (f"/onboarding/areas/{area.slug}/import-reports/", "Import published review reports"),
    ):
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        _check(page)
    page.goto(f"/onboarding/panels/{panel.slug}/change/")
    page.get_by_role("button", name="Record the change").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose what changed")
    _check(page)
    page.context.clear_cookies()
    sign_in_with_both_factors(page, area_admin)
    page.goto(f"/onboarding/people/{leaver.pk}/deactivate/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Deactivate {leaver.full_name}")
    _check(page)
    page.get_by_role("button", name=f"Deactivate {leaver.full_name}").click()
    expect(page.get_by_text(f"{leaver.full_name} has been deactivated: 1 role ended")).to_be_visible()
    page_log.assert_clean()
