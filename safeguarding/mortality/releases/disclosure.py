"""Disclosure control for everything a release publishes: the one place published cells are made.

Every count goes through safeguarding.stats.suppress (counts 1-4 hidden, and enough others that no
hidden count can be worked out from the totals); every rate or proportion is hidden with its count.
Hidden cells are published as "[c]" (confidential), as ONS releases mark them.
"""

from dataclasses import dataclass

from safeguarding import stats

HIDDEN = "[c]"


@dataclass(frozen=True)
class PublishedTable:
    slug: str
    caption: str
    columns: list  # titles
    rows: list  # lists of str cells; the first cell labels the row
    numeric: bool = True

    def csv_rows(self):
        return [self.columns, *self.rows]


def _count(value):
    return HIDDEN if value is None else f"{value:,}"


def _figure(value, digits=1, scale=1):
    return HIDDEN if value is None else f"{value * scale:.{digits}f}"


def one_way(slug, caption, heading, labels, counts, derived=None, *, derived_titles=(), scale=1):
    """A list of counts by one dimension, with its total, and figures derived from each count.

    derived: {name: [value per row]} in derived_titles' order; hidden wherever the count is.
    """
    table = [[count] for count in counts]
    masked = stats.suppress(
        table, derived={name: [[value] for value in values] for name, values in (derived or {}).items()}
    )
    rows = []
    for index, label in enumerate(labels):
        cells = [label, _count(masked.counts[index][0])]
        cells += [_figure(masked.derived[name][index][0], scale=scale) for name in (derived or {})]
        rows.append(cells)
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
            else ["", "", ""]
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
