"""What the case page shows: the notification, the clocks, and what the person may do next."""

from django.urls import reverse
from django.utils import timezone

from .. import clocks, disclosure
from ..actions.learning import ACTION_STATES
from ..actions.notification import eligibility_of
from ..models import Incident, PauseDecision
from ..states import OPEN_STATES, PUBLISHED_STATES, IncidentStatus


def may(user, incident):
    """The person's permissions on the case, by short name, for the page's links and buttons."""
    names = (
        "edit_draft",
        "submit_notification",
        "run_rapid_inquiry",
        "sign_off_decision",
        "request_pause",
        "decide_pause",
        "run_lli",
        "write_findings",
        "manage_actions",
        "write_report",
        "publish_report",
    )
    return {name: user.has_perm(f"incidents.{name}", incident) for name in names}


def next_steps(incident, allowed, pauses):
    """(label, url) of the pages the person can use next, for the case as it stands."""
    pk = incident.pk
    steps = []
    if incident.status == IncidentStatus.DRAFT and allowed["edit_draft"]:
        steps.append(("Continue the notification", reverse("incidents:notification", args=[pk])))
    for step in STEP_LINKS:
        label, url_name, perm, states = step
        if url_name == "incidents:submit-national" and getattr(incident, "report", None) is None:
            continue  # published in an earlier system and imported: no report here to submit
        if allowed.get(perm) and incident.status in states:
            steps.append((label, reverse(url_name, args=[pk])))
    open_pause = next((p for p in pauses if p.ended_on is None and p.decision != PauseDecision.REFUSED), None)
    if incident.status in OPEN_STATES and allowed["request_pause"] and open_pause is None:
        steps.append(
            ("Ask to pause the clocks for parallel proceedings", reverse("incidents:request-pause", args=[pk]))
        )
    if open_pause is not None:
        if open_pause.decision == PauseDecision.REQUESTED and allowed["decide_pause"]:
            steps.append(("Decide on the pause", reverse("incidents:decide-pause", args=[pk, open_pause.pk])))
        if allowed["request_pause"]:
            steps.append(("End the pause", reverse("incidents:end-pause", args=[pk, open_pause.pk])))
    return steps


S = IncidentStatus
# (label, url name, permission, states in which the page is open).
STEP_LINKS = [
    ("Start the rapid inquiry", "incidents:start-rapid-inquiry", "run_rapid_inquiry", {S.SUBMITTED}),
    ("Work on the rapid inquiry", "incidents:rapid-inquiry", "run_rapid_inquiry", {S.RAPID_INQUIRY}),
    ("Sign off the rapid inquiry decision", "incidents:sign-off", "sign_off_decision", {S.RAPID_INQUIRY}),
    ("Work on the local learning inquiry", "incidents:lli", "run_lli", {S.LLI}),
    ("Write the findings and recommendations", "incidents:findings", "write_findings", {S.FINDINGS}),
    ("Write the report", "incidents:report-edit", "write_report", {S.FINDINGS, S.REPORT_DRAFTED}),
    ("Redact named details before publication", "incidents:redaction", "write_report", {S.REPORT_DRAFTED}),
    ("Publish the report", "incidents:publish", "publish_report", {S.REPORT_DRAFTED}),
    ("Submit the report to the national body", "incidents:submit-national", "publish_report", {S.PUBLISHED}),
    ("Follow up the actions from the recommendations", "incidents:actions", "manage_actions", ACTION_STATES),
    ("Record reporting to accountability bodies", "incidents:accountability", "manage_actions", PUBLISHED_STATES),
]


def sections(incident, free_text=True):
    """The case page's sections after the notification, and what they need to show. Without
    `free_text` (national roles), findings and recommendations are not even read."""
    shown, extra = [], {}
    # A missing one-to-one row raises a subclass of AttributeError, so getattr gives None.
    inquiry = getattr(incident, "rapid_inquiry", None)
    if inquiry is not None:
        shown.append("incidents/includes/rapid_inquiry_summary.html")
        extra["received_count"] = incident.summary_requests.filter(received_on__isnull=False).count()
    if getattr(incident, "lli", None) is not None:
        shown.append("incidents/includes/lli_summary.html")
    findings, recommendations = [], []
    if free_text:
        findings = list(incident.findings.prefetch_related("agencies"))
        recommendations = list(incident.recommendations.select_related("addressee"))
    if getattr(incident, "report", None) is not None:
        shown.append("incidents/includes/report_summary.html")
    if findings or recommendations:
        shown.append("incidents/includes/learning_summary.html")
        extra.update(findings=findings, recommendations=recommendations)
    return shown, extra


def child_death_cases(user, incident):
    """The child death cases whose panel linked this incident, those the person may see only."""
    from safeguarding.child_deaths.models import ChildDeathCase

    return list(
        ChildDeathCase.objects.visible_to(user).filter(panel_review__serious_incident=incident).order_by("reference")
    )


def for_case(request, incident, **extra):
    today = timezone.localdate()
    duplicate = None
    if incident.possible_duplicate_of_id:
        duplicate = Incident.objects.visible_to(request.user).filter(pk=incident.possible_duplicate_of_id).first()
    allowed = may(request.user, incident)
    free_text = disclosure.reads_free_text(request.user, incident)
    section_templates, section_context = sections(incident, free_text)
    pauses = list(incident.pauses.select_related("requested_by", "decided_by"))
    context = {
        "incident": incident,
        "today": today,
        "clocks": clocks.case_clocks(incident, today=today, pauses=pauses),
        "pauses": pauses,
        "may": allowed,
        "next_steps": next_steps(incident, allowed, pauses),
        "sections": section_templates,
        "eligibility": eligibility_of(incident),
        "duplicate": duplicate,
        "duplicate_hidden": incident.possible_duplicate_of_id is not None and duplicate is None,
        "Status": IncidentStatus,
        "agencies": incident.agencies_involved.order_by("name"),
        "free_text": free_text,
        "withheld": disclosure.WITHHELD,
    }
    context.update(section_context)
    context["child_death_cases"] = child_death_cases(request.user, incident)
    report = getattr(incident, "report", None)
    # The report page shows national roles the published redacted copy only, so link it once there is one.
    published = incident.status in PUBLISHED_STATES and report is not None and bool(report.published_sections)
    context["report_readable"] = published or free_text
    if not free_text and published:
        context["published_report_url"] = reverse("incidents:report", args=[incident.pk])
    context.update(extra)
    return context
