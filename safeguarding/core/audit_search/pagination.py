"""Links for the GOV.UK pagination component that keep the search's query string."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None for the ellipsis between distant pages
    url: str = ""
    current: bool = False


def _url(query, number):
    query = query.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


def _numbers_to_show(current, last):
    """First, last, and the pages either side of the current one, as the Design System suggests."""
    return sorted({1, last, *(n for n in (current - 1, current, current + 1) if 1 <= n <= last)})


def pagination(page, query):
    """`page` is a Django Page; `query` the request's QueryDict. None when there is a single page."""
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
