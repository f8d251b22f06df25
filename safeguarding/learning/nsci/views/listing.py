"""The list of national inquiries with their running clocks, and the referrals still awaiting a proposal."""

from django.shortcuts import render
from django.utils import timezone

from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.incidents.models import Incident
from safeguarding.incidents.states import IncidentStatus

from .. import clocks
from ..models import NationalInquiry
from ..states import InquiryStatus
from .access import PAGE_SIZE, national_page

CLOCK_FILTERS = {
    ClockState.OVERDUE: "Overdue",
    ClockState.DUE_SOON: "Due soon",
    ClockState.RUNNING: "On track",
}


def referrals_awaiting_proposal(user):
    """Incidents a rapid inquiry referred for a national inquiry that nobody has proposed yet."""
    return (
        Incident.objects.visible_to(user)
        .filter(status=IncidentStatus.REFERRED_NSCI, nsci_proposal__isnull=True)
        # A referral imported from an earlier system was dealt with there.
        .filter(imported_from__isnull=True)
        .select_related("area")
        .order_by("decided_on", "pk")
    )


@national_page("nsci.view")
def inquiry_list(request):
    today = timezone.localdate()
    inquiries = NationalInquiry.objects.visible_to(request.user).prefetch_related("areas")
    status = request.GET.get("status", "")
    if status in InquiryStatus.values:
        inquiries = inquiries.filter(status=status)
    clock_filter = request.GET.get("clock", "")
    policies = clocks.policies()
    rows = [(inquiry, clocks.current_clock(inquiry, today=today, policies=policies)) for inquiry in inquiries]
    if clock_filter in CLOCK_FILTERS:
        rows = [(inquiry, clock) for inquiry, clock in rows if clock is not None and clock.state == clock_filter]
    page = paginate(request, rows, PAGE_SIZE)
    return render(
        request,
        "nsci/list.html",
        {
            "page": page,
            "pagination": pagination_links(page, request.GET),
            "statuses": InquiryStatus.choices,
            "status": status,
            "clock_filters": CLOCK_FILTERS.items(),
            "clock_filter": clock_filter,
            "filtered": bool(status in InquiryStatus.values or clock_filter in CLOCK_FILTERS),
            "referrals": referrals_awaiting_proposal(request.user),
            "can_propose": request.user.has_perm("nsci.propose"),
        },
    )
