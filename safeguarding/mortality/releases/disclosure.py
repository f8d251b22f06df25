"""Disclosure control for everything a release publishes: the one place published cells are made.

Every count goes through safeguarding.stats.suppress (counts 1-4 hidden, and enough others that no
hidden count can be worked out from the totals); every rate or proportion is hidden with its count.
Hidden cells are published as "[c]" (confidential) and cells with no meaning (a rate for a group with no
population, a proportion of no reviews) as "[z]" (not applicable), the Government Statistical Service's
symbols; each table lists the symbols it uses beneath it.
"""

from dataclasses import dataclass

from safeguarding import stats

HIDDEN = "[c]"
NOT_APPLICABLE = "[z]"
SYMBOLS = {
    HIDDEN: "confidential: a count from 1 to 4, or a figure from which one could be worked out",
    NOT_APPLICABLE: "not applicable: there is no population or no review to measure against",
}


@dataclass(frozen=True)
class PublishedTable:
    slug: str
    caption: str
    columns: list  # titles
    rows: list  # lists of str cells; the first cell labels the row
    numeric: bool = True

    def csv_rows(self):
        return [self.columns, *self.rows]

    def symbols(self):
        """[(symbol, meaning)] for each symbol the table uses, to explain beneath it."""
        used = {cell for row in self.rows for cell in row[1:]}
        return [(symbol, meaning) for symbol, meaning in SYMBOLS.items() if symbol in used]


def _count(value):
    return HIDDEN if value is None else f"{value:,}"


def _figure(value, digits=1, scale=1):
    return HIDDEN if value is None else f"{value * scale:.{digits}f}"


def _derived_figure(shown, original, scale=1):
    """A rate as published: [z] where it has no meaning whatever the count, [c] where its count is hidden."""
    return NOT_APPLICABLE if original is None else _figure(shown, scale=scale)


def one_way(slug, caption, heading, labels, counts, derived=None, *, derived_titles=(), scale=1, total=True):
    """A list of counts by one dimension, with its total (unless `total` is false: a table of one row is its
    own total), and figures derived from each count.

    derived: {name: [value per row]} in derived_titles' order, None where a figure has no meaning; hidden
    wherever the count is.
    """
    table = [[count] for count in counts]
    masked = stats.suppress(
        table, derived={name: [[value] for value in values] for name, values in (derived or {}).items()}
    )
    rows = []
    for index, label in enumerate(labels):
        cells = [label, _count(masked.counts[index][0])]
        cells += [
            _derived_figure(masked.derived[name][index][0], values[index], scale=scale)
            for name, values in (derived or {}).items()
        ]
        rows.append(cells)
    if total:
        rows.append(["All", _count(masked.counts[-1][-1])] + [""] * len(derived or {}))
    return PublishedTable(slug, caption, [heading, "Deaths", *derived_titles], rows), masked


def two_way(slug, caption, heading, row_labels, column_labels, grid):
    """A cross-table of counts with row and column totals."""
    masked = stats.suppress(grid)
    rows = [[label, *[_count(value) for value in masked.counts[index]]] for index, label in enumerate(row_labels)]
    rows.append(["All", *[_count(value) for value in masked.counts[-1]]])
    return PublishedTable(slug, caption, [heading, *column_labels, "All"], rows), masked


def proportions_by_row(slug, caption, heading, labels, yes, no):
    """Modifiable (yes) and not (no) per row, with the proportion shown only when the whole row is shown.

    A proportion shown beside a hidden count would give the count away, so the row's proportion is
    hidden whenever either count or the row total is.
    """
    grid = [[a, b] for a, b in zip(yes, no, strict=True)]
    masked = stats.suppress(grid)
    rows = []
    for index, label in enumerate([*labels, "All"]):
        line = masked.counts[index]
        shown = all(value is not None for value in line)
        proportion = None
        if shown and line[-1]:
            proportion = stats.wilson_ci(line[0], line[-1])
        cells = [label, *[_count(value) for value in line]]
        cells += (
            [_figure(value, scale=100) for value in (proportion or (None, None, None))]
            if line[-1] != 0
            else [NOT_APPLICABLE] * 3
        )
        rows.append(cells)
    columns = [
        heading,
        "Modifiable factors",
        "No modifiable factors",
        "Reviews decided",
        "% modifiable",
        "95% lower",
        "95% upper",
    ]
    return PublishedTable(slug, caption, columns, rows), masked
