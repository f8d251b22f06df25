"""The repository's pages in the authorization matrix. Published material is open to everyone; the national
search and a rapid inquiry's (non-public) learning summary only to the national roles."""

from safeguarding.core.tests.authorization import EVERYONE, expect
from safeguarding.learning.repository.factories import make_entry
from safeguarding.learning.repository.models import EntryKind

NATIONAL = {"national:national_analyst", "national:national_administrator"}
ANALYSTS = {"national:national_analyst"}

PAGE_MATRIX = {
    "repository:search": ("GET", expect(EVERYONE)),
    "repository:national-search": ("GET", expect(NATIONAL)),
    # The entry in the URL is not public: a public one is open to everyone (tested in test_pages).
    "repository:entry": ("GET", expect(NATIONAL, anonymous="404")),
    "repository:digest": ("GET", expect(EVERYONE)),
    "repository:digest-month": ("GET", expect(EVERYONE)),
    # Coding: national analysts only; the category scheme is public.
    "coding:queue": ("GET", expect(ANALYSTS)),
    "coding:code-finding": ("GET", expect(ANALYSTS)),
    "coding:category-scheme": ("GET", expect(EVERYONE)),
}
POST_ALLOWED = {"coding:code-finding": ANALYSTS}


def url_kwargs(world):
    summary = make_entry(
        title="Rapid inquiry learning summary",
        kind=EntryKind.RAPID_INQUIRY,
        is_public=False,
        area_name=world.area.name,
        area=world.area,
    )
    return {
        "repository:entry": {"reference": summary.reference},
        "coding:code-finding": {"pk": summary.current_findings().first().pk},
        "repository:digest-month": {"year": "2026", "month": "03"},
    }
