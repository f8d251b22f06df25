"""The one place this app turns a count into published text: counts from 1 to 4 read "fewer than 5".

Tables whose rows add up to a published total go through `safeguarding.stats.suppress` (so that no
hidden count can be worked out by subtraction); a count standing alone is hidden when it is 1 to 4. A
share or a median is shown only when every count it is made from is shown.
"""

from safeguarding import stats

THRESHOLD = stats.suppression.DEFAULT_THRESHOLD
HIDDEN = f"fewer than {THRESHOLD}"


def count(value):
    """A count as published: hidden from 1 to 4, shown otherwise (0 discloses nothing)."""
    if value is None:
        return HIDDEN
    if 0 < value < THRESHOLD:
        return HIDDEN
    return f"{value:,}"


def is_hidden(value):
    return value is None or 0 < value < THRESHOLD


def column_with_total(values):
    """A column of counts and its total, with primary and secondary suppression: (cells, total), where a
    hidden cell is None."""
    if not values:
        return [], 0
    masked = stats.suppress([[value] for value in values])
    return [row[0] for row in masked.counts[:-1]], masked.counts[-1][0]


def timeliness_row(row):
    """A clock's line as published: completed, on time and late, the share on time and the median days,
    each shown only when none of the counts behind it is hidden."""
    completed, on_time = row["completed"], row["on_time"]
    late = completed - on_time
    if completed == 0:
        # Nothing to measure: said in words, not as a hidden figure.
        none = "no cases"
        empty = {"completed_text": "0", "on_time_text": "0", "late_text": "0", "share_text": none, "median_text": none}
        return {**row, **empty}
    masked = stats.suppress([[on_time, late]]).counts[0]
    shown = all(value is not None for value in masked)
    return {
        **row,
        "completed_text": count(masked[2]),
        "on_time_text": count(masked[0]),
        "late_text": count(masked[1]),
        "share_text": f"{100 * on_time / completed:.0f}%" if shown else "",
        "median_text": f"{row['median_days']:g}" if shown and row["median_days"] is not None else "",
    }
