"""National inquiries waiting for the national administrators: a proposal to decide, an accepted inquiry
to set up, a set-up one to start, a report to write and publish. Each carries the clock of its step."""

from django.urls import reverse

from safeguarding.core.work.tasks import Task

from . import clocks
from .models import NationalInquiry
from .states import InquiryStatus

S = InquiryStatus
# (what to do, the page where it is done) for each state that waits for a national administrator.
NEXT_STEP = {
    S.PROPOSED: ("decide", "Decide whether to hold the national inquiry", "nsci:assess"),
    S.UNDER_ASSESSMENT: ("decide", "Decide whether to hold the national inquiry", "nsci:assess"),
    S.ACCEPTED: ("set-up", "Set up the inquiry: terms of reference and team", "nsci:set-up"),
    S.SET_UP: ("start", "Start the inquiry", "nsci:progress"),
    S.IN_PROGRESS: ("report", "Write the national report", "nsci:report"),
    S.REPORT_DRAFTED: ("publish", "Publish the national report", "nsci:publish"),
}


def inquiry_tasks(work):
    if not work.user.has_perm("nsci.decide"):
        return []
    policies = {key: work.policies[key] for key in clocks.KEYS}
    tasks = []
    for inquiry in NationalInquiry.objects.visible_to(work.user).filter(status__in=NEXT_STEP).order_by():
        kind, action, url_name = NEXT_STEP[inquiry.status]
        fields = {
            "kind": f"nsci.{kind}",
            "action": action,
            "reference": inquiry.reference,
            "url": reverse(url_name, args=[inquiry.pk]),
            "detail": inquiry.title,
        }
        running = clocks.current_clock(inquiry, today=work.today, policies=policies)
        if running is not None:
            tasks.append(Task.from_clock(running, **fields))
        else:
            tasks.append(Task(waiting_since=inquiry.proposed_on, **fields))
    return tasks


PROVIDERS = [inquiry_tasks]
