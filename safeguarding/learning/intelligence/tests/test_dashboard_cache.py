"""The dashboard's theme counts are kept in the shared cache per repository data version: a second visit
reads them without counting again, and a new report or a new code is counted at once."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .builders import coded_report

pytestmark = pytest.mark.django_db


def _reports_line(page, theme_name):
    """The chart's data cell for `theme_name` (its count of reports)."""
    start = page.index(f'<th scope="row" class="govuk-table__header">{theme_name}</th>')
    cell = page.index('<td class="govuk-table__cell govuk-table__cell--numeric">', start)
    return page[cell : page.index("</td>", cell)].rsplit(">", 1)[1].strip()


@pytest.fixture
def analyst(sign_in):
    user = person_with_role(Role.NATIONAL_ANALYST)
    sign_in(user)
    return user


def _codes_read(client):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("intelligence:dashboard")).content.decode()
    # Each code's theme, finding and report are read to count themes (analysis.coded_rows).
    return page, sum('SELECT "repository_findingtheme"."theme_id"' in query["sql"] for query in queries)


def test_the_counts_are_reused_until_the_repository_changes(client, analyst):
    recent = timezone.localdate() - datetime.timedelta(days=30)
    for index in range(3):
        coded_report(f"Area {index}", recent, "neglect")

    first, counted_first = _codes_read(client)
    again, counted_again = _codes_read(client)
    assert _reports_line(first, "Neglect") == _reports_line(again, "Neglect") == "3"
    assert counted_first > 0
    assert counted_again == 0  # the second visit did not read the codes again

    coded_report("Area 3", recent, "neglect")  # a new report, coded: a new data version
    assert _reports_line(_codes_read(client)[0], "Neglect") == "4"

    entry = make_entry(area_name="Area 4", published_on=recent, findings=(("Hungry.", "Not named."),))
    code(entry.current_findings().get(), "neglect")  # a code on its own changes the version too
    assert _reports_line(_codes_read(client)[0], "Neglect") == "5"
