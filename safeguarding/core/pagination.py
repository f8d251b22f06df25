"""One way to split a list into pages, and the links for the GOV.UK pagination component.

A view calls `paginate` for the page and `pagination_links` for the links, and its template includes
"govuk/includes/pagination.html" with `pagination` and an `aria_label`.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.functional import cached_property


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None for the ellipsis between distant pages
    url: str = ""
    current: bool = False


def paginate(request, queryset, per_page, *, count=None):
    """The page the request asks for. A missing or non-numeric page gives the first, one past the end
    the last, so an old or edited link still shows a page instead of an error. `count`, when the caller
    has already counted the rows, saves counting them again."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("page"))


class CappedPaginator(Paginator):
    """A Paginator that counts no further than `cap`: counting every match of a search over millions of rows
    costs more than finding the page. Past the cap, `more_than_cap` is true and the pages stop at the cap
    (a person narrows the search, or downloads every match, rather than paging that far)."""

    def __init__(self, object_list, per_page, *, cap, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap
        self.more_than_cap = False

    @cached_property
    def count(self):
        # Unordered and without joins: the database stops at the first cap + 1 matches it finds.
        found = self.object_list.order_by().select_related(None)[: self.cap + 1].count()
        self.more_than_cap = found > self.cap
        return min(found, self.cap)


def paginate_capped(request, queryset, per_page, cap):
    """As `paginate`, counting no further than `cap` (see CappedPaginator)."""
    return CappedPaginator(queryset, per_page, cap=cap).get_page(request.GET.get("page"))


def _url(query, number):
    query = query.copy()
    query.pop("page", None)  # so the page number always comes last, once
    query["page"] = number
    return f"?{query.urlencode()}"


def _numbers_to_show(current, last):
    """First, last, and the pages either side of the current one, as the Design System suggests."""
    return sorted({1, last, *(n for n in (current - 1, current, current + 1) if 1 <= n <= last)})


def pagination_links(page, query):
    """Previous, next and numbered links for `page` (a Django Page) that keep every other parameter of
    `query` (the request's QueryDict), so filters survive a change of page. None for a single page."""
    if page.paginator.num_pages <= 1:
        return None
    links, previous = [], 0
    for number in _numbers_to_show(page.number, page.paginator.num_pages):
        if number - previous > 1:
            links.append(PageLink(None))
        links.append(PageLink(number, _url(query, number), current=number == page.number))
        previous = number
    return {
        "previous": _url(query, page.previous_page_number()) if page.has_previous() else "",
        "next": _url(query, page.next_page_number()) if page.has_next() else "",
        "links": links,
    }
