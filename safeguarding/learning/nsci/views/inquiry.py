"""One national inquiry: its proposal, criteria, decision, team, clocks, progress, report and timeline."""

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from .. import clocks
from ..states import InquiryStatus
from .access import inquiry_or_404, national_page


def _repository_entry_url(inquiry):
    """The published report's page in the national repository, once the repository has one."""
    entry = inquiry.repository_entry
    if entry is None:
        return ""
    try:
        return reverse("repository:entry", kwargs={"reference": entry.reference})
    except NoReverseMatch:
        return ""


def next_steps(user, inquiry):
    """[(label, url name)] of what the person may do next, in the inquiry's state."""
    steps = []
    status = inquiry.status
    if status in {InquiryStatus.PROPOSED, InquiryStatus.UNDER_ASSESSMENT} and user.has_perm("nsci.decide", inquiry):
        steps.append(("Assess the criteria and decide", "nsci:assess"))
    if status == InquiryStatus.ACCEPTED and user.has_perm("nsci.set_up", inquiry):
        steps.append(("Set up the inquiry: terms of reference and team", "nsci:set-up"))
    if status in {InquiryStatus.SET_UP, InquiryStatus.IN_PROGRESS} and user.has_perm("nsci.run", inquiry):
        steps.append(("Start the inquiry" if status == InquiryStatus.SET_UP else "Record progress", "nsci:progress"))
    if status in {InquiryStatus.IN_PROGRESS, InquiryStatus.REPORT_DRAFTED} and user.has_perm("nsci.run", inquiry):
        steps.append(("Write the national report", "nsci:report"))
    if status == InquiryStatus.REPORT_DRAFTED and user.has_perm("nsci.publish", inquiry):
        steps.append(("Publish the national report", "nsci:publish"))
    return steps


@national_page("nsci.view")
def inquiry_detail(request, pk):
    inquiry = inquiry_or_404(request, pk)
    context = {
        "inquiry": inquiry,
        "clocks": clocks.inquiry_clocks(inquiry),
        "history": inquiry.status_changes.select_related("changed_by"),
        "team": inquiry.team.select_related("reviewer__user"),
        "notes": inquiry.progress_notes.select_related("written_by"),
        "findings": inquiry.findings.all(),
        "recommendations": inquiry.recommendations.all(),
        "next_steps": next_steps(request.user, inquiry),
        "entry_url": _repository_entry_url(inquiry),
        "can_assess_quality": inquiry.status == InquiryStatus.PUBLISHED
        and request.user.has_perm("reviewers.assess_quality"),
    }
    return render(request, "nsci/inquiry.html", context)
