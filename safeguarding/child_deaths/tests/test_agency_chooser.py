"""The agency chooser of a report request: the case's own area's partners and agencies first, in their own
group, then every other organisation; a type-ahead box with JavaScript, a plain select without it."""

import re

import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, assert_no_sideways_scrolling, sign_in_with_both_factors
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

from ..factories import make_case
from ..models import AgencyReport


def _world(area):
    own = [
        OrganisationFactory(name="Zephyr Youth Justice Service", kind=OrganisationKind.YOUTH_JUSTICE),
        OrganisationFactory(name="Area A Council"),
    ]
    area.partners.add(*own)
    others = [OrganisationFactory(name=f"Aardvark Council {n}") for n in range(3)]
    OrganisationFactory(name="National body", kind=OrganisationKind.NATIONAL_BODY)
    return own, others


def _groups(html):
    select = re.search(r'<select name="organisation"[^>]*>(.*?)</select>', html, re.DOTALL)[1]
    return [
        (label, re.findall(r"<option [^>]*>([^<]+)</option>", options))
        for label, options in re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.DOTALL)
    ]


@pytest.mark.django_db
def test_the_areas_own_partners_come_first(client, sign_in, area):
    _own, others = _world(area)
    case = make_case(area)
    sign_in(person_with_role(Role.PANEL_MANAGER, area))

    html = client.get(f"/child-deaths/{case.reference}/reports/request/").content.decode()

    groups = _groups(html)
    assert [label for label, _ in groups] == [f"Partners and agencies of {area.name}", "Other organisations"]
    assert groups[0][1] == ["Area A Council", "Zephyr Youth Justice Service"]
    assert groups[1][1][:3] == ["Aardvark Council 0", "Aardvark Council 1", "Aardvark Council 2"]
    assert "National body" not in html
    assert 'data-module="app-autocomplete"' in html
    # The choice is still checked against the organisations offered, whatever group it is in.
    response = client.post(f"/child-deaths/{case.reference}/reports/request/", {"organisation": others[1].pk})
    assert response.status_code == 302
    assert AgencyReport.objects.get(case=case).organisation == others[1]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_typing_part_of_a_name_chooses_the_agency(page, page_log, area):
    own, _ = _world(area)
    case = make_case(area)
    sign_in_with_both_factors(page, person_with_role(Role.PANEL_MANAGER, area))
    page.goto(f"/child-deaths/{case.reference}/reports/request/")

    # The script puts a text box with the select's id in its place, labelled by the select's label.
    box = page.locator("input#id_organisation")
    expect(box).to_have_accessible_name("Agency")
    expect(page.locator('select[name="organisation"]')).to_be_hidden()
    box.fill("zeph")
    expect(page.get_by_role("option", name="Zephyr Youth Justice Service")).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.eval_on_selector('select[name="organisation"]', "select => select.value") == str(own[0].pk)
    page.set_viewport_size({"width": 320, "height": 900})
    assert_no_sideways_scrolling(page)
    page.get_by_role("button", name=re.compile("Request")).click()
    expect(page.get_by_text("Zephyr Youth Justice Service").first).to_be_visible()
    assert AgencyReport.objects.get(case=case).organisation == own[0]
    page_log.assert_clean()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_select_works(browser, live_server, area):
    own, _ = _world(area)
    case = make_case(area)
    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in_with_both_factors(page, person_with_role(Role.PANEL_MANAGER, area))
        page.goto(f"/child-deaths/{case.reference}/reports/request/")
        page.get_by_label("Agency").select_option(label="Area A Council")
        page.get_by_role("button", name=re.compile("Request")).click()
        assert AgencyReport.objects.get(case=case).organisation == own[1]
    finally:
        context.close()
