"""Following the links a signed-in person can reach, page by page, in a real Chromium.

The crawl starts at the home page and follows every same-site link it finds (GET only: nothing a link
reaches changes state). Pages are grouped by the view that serves them and by their query's parameter
names, and each group is visited only a few times, so the crawl covers every kind of page without
walking all of a long list's items.
"""

from collections import deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError

# Never followed: sign-out is a form, but a stray link must not end the crawl; assets are not pages.
SKIPPED_PREFIXES = ("/sign-out/", "/assets/", "/api/", "/session/")
# Files rather than pages (CSV, PDF and the like): the browser would download them.
FILE_SUFFIXES = (".csv", ".pdf", ".json", ".xlsx", ".ods", ".zip", ".txt")


def page_kind(path, query):
    """What makes two addresses the same kind of page: the view serving them and their query's names."""
    try:
        view = resolve(path).view_name
    except Resolver404:
        return None
    return (view, tuple(sorted({name for name, _ in parse_qsl(query, keep_blank_values=True)})))


@dataclass
class Crawl:
    """Visits pages from `start`, calling `check(page)` on each; `problems` lists what the checks found."""

    page: object
    origin: str
    per_kind: int = 2
    limit: int = 400
    visited: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    # Links that answered an error, as "address (status)".
    broken: list = field(default_factory=list)

    def run(self, start="/home/", check=None):
        seen_addresses = set()
        visits_per_kind = {}
        queue = deque([start])
        while queue and len(self.visited) < self.limit:
            address = queue.popleft()
            if address in seen_addresses:
                continue
            seen_addresses.add(address)
            parts = urlsplit(address)
            kind = page_kind(parts.path, parts.query)
            if kind is None or visits_per_kind.get(kind, 0) >= self.per_kind:
                continue
            visits_per_kind[kind] = visits_per_kind.get(kind, 0) + 1
            try:
                response = self.page.goto(address)
            except PlaywrightError as error:
                # A file served without a telling suffix starts a download instead of a page.
                if "Download is starting" in str(error):
                    continue
                raise
            if response is None or not response.ok:
                status = response.status if response else "no response"
                self.broken.append(f"{address} ({status})")
                continue
            if not response.headers.get("content-type", "").startswith("text/html"):
                continue
            self.visited.append(address)
            if check is not None:
                problem = check(self.page)
                if problem:
                    self.problems.append(problem)
            queue.extend(self._links())
        return self

    def _links(self):
        hrefs = self.page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
        links = []
        for href in hrefs:
            parts = urlsplit(href)
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                continue
            if parts.path.startswith(SKIPPED_PREFIXES) or parts.path.lower().endswith(FILE_SUFFIXES):
                continue
            links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        return links
