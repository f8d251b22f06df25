"""Driving Debian's Chromium through Playwright: launching it, watching a page for errors, and axe checks.

The fixtures that use these live in the root conftest.py so that every app's browser tests share them.
"""

import os
import shutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings

DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium"

# Headless in a container: no sandbox (we run as root), no GPU, and nothing that phones home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# The WCAG 2.2 AA conformance the service promises in its accessibility statement.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def find_chromium():
    """The absolute path of the Chromium to drive (CHROMIUM_PATH, a path or a command name), or None.

    Playwright's own browser download is blocked here, so the tests use the distribution's package.
    """
    return shutil.which(os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM_PATH))


def missing_chromium_message():
    wanted = os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM_PATH)
    return (
        f"Chromium not found at {wanted!r}. Install Debian's package with `apt-get install -y chromium`, "
        "or set CHROMIUM_PATH to a Chromium executable. (Do not run `playwright install`.)"
    )


def launch_chromium(playwright, path):
    return playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)


@dataclass
class PageLog:
    """Everything a page did wrong that the visitor would not see: console errors (CSP violations
    among them), uncaught exceptions, and sub-resources (CSS, fonts, scripts, images) that failed.

    A document's own status is the test's business (a 404 page is meant to be a 404), so it is not
    a problem here, nor is the console line Chromium writes about it.
    """

    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)
    error_responses: list = field(default_factory=list)
    error_documents: set = field(default_factory=set)

    def _on_request_failed(self, request):
        # ERR_ABORTED is the browser cancelling a request itself, typically the favicon or an image
        # still loading when the test navigates on; it is not a failure of the service. Errors the
        # server returns are caught by _on_response, and missing files fail as 404 responses there.
        if request.failure == "net::ERR_ABORTED":
            return
        self.failed_requests.append(f"{request.url} ({request.failure})")

    @classmethod
    def attach(cls, page):
        log = cls()
        page.on("console", log._on_console)
        page.on("pageerror", lambda error: log.page_errors.append(str(error)))
        page.on("requestfailed", log._on_request_failed)
        page.on("response", log._on_response)
        return log

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append((message.text, message.location.get("url", "")))

    def _on_response(self, response):
        if response.status < 400:
            return
        if response.request.resource_type == "document":
            self.error_documents.add(response.url)
        else:
            self.error_responses.append(f"{response.url} ({response.status})")

    def problems(self):
        console = [
            f"console error: {text}" + (f" at {url}" if url else "")
            for text, url in self.console_errors
            if not (text.startswith("Failed to load resource") and url in self.error_documents)
        ]
        return [
            *console,
            *(f"uncaught exception: {error}" for error in self.page_errors),
            *(f"request failed: {request}" for request in self.failed_requests),
            *(f"error response: {response}" for response in self.error_responses),
        ]

    def assert_clean(self):
        problems = self.problems()
        assert not problems, "The page reported problems:\n" + "\n".join(f"  - {problem}" for problem in problems)


@cache
def _axe_source():
    return (Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def assert_accessible(page):
    """Runs axe-core's WCAG 2.2 AA rules on the page as it is now and fails listing every violation.

    axe is evaluated through the DevTools protocol rather than added as a <script> tag: the site's
    Content-Security-Policy rightly blocks inline scripts, and bypassing the policy for the whole
    browser context would also hide the CSP violations that PageLog exists to catch.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe_source() + "\n;undefined")
    violations = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))",
        AXE_TAGS,
    )
    assert not violations, f"{page.url} fails axe ({len(violations)} rules):\n" + "\n".join(
        f"  - {v['id']} [{v['impact']}] {v['help']}: {', '.join(v['targets'])}" for v in violations
    )


def assert_no_sideways_scrolling(page):
    """The page fits the viewport's width: nothing makes the document scroll sideways (WCAG 2.2 1.4.10)."""
    problem = sideways_scrolling(page)
    assert problem is None, problem


def sideways_scrolling(page):
    """None when the page fits its viewport's width; otherwise what overflows, to say where to look."""
    widths = page.evaluate(
        """() => {
          const root = document.documentElement;
          if (root.scrollWidth <= root.clientWidth) return null;
          const wide = [];
          for (const element of document.body.querySelectorAll('*')) {
            const box = element.getBoundingClientRect();
            if (box.right <= root.clientWidth + 1 || box.width === 0) continue;
            // Only the outermost element that overflows (its children overflow with it), and none that a
            // scrolling region clips.
            const parent = element.parentElement;
            if (parent && parent.getBoundingClientRect().right > root.clientWidth + 1) continue;
            let clipped = false;
            for (let a = parent; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') { clipped = true; break; }
            }
            if (clipped) continue;
            const name = element.tagName.toLowerCase()
              + (element.id ? '#' + element.id : '')
              + [...element.classList].map(c => '.' + c).join('');
            wide.push(`${name} (${Math.round(box.right)} px)`);
            if (wide.length >= 5) break;
          }
          return {scroll: root.scrollWidth, client: root.clientWidth, wide};
        }"""
    )
    if widths is None:
        return None
    return (
        f"{page.url} scrolls sideways: {widths['scroll']} px of content in {widths['client']} px; "
        f"too wide: {', '.join(widths['wide']) or 'unknown'}"
    )


def at_320_pixels(page):
    """The narrowest screen WCAG 2.2's reflow criterion (1.4.10) asks for: 320 CSS px, as 1280 px at 400% zoom."""
    page.set_viewport_size({"width": 320, "height": 900})
    page.reload()


def assert_styled(page):
    """The GOV.UK Frontend stylesheet and its GDS Transport font really applied, not just downloaded."""
    style = page.evaluate(
        """() => {
          const header = document.querySelector('.govuk-header, .govuk-generic-header');
          const heading = document.querySelector('h1');
          return {
            header: header && getComputedStyle(header).backgroundColor,
            font: heading && getComputedStyle(heading).fontFamily,
          };
        }"""
    )
    assert style["header"] not in (None, "rgba(0, 0, 0, 0)"), f"header is unstyled: {style}"
    assert "GDS Transport" in (style["font"] or ""), f"heading is not set in GDS Transport: {style}"
    loaded = page.evaluate(
        "document.fonts.ready.then(fonts => [...fonts].filter(f => f.status === 'loaded').map(f => f.family))"
    )
    assert any("GDS Transport" in family for family in loaded), f"the GDS Transport font did not load: {loaded}"


FACTORY_PASSWORD = "a-long-test-password"  # what organisations.factories.UserFactory gives everyone


def sign_in_with_both_factors(page, user, password=FACTORY_PASSWORD):
    """Signs `user` in through the real pages: password, then a code from their (new) authenticator."""
    import re

    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from playwright.sync_api import expect

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=True
    )
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.get_by_label("Code from your authenticator app").fill(f"{code:06d}")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/home/$"))
