"""The demo world crawled in Chromium at 320 CSS px, as the public and as one demo account of every role.

Every page the crawl reaches must fit a 320 px screen without scrolling sideways (WCAG 2.2 success criterion
1.4.10, Reflow, which axe does not test): wide tables scroll inside their own region instead. The first page
of each kind also passes axe, and no page may log a console error or fail to load a sub-resource.
"""

import io

import pytest
from django.core.management import call_command

from safeguarding.demo import world
from safeguarding.demo.management.commands.seed_demo import DEFAULT_DEMO_PASSWORD
from safeguarding.demo.totp import current_demo_code

from .browser import PageLog, assert_accessible, sideways_scrolling
from .crawl import Crawl, page_kind
from .test_authorization_matrix import PAGE_MATRIX

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 320, "height": 900}
# One page of each kind (view and query names) for each account: a second case page or a second page of a list
# is laid out by the same template as the first, so visiting two doubled the suite's longest tests for little.
PAGES_PER_KIND = 1


# The crawl is shared into two groups that xdist can run side by side; each seeds its own demo world. Every
# role is crawled once, in one area (Tees Valley): the other demo areas' people hold the same roles and see the
# same kinds of page, and so do the three lead chief officers (council, health, police) of one area, so crawling
# them too multiplied the suite's longest tests and found nothing more.
CRAWLED_AREA = world.AREAS_WITH_PEOPLE[0]
_ONE_PER_ROLE = [
    person for n, person in enumerate(world.AREA_PEOPLE) if person.role not in {p.role for p in world.AREA_PEOPLE[:n]}
]
GROUPS = {
    "public and national": [None, *(world.demo_email(person) for person in world.NATIONAL_PEOPLE)],
    f"{CRAWLED_AREA}, every role": [world.demo_email(person, CRAWLED_AREA) for person in _ONE_PER_ROLE],
}

# Pages anyone may read (the authorization matrix's rows the public is served): the public's crawl runs axe on
# each of their kinds. Signed-in accounts still visit them (their links and reflow are checked) but do not run
# axe on them again: it was the largest part of each account's crawl.
PUBLIC_VIEWS = {route for route, (_method, outcomes) in PAGE_MATRIX.items() if outcomes["anonymous"] == "ok"}


# A PDF the crawl opens is shown by Chromium's own PDF viewer, an extension whose internal errors reach the
# page's console ("chrome-extension://…", "reading 'tabId'"); they come from the browser, not from the service.
BROWSER_PDF_VIEWER_NOISE = ("chrome-extension://", "reading 'tabId'")


def _from_the_browsers_pdf_viewer(problem):
    return any(noise in problem for noise in BROWSER_PDF_VIEWER_NOISE)


def _sign_in(page, email):
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(DEFAULT_DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(current_demo_code())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/home/")


@pytest.mark.parametrize("group", list(GROUPS))
def test_every_page_reflows_at_320_pixels_for_every_demo_account(browser, live_server, group):
    call_command("load_reference_data", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    checked_by_axe = set()
    problems = []
    pages = 0
    signed_in = False

    def check(page):
        problem = sideways_scrolling(page)
        parts = page.url.split(live_server.url, 1)[-1].split("?", 1)
        kind = page_kind(parts[0], parts[1] if len(parts) > 1 else "")
        if kind and kind[0] not in checked_by_axe and not (signed_in and kind[0] in PUBLIC_VIEWS):
            checked_by_axe.add(kind[0])
            try:
                assert_accessible(page)
            except AssertionError as failure:
                return "\n".join(filter(None, [problem, str(failure)]))
        return problem

    for account in GROUPS[group]:
        context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport=NARROW)
        page = context.new_page()
        log = PageLog.attach(page)
        signed_in = account is not None
        try:
            if account:
                _sign_in(page, account)
            crawl = Crawl(page, live_server.url, per_kind=PAGES_PER_KIND).run(
                start="/home/" if account else "/", check=check
            )
        finally:
            context.close()
        pages += len(crawl.visited)
        who = account or "the public"
        problems += [f"as {who}: {problem}" for problem in crawl.problems]
        problems += [f"as {who}: {problem}" for problem in log.problems() if not _from_the_browsers_pdf_viewer(problem)]

    # The crawl reaches every part of the service: more than a few pages per account.
    assert pages > 50 * len(GROUPS[group]), f"the crawl reached only {pages} pages"
    assert not problems, f"{len(problems)} problems in {pages} pages:\n" + "\n".join(problems)
