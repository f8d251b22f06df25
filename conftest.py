"""Fixtures shared by every app's tests. App-specific fixtures live next to the app's tests."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from safeguarding.core.tests.browser import PageLog, find_chromium, launch_chromium, missing_chromium_message

# "Today" for the whole suite. Tests name dates (a summary due on 3 December 2026, a death in March
# 2026) and the actions rightly compare them with today, so the suite would pass or fail depending on
# the day it runs. Every test therefore runs on this fixed clock, wherever and whenever the machine is.
# The clock ticks from here (timeouts and elapsed times still work); at 10:00 in London a whole run
# stays inside one day. A test that needs another day travels itself (time_machine.travel) or passes
# `today=` to the action it calls.
TEST_NOW = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Europe/London"))

_fixed_clock = None


def pytest_configure(config):
    """Starts the fixed clock before collection, so session fixtures and module imports see it too."""
    global _fixed_clock
    _fixed_clock = time_machine.travel(TEST_NOW, tick=True)
    _fixed_clock.start()


def pytest_unconfigure(config):
    if _fixed_clock is not None:
        _fixed_clock.stop()


# Modules whose tests each take a minute or more of a worker's time (seeding the demo, walking a journey through
# many pages). They run first: the workers then share out the short tests around them and finish together,
# instead of one worker starting a long test when the other has nothing left to do.
LONGEST_MODULES = ("test_crawl_in_browser.py", "test_journey_in_browser.py", "test_sign_off_journey_in_browser.py")


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: item.path.name not in LONGEST_MODULES)  # stable: each module stays in order


def _flushes_the_database(item):
    """Whether pytest-django runs `item` as a transactional test, which ends by emptying every table."""
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test has flushed the database, puts back what the migrations seeded.

    Tests share each worker's database in whatever order the run hands them out (several workers
    share out the files), so the test after a flush must find the reference data as a fresh
    database holds it, whichever kind it is.
    """
    result = yield
    # With no next test the session's teardown has already dropped the test database.
    if nextitem is not None and _flushes_the_database(item):
        from pytest_django.plugin import blocking_manager_key

        from safeguarding.core.testing import reload_migration_data

        with item.config.stash[blocking_manager_key].unblock():
            reload_migration_data()
    return result


@pytest.fixture(autouse=True)
def _each_test_starts_at_test_now():
    """Each test starts at TEST_NOW itself, not at whatever the clock has ticked to since the run began."""
    with time_machine.travel(TEST_NOW, tick=True):
        yield


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


@pytest.fixture(autouse=True)
def _each_test_starts_with_an_empty_cache():
    """Lock-outs, rate limits and cached results live in the cache, which a test's rolled-back transaction
    does not undo: each test starts without what an earlier one counted."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    yield
    for alias in caches:
        # Only this process's memory: clear() on Redis would empty the whole database, others' keys too.
        if isinstance(caches[alias], LocMemCache):
            caches[alias].clear()
