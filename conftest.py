"""Fixtures shared by every app's tests. App-specific fixtures live next to the app's tests."""

import pytest

from safeguarding.core.tests.browser import PageLog, find_chromium, launch_chromium, missing_chromium_message


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium, shared by one test module. Fails (never skips) when it is missing.

    Playwright's sync API keeps an asyncio event loop marked as running in the test thread from
    start() to stop(), so Django refuses ORM calls from test code (creating a user, the database
    flush after each test) with SynchronousOnlyOperation. Those calls really are synchronous and the
    loop never runs Django code, so DJANGO_ALLOW_ASYNC_UNSAFE switches the check off, but only while
    the browser is open: set for the whole session it would reach every later test and every
    subprocess they start (`manage.py check --deploy` rightly fails with async.E001 when it is set).
    That is why the browser lives per module rather than per session; a launch costs about half a second.
    """
    from playwright.sync_api import sync_playwright

    path = find_chromium()
    if path is None:
        pytest.fail(missing_chromium_message(), pytrace=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        playwright = sync_playwright().start()
        try:
            chromium = launch_chromium(playwright, path)
            yield chromium
            chromium.close()
        finally:
            playwright.stop()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context (no cookies, no storage) per test, with relative URLs on the live server.

    The site's Content-Security-Policy is enforced, not bypassed, so that a violation shows up as a
    console error in page_log; assert_accessible injects axe in a way the policy does not block.
    """
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_log(page):
    """Console errors, uncaught exceptions and failed sub-resource requests of `page`; see PageLog."""
    return PageLog.attach(page)
