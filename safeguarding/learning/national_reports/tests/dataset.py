"""A small hand-built national year (2025) whose figures are worked out by hand in the tests."""

import datetime

from django.utils import timezone

from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import RapidInquiry
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.organisations.factories import UserFactory

D = datetime.date


def _case(area, *, aware, submitted, started=None, decision="", decided=None, completed=None, published=None):
    incident = make_incident(
        area,
        submitted_at=timezone.make_aware(datetime.datetime.combine(submitted, datetime.time(10, 0))),
        aware_date=aware,
        decided_on=decided,
        lli_completed_on=completed,
        published_on=published,
    )
    if started:
        RapidInquiry.objects.create(
            incident=incident,
            lead=UserFactory(),
            started_on=started,
            decision=decision,
            decision_reasons="Reasons" if decision else "",
        )
    return incident


def build_incidents(area, other_area):
    """Three cases with clocks completed in 2025, and one notified in 2026.

    - Easter case: notified Tue 15 April 2025; 15 working days run to 9 May because Good Friday, Easter
      Monday and the early May bank holiday do not count (without them: 6 May). Decided on 8 May: on time
      only thanks to the bank holidays. Then an LLI completed 30 July (due 8 August) and published 20 August
      (due 30 August).
    - Referral case: notified 2 June 2025, decision due 23 June, decided 25 June: late. Referred for an NSCI.
    - Winter case: notified 20 December 2024 (counts in 2024), decided 10 January 2025 (due 15 January
      after Christmas, Boxing Day and New Year's Day): on time, no further review.
    - Next year's case: aware 29 December 2025, notified 5 January 2026: in no 2025 figure.
    """
    _case(
        area,
        aware=D(2025, 4, 14),
        submitted=D(2025, 4, 15),
        started=D(2025, 4, 15),
        decision="lli",
        decided=D(2025, 5, 8),
        completed=D(2025, 7, 30),
        published=D(2025, 8, 20),
    )
    _case(
        other_area,
        aware=D(2025, 5, 29),
        submitted=D(2025, 6, 2),
        started=D(2025, 6, 2),
        decision="referred_nsci",
        decided=D(2025, 6, 25),
    )
    _case(
        area,
        aware=D(2024, 12, 18),
        submitted=D(2024, 12, 20),
        started=D(2024, 12, 20),
        decision="no_further_review",
        decided=D(2025, 1, 10),
    )
    _case(area, aware=D(2025, 12, 29), submitted=D(2026, 1, 5))


def build_repository():
    """Neglect in three 2025 reports from two areas (and one 2024 report); domestic abuse in one."""
    first = make_entry(area_name="Area A", published_on=D(2025, 3, 3))
    code(first.current_findings().get(), "neglect", "domestic-abuse")
    second = make_entry(area_name="Area B", published_on=D(2025, 5, 5))
    code(second.current_findings().get(), "neglect")
    third = make_entry(area_name="Area A", published_on=D(2025, 9, 9))
    code(third.current_findings().get(), "neglect")
    earlier = make_entry(area_name="Area C", published_on=D(2024, 6, 6))
    code(earlier.current_findings().get(), "neglect")
    return first, second, third, earlier


def build_national_inquiries():
    """One proposed 3 February 2025 and accepted 28 February (decision due 3 March: on time), its terms of
    reference agreed 10 April (due 28 April: on time); one proposed 1 November 2024 and declined 20 January
    2025 (due 29 November 2024: late)."""
    from safeguarding.learning.nsci.models import NationalInquiry

    analyst = UserFactory()
    common = {"source": "analyst", "summary_of_concern": "Concern", "proposed_by": analyst}
    NationalInquiry.objects.create(
        reference="NSCI-2025-01",
        title="Accepted",
        proposed_on=D(2025, 2, 3),
        decision="accept",
        decided_on=D(2025, 2, 28),
        set_up_on=D(2025, 4, 10),
        **common,
    )
    NationalInquiry.objects.create(
        reference="NSCI-2024-01",
        title="Declined",
        proposed_on=D(2024, 11, 1),
        decision="decline",
        decided_on=D(2025, 1, 20),
        **common,
    )
