"""The one place counts become published text."""

from safeguarding.learning.national_reports import disclosure
from safeguarding.learning.national_reports.charts import column_chart


def test_counts_from_1_to_4_are_fewer_than_5_and_others_are_shown():
    assert [disclosure.count(n) for n in (0, 1, 4, 5, 1234, None)] == [
        "0",
        "fewer than 5",
        "fewer than 5",
        "5",
        "1,234",
        "fewer than 5",
    ]


def test_a_hidden_cell_of_a_column_cannot_be_worked_out_from_the_total():
    cells, total = disclosure.column_with_total([2, 10, 12])
    assert cells[0] is None and total == 24
    assert sum(1 for cell in cells if cell is None) >= 2


def _clock(completed, on_time, median=20):
    return {"key": "k", "name": "Clock", "completed": completed, "on_time": on_time, "median_days": median}


def test_timeliness_share_and_median_only_when_every_count_behind_them_is_shown():
    shown = disclosure.timeliness_row(_clock(20, 15))
    assert (shown["on_time_text"], shown["late_text"], shown["share_text"], shown["median_text"]) == (
        "15",
        "5",
        "75%",
        "20",
    )
    # Three late of twelve: the share (75%) would give the three away, and so would the on-time count.
    hidden = disclosure.timeliness_row(_clock(12, 9))
    assert (hidden["completed_text"], hidden["late_text"], hidden["on_time_text"]) == (
        "12",
        "fewer than 5",
        "fewer than 5",
    )
    assert hidden["share_text"] == "" and hidden["median_text"] == ""
    assert disclosure.timeliness_row(_clock(0, 0, None))["share_text"] == "no cases"


def test_a_hidden_count_has_no_column_in_the_chart():
    svg = column_chart("c", "Findings", [("2024", None), ("2025", 7)], unit="Findings")
    assert svg.count("<rect") == 1
    assert "2024: fewer than 5; 2025: 7" in svg
    assert column_chart("c", "Findings", [], unit="Findings") == ""
