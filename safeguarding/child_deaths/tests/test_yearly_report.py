"""The child death review section of the area's yearly report: counts for the area's residents."""

import datetime

import pytest

from safeguarding.arrangements.richtext import to_html
from safeguarding.child_deaths.factories import make_case
from safeguarding.child_deaths.models import PanelReview
from safeguarding.child_deaths.yearly_report import yearly_report_section

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 4, 1), datetime.date(2027, 3, 31)
TODAY = datetime.date(2026, 11, 26)


def _case(area, nhs_number, died_on, notified_on, **overrides):
    return make_case(area, nhs_number=nhs_number, date_of_death=died_on, today=notified_on, **overrides)


def _review(case, reviewed_on, category, modifiable, *, final=True):
    return PanelReview.objects.create(
        case=case, reviewed_on=reviewed_on, category=category, modifiable=modifiable, final=final
    )


@pytest.fixture
def year_of_deaths(area, other_area):
    # Reviewed within six months of the death, modifiable factors identified.
    on_time = _case(area, "9434765919", datetime.date(2026, 5, 1), datetime.date(2026, 5, 2))
    _review(on_time, datetime.date(2026, 10, 1), "5", "yes")
    # Died and notified the year before; reviewed late (due 10 July) in this year.
    late = _case(area, "9434765870", datetime.date(2026, 1, 10), datetime.date(2026, 1, 11))
    _review(late, datetime.date(2026, 8, 1), "8", "no")
    # Notified this year, still open; a draft review does not count as completed.
    still_open = _case(area, "9434765862", datetime.date(2026, 11, 20), datetime.date(2026, 11, 21))
    _review(still_open, None, "9", "yes", final=False)
    # A child who lived in the other area (though died in this one): not this area's figure.
    _case(
        other_area,
        "9434765854",
        datetime.date(2026, 6, 1),
        datetime.date(2026, 6, 2),
        residence_area=other_area,
        place_of_death_area=area,
    )


def test_counts_for_the_areas_residents(area, year_of_deaths):
    assert yearly_report_section(area, START, END, today=TODAY).splitlines() == [
        "### Child death reviews",
        "",
        "- Deaths notified of children who normally lived in the area: 2",
        "- Reviews completed by the child death overview panel: 2",
        "- Reviews completed within 6 months of the death: 1 of 2 (50%)",
        "- Reviews that identified modifiable factors: 1 of 2 (50%)",
        "",
        "Completed reviews by category:",
        "",
        "- 5\\. Acute medical or surgical condition: 1, 1 with modifiable factors",
        "- 8\\. Perinatal or neonatal event: 1, 0 with modifiable factors",
    ]


def test_categories_keep_their_own_numbers_when_the_report_is_shown(area, year_of_deaths):
    html = to_html(yearly_report_section(area, START, END, today=TODAY))
    assert "<li>8. Perinatal or neonatal event: 1, 0 with modifiable factors</li>" in html
    assert "<ol" not in html


def test_no_deaths_or_reviews_in_the_year_contribute_nothing(area, year_of_deaths):
    assert yearly_report_section(area, datetime.date(2024, 4, 1), datetime.date(2025, 3, 31), today=TODAY) is None
