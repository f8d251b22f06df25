"""Pages of long lists. (The shared helper in safeguarding.core.pagination was not yet committed
when this app was written; this keeps the same shape so the two can be swapped.)"""

from django.core.paginator import Paginator


def paginate(request, items, per_page):
    """The requested page; a missing, non-numeric or too-large number gives the first or last page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def _url(query, number):
    query = query.copy()
    query.pop("page", None)
    query["page"] = number
    return f"?{query.urlencode()}"


def pagination_links(page, query):
    """Previous, next and numbered links keeping the other query parameters; None for one page."""
    if page.paginator.num_pages <= 1:
        return None
    return {
        "previous": _url(query, page.previous_page_number()) if page.has_previous() else "",
        "next": _url(query, page.next_page_number()) if page.has_next() else "",
        "links": [{"number": n, "url": _url(query, n), "current": n == page.number} for n in page.paginator.page_range],
    }
