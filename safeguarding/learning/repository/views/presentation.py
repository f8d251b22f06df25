"""How search results and counts are put on a page, public or national."""

from safeguarding.stats.suppression import DEFAULT_THRESHOLD

from ..search import SORTS


def count_label(count, *, public):
    """A count as shown: on public pages 1 to 4 read "fewer than 5" (the platform's disclosure threshold)."""
    if public and 0 < count < DEFAULT_THRESHOLD:
        return f"fewer than {DEFAULT_THRESHOLD}"
    return f"{count:,}"


def facet_groups(results, *, public):
    """Facets with at least one option, each option with its count as it may be shown."""
    groups = []
    for facet in results.facets:
        if not facet.options:
            continue
        options = [
            {
                "value": option.value,
                "label": option.label,
                "count": count_label(option.count, public=public),
                "selected": option.selected,
            }
            for option in facet.options
        ]
        groups.append(
            {
                "key": facet.key,
                "label": facet.label,
                "options": options,
                "any_selected": any(o["selected"] for o in options),
            }
        )
    return groups


def sort_options(results):
    choices = SORTS if results.query else {k: v for k, v in SORTS.items() if k != "relevance"}
    return [{"value": value, "label": label, "selected": value == results.sort} for value, label in choices.items()]


def total_label(results, *, public):
    """The results heading's words before the query: "Fewer than 5 reports match", "1 report matches",
    "300 reports". A suppressed count stands for several reports, so its noun is plural."""
    label = count_label(results.total, public=public)
    single = label == "1"
    words = f"{label} {'report' if single else 'reports'}"
    if results.query:
        words += " matches" if single else " match"
    return words[:1].upper() + words[1:]
