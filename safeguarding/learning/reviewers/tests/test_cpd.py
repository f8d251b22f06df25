"""CPD compliance: hours in the calendar year against the policy table's yearly requirement."""

from datetime import date
from decimal import Decimal

import pytest

from safeguarding.core.clocks.models import PolicySetting
from safeguarding.learning.reviewers import cpd
from safeguarding.learning.reviewers.models import CpdRecord

pytestmark = pytest.mark.django_db


def _record(reviewer, day, hours):
    CpdRecord.objects.create(
        reviewer=reviewer, completed_on=day, hours=hours, activity="Course", recorded_by=reviewer.user
    )


def test_hours_in_the_year_against_the_default_18(reviewer):
    _record(reviewer, date(2026, 1, 1), 6)
    _record(reviewer, date(2026, 12, 31), "4.5")
    _record(reviewer, date(2025, 12, 31), 40)  # another year

    result = cpd.compliance(reviewer, 2026)

    assert (result.hours, result.required, result.shortfall, result.compliant) == (
        Decimal("10.5"),
        Decimal(18),
        Decimal("7.5"),
        False,
    )
    assert cpd.compliance(reviewer, 2025).compliant


def test_exactly_the_requirement_is_compliant_and_the_requirement_is_policy(reviewer):
    _record(reviewer, date(2026, 3, 1), 18)
    assert cpd.compliance(reviewer, 2026).compliant
    PolicySetting.objects.filter(key="reviewer-cpd-hours-per-year").update(value=20)
    result = cpd.compliance(reviewer, 2026)
    assert not result.compliant and result.shortfall == 2


def test_no_records_is_the_whole_requirement_short(reviewer):
    result = cpd.compliance(reviewer, 2026)
    assert result.hours == 0 and result.shortfall == 18 and not result.compliant
