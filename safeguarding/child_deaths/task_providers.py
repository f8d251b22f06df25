"""What child death cases ask of people now, derived from each case's state and clocks.

Panel managers: new deaths to tell the national database of and to gather reports on, proposed links
between notifications, agency reports overdue, panel reviews nearing the six-month target, serious
incidents a review called for and not yet linked.
Practitioners: joint agency responses to start in their area, and their agency's reporting forms.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from safeguarding.core.work.tasks import Task
from safeguarding.organisations.models import Role

from . import clocks
from .models import AgencyReport, CaseStatus, ChildDeathCase, LinkCandidate, Panel, PanelReview

# A panel review shows from a month before its six-month target (and stays once overdue).
REVIEW_WARNING_DAYS = 30
# States in which nothing has been asked of the agencies yet.
BEFORE_REPORTS = frozenset({CaseStatus.NOTIFIED, CaseStatus.JOINT_AGENCY_RESPONSE})
# States in which the panel review page can be used.
REVIEWABLE = frozenset({CaseStatus.GATHERING_INFORMATION, CaseStatus.REVIEW_MEETING, CaseStatus.PANEL_REVIEW})


def _managed_cases(work, area_ids):
    """Open cases the person manages: children resident in their areas, or reviewed by their areas' panels
    (the same rule as child_deaths.manage_case)."""
    panels = Panel.objects.filter(areas__in=area_ids).values("pk")
    return ChildDeathCase.objects.visible_to(work.user).open().filter(Q(area__in=area_ids) | Q(panel__in=panels))


def _case_task(case, kind, action, url):
    """The fields every child death task shares."""
    return {
        "kind": f"child_deaths.{kind}",
        "action": action,
        "reference": case.reference,
        "url": url,
        "detail": case.area.name,
    }


def panel_manager_tasks(work):
    area_ids = work.area_ids(Role.PANEL_MANAGER)
    if not area_ids:
        return []
    today, policies = work.today, work.policies
    managed = list(_managed_cases(work, area_ids).select_related("area", "panel_review").order_by())
    # The tasks below are about these cases: their ids, read once, rather than the visibility rule again in
    # each query (each repeat read every case of the person's areas, open or closed).
    managed_ids = [case.pk for case in managed]
    tasks = []
    for case in managed:
        page = reverse("child_deaths:case", args=[case.reference])
        if case.national_database_informed_on is None:
            clock = clocks.inform_database_clock(case, today, policies=policies)
            tasks.append(
                Task.from_clock(
                    clock, **_case_task(case, "inform-database", "Tell the national database of the death", page)
                )
            )
        if case.status in BEFORE_REPORTS:
            url = reverse("child_deaths:request-report", args=[case.reference])
            tasks.append(
                Task(
                    waiting_since=case.notified_on,
                    **_case_task(case, "request-reports", "New notification: ask the agencies for their reports", url),
                )
            )
        review = clocks.panel_review_clock(case, today, policies=policies)
        if review.completed_on is None and review.remaining <= REVIEW_WARNING_DAYS:
            url = reverse("child_deaths:panel-review", args=[case.reference]) if case.status in REVIEWABLE else page
            tasks.append(Task.from_clock(review, **_case_task(case, "panel-review", "Complete the panel review", url)))
    links = (
        LinkCandidate.objects.visible_to(work.user)
        .proposed()
        .filter(case_id__in=managed_ids)
        .select_related("case__area")
        .order_by()
    )
    for candidate in links:
        case = candidate.case
        url = reverse("child_deaths:decide-link", args=[candidate.pk])
        tasks.append(
            Task(
                waiting_since=timezone.localdate(candidate.created_at),
                **_case_task(case, "decide-link", "Decide whether a notification is about the same child", url),
            )
        )
    # A review that called for a serious incident and has none linked yet, open or closed.
    unlinked = (
        PanelReview.objects.visible_to(work.user)
        .filter(serious_incident_prompted_at__isnull=False, serious_incident__isnull=True)
        .filter(Q(case__area__in=area_ids) | Q(case__panel__in=Panel.objects.filter(areas__in=area_ids).values("pk")))
        .select_related("case__area")
        .order_by()
    )
    for review in unlinked:
        case = review.case
        url = reverse("child_deaths:serious-incident", args=[case.reference])
        tasks.append(
            Task(
                waiting_since=timezone.localdate(review.serious_incident_prompted_at),
                **_case_task(
                    case, "link-serious-incident", "Link the serious incident the panel's review called for", url
                ),
            )
        )
    reports = (
        AgencyReport.objects.filter(submitted_on__isnull=True, case_id__in=managed_ids)  # managed: visible already
        .select_related("case__area", "organisation")
        .order_by()
    )
    for report in reports:
        clock = clocks.agency_report_clock(report, today, policies=policies)
        if clock.remaining < 0:
            case = report.case
            action = f"Chase the overdue report from {report.organisation.name}"
            page = reverse("child_deaths:case", args=[case.reference])
            tasks.append(Task.from_clock(clock, **_case_task(case, "chase-report", action, page)))
    return tasks


def practitioner_tasks(work):
    area_ids = work.area_ids(Role.PRACTITIONER)
    if not area_ids:
        return []
    today, policies = work.today, work.policies
    tasks = []
    new_deaths = (
        ChildDeathCase.objects.visible_to(work.user)
        .filter(area__in=area_ids, status=CaseStatus.NOTIFIED)
        .select_related("area")
        .order_by()
    )
    for case in new_deaths:
        if case.needs_joint_agency_response:
            url = reverse("child_deaths:response", args=[case.reference])
            tasks.append(
                Task(
                    waiting_since=case.notified_on,
                    **_case_task(case, "start-response", "Start the joint agency response", url),
                )
            )
    # An agency's reporting form is completed by its practitioners in the child's area.
    agencies = {(m.area_id, m.organisation_id) for m in work.memberships if m.role == Role.PRACTITIONER}
    reports = (
        AgencyReport.objects.visible_to(work.user)
        .filter(submitted_on__isnull=True, organisation__in={organisation for _, organisation in agencies})
        .select_related("case__area", "organisation")
        .order_by()
    )
    for report in reports:
        case = report.case
        if (case.area_id, report.organisation_id) not in agencies:
            continue
        clock = clocks.agency_report_clock(report, today, policies=policies)
        url = reverse("child_deaths:report", args=[report.pk])
        action = f"Complete the reporting form for {report.organisation.name}"
        tasks.append(Task.from_clock(clock, **_case_task(case, "complete-report", action, url)))
    return tasks


PROVIDERS = [panel_manager_tasks, practitioner_tasks]
