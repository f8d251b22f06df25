"""A case linked into another has no steps of its own: its clocks stop rather than run overdue."""

import datetime

import pytest
from django.urls import reverse

from safeguarding.core.clocks.deadlines import ClockState

from .. import clocks
from ..actions.linkage import confirm_link
from ..factories import notify
from ..models import CaseStatus, ChildDeathCase, LinkCandidate

pytestmark = pytest.mark.django_db
NO_NHS = {"nhs_number": "", "nhs_number_unavailable_reason": "Not known at the scene"}
LONG_AGO = datetime.date(2026, 6, 1)


@pytest.fixture
def merged(area, panel, panel_manager):
    """Two notifications of one child months ago, the second folded into the first's case."""
    kept = notify(area, family_name="Hartigen", today=LONG_AGO, date_of_death=LONG_AGO, **NO_NHS).case
    notify(area, family_name="Hartigann", today=LONG_AGO, date_of_death=LONG_AGO, **NO_NHS)
    candidate = LinkCandidate.objects.get(case=kept)
    confirm_link(panel_manager, candidate)
    folded = ChildDeathCase.objects.get(status=CaseStatus.MERGED)
    return kept, folded


def test_the_folded_case_clocks_are_not_needed_while_the_kept_case_is_overdue(merged):
    kept, folded = merged
    today = datetime.date(2026, 11, 26)
    assert clocks.inform_database_clock(kept, today).state == ClockState.OVERDUE
    for clock in (clocks.inform_database_clock(folded, today), clocks.panel_review_clock(folded, today)):
        assert clock.state == ClockState.STOPPED
        assert clock.summary == f"Not needed: linked into {kept.reference}"


def test_the_case_list_shows_no_overdue_clock_for_the_folded_case(client, sign_in, panel_manager, merged):
    kept, folded = merged
    sign_in(panel_manager)
    page = client.get(reverse("child_deaths:cases"), {"status": "merged"}).content.decode()
    assert folded.reference in page and kept.reference not in page
    assert "Overdue" not in page and "Not needed" in page
    detail = client.get(reverse("child_deaths:case", args=[folded.reference])).content.decode()
    assert "Overdue" not in detail and f"Not needed: linked into {kept.reference}" in detail
