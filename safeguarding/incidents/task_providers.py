"""What serious incident cases ask of people now, derived from each case's state and clocks.

Nothing is stored: each task below is a reading of the case as it stands, so it disappears as soon
as the step is done (the inquiry started, the decision signed off, the report published).
"""

import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone

from safeguarding.core.work.tasks import Task
from safeguarding.organisations.models import Role
from safeguarding.organisations.models.organisations import STATUTORY_PARTNER_KINDS

from . import clocks
from .actions.learning import ACTION_STATES
from .models import Action, ActionStatus, AgencySummaryRequest, ClockPause, Incident, PauseDecision
from .states import IncidentStatus

S = IncidentStatus
# Cases that can ask something of someone in the area, drafts apart (those are their starter's).
WORKED_STATES = frozenset({S.SUBMITTED, S.RAPID_INQUIRY, S.LLI, S.FINDINGS, S.REPORT_DRAFTED, S.PUBLISHED})
INQUIRY_ROLES = frozenset({Role.RAPID_INQUIRY_LEAD, Role.REVIEWER})
# Who may update an action (incidents.manage_actions): the case managers and the inquiry workers.
ACTION_ROLES = frozenset({Role.AREA_ADMINISTRATOR, Role.LEAD_CHIEF_OFFICER, Role.RAPID_INQUIRY_LEAD, Role.REVIEWER})
NOTIFY, DECIDE, LEARN, PUBLISH = clocks.NOTIFY, clocks.RI_DECISION, clocks.LLI_COMPLETION, clocks.PUBLICATION
# The free text of a case and its report, which no task needs: left in the database, not read for every case.
LONG_TEXT = (
    "summary",
    "other_children",
    "rapid_inquiry__initial_assessment",
    "rapid_inquiry__national_summary",
    *(f"report__{field}" for field in ("summary", "background", "methodology_used", "what_went_well", "learning")),
    "report__redactions",
    "report__publication_decision",
)
# Actions are followed up over months: one shows once it falls due within this many days, or is overdue.
ACTIONS_DUE_WITHIN_DAYS = 30


def _has_report(incident):
    """A case imported from an earlier system was published there: it has no report here to submit."""
    return getattr(incident, "report", None) is not None


def _lead_chief_officer_kinds(memberships, area_id):
    """The statutory partners (local authority, health, police) the person signs for in the area."""
    return {
        m.organisation.kind
        for m in memberships
        if m.area_id == area_id and m.role == Role.LEAD_CHIEF_OFFICER and m.organisation.kind in STATUTORY_PARTNER_KINDS
    }


class _CaseTasks:
    """The tasks one case gives one person, from the roles they hold in its area."""

    def __init__(self, work, incident):
        self.work, self.incident = work, incident
        self.roles = {m.role for m in work.memberships if m.area_id == incident.area_id}
        # Each task follows the clock of its own step (clocks.KEYS), while that clock runs.
        self.clocks = {
            case_clock.clock.key: case_clock.clock
            for case_clock in clocks.case_clocks(
                incident, today=work.today, policies=work.policies, pauses=list(incident.pauses.all())
            )
            if case_clock.clock.completed_on is None
        }

    def task(self, kind, action, url_name, clock_key=None, *, waiting_since=None):
        incident = self.incident
        fields = {
            "kind": f"incidents.{kind}",
            "action": action,
            "reference": incident.reference,
            "url": reverse(url_name, args=[incident.pk]),
            "detail": incident.area.name,
        }
        clock = self.clocks.get(clock_key)
        if clock is not None:
            return Task.from_clock(clock, **fields)
        return Task(waiting_since=waiting_since, **fields)

    def _writes_the_learning(self, lli):
        """The lead reviewer once one is appointed; until then the area's inquiry workers."""
        if lli is not None and lli.lead_reviewer_id:
            return lli.lead_reviewer_id == self.work.user.pk
        return bool(self.roles & INQUIRY_ROLES)

    def tasks(self):
        incident, work = self.incident, self.work
        status = incident.status
        leads = Role.RAPID_INQUIRY_LEAD in self.roles
        lli = getattr(incident, "lli", None)
        if status == S.DRAFT:
            if incident.asked_for_by_panel:
                # Asked for by a child death panel: the local authority's people who may submit it.
                if work.user.has_perm("incidents.submit_notification", incident):
                    action = "Notify the serious incident a child death review panel asked for"
                    yield self.task("requested-draft", action, "incidents:notification", NOTIFY)
            # Otherwise only the starter's own drafts are listed (the queryset already keeps to them).
            elif work.user.has_perm("incidents.edit_draft", incident):
                yield self.task("finish-draft", "Finish the draft notification", "incidents:notification", NOTIFY)
        elif status == S.SUBMITTED and leads:
            yield self.task("start-rapid-inquiry", "Start the rapid inquiry", "incidents:start-rapid-inquiry", DECIDE)
        elif status == S.RAPID_INQUIRY:
            yield from self._rapid_inquiry(leads)
        elif status == S.LLI and lli is not None:
            if not lli.is_set_up and leads:
                action = "Set up the local learning inquiry: terms of reference, method and lead reviewer"
                yield self.task("set-up-lli", action, "incidents:lli", LEARN)
            elif lli.is_set_up and lli.lead_reviewer_id == work.user.pk:
                yield self.task("carry-out-lli", "Carry out the local learning inquiry", "incidents:lli", LEARN)
        elif status == S.FINDINGS and self._writes_the_learning(lli):
            action = "Write the findings, recommendations and report"
            yield self.task("write-findings", action, "incidents:findings", LEARN)
        elif status == S.REPORT_DRAFTED:
            yield from self._report(lli)
        elif status == S.PUBLISHED and Role.LEAD_CHIEF_OFFICER in self.roles and _has_report(incident):
            action = "Submit the published report to the national body"
            yield self.task("submit-national", action, "incidents:submit-national", waiting_since=incident.published_on)

    def _rapid_inquiry(self, leads):
        incident, work = self.incident, self.work
        inquiry = getattr(incident, "rapid_inquiry", None)
        if inquiry is None:
            return
        if leads and not inquiry.has_decision:
            yield self.task("record-decision", "Record the rapid inquiry decision", "incidents:rapid-inquiry", DECIDE)
        if leads:
            for request in incident.outstanding_summaries:
                yield Task.due_by(
                    request.due_on,
                    work.today,
                    nation=incident.area.nation,
                    working_days=True,
                    kind="incidents.summary-outstanding",
                    action=f"Get the agency summary from {request.organisation.name}",
                    reference=incident.reference,
                    url=reverse("incidents:rapid-inquiry", args=[incident.pk]),
                    detail=incident.area.name,
                )
        if inquiry.has_decision:
            signed = {sign_off.partner_kind for sign_off in incident.sign_offs.all()}
            if _lead_chief_officer_kinds(work.memberships, incident.area_id) - signed:
                yield self.task(
                    "sign-off-decision", "Sign off the rapid inquiry decision", "incidents:sign-off", DECIDE
                )

    def _report(self, lli):
        report = getattr(self.incident, "report", None)
        if report is None:
            return
        if not report.published_sections:
            if self._writes_the_learning(lli):
                action = "Confirm the redactions before publication"
                yield self.task("confirm-redactions", action, "incidents:redaction", PUBLISH)
        elif Role.LEAD_CHIEF_OFFICER in self.roles:
            yield self.task("publish-report", "Publish the report", "incidents:publish", PUBLISH)


def case_tasks(work):
    """Each case's next step, for the people of its area whose role takes it."""
    area_ids = work.area_ids()
    if not area_ids:
        return []
    from safeguarding.child_deaths.models import PanelReview

    user = work.user
    incidents = (
        Incident.objects.visible_to(user)
        .filter(area__in=area_ids)
        .annotate(asked_for_by_panel=Exists(PanelReview.objects.filter(serious_incident_requested=OuterRef("pk"))))
        .filter(
            Q(status__in=WORKED_STATES)
            | Q(status=S.DRAFT, started_by=user)
            | Q(status=S.DRAFT, asked_for_by_panel=True)
        )
        .select_related("area", "rapid_inquiry", "lli", "report")
        .defer(*LONG_TEXT)
        .order_by()
        .prefetch_related(
            Prefetch("pauses", queryset=ClockPause.objects.visible_to(user)),
            "sign_offs",
            Prefetch(
                "summary_requests",
                queryset=AgencySummaryRequest.objects.visible_to(user)
                .filter(received_on__isnull=True)
                .select_related("organisation"),
                to_attr="outstanding_summaries",
            ),
        )
    )
    return [task for incident in incidents for task in _CaseTasks(work, incident).tasks()]


def action_tasks(work):
    """Actions falling due or overdue, for those who may update them and belong to the agency they are
    addressed to (an action of a recommendation without an addressee is everyone's who may update it)."""
    area_ids = work.area_ids(*ACTION_ROLES)
    if not area_ids:
        return []
    organisations = {(m.area_id, m.organisation_id) for m in work.memberships if m.role in ACTION_ROLES}
    actions = (
        Action.objects.visible_to(work.user)
        .filter(
            recommendation__incident__area__in=area_ids,
            recommendation__incident__status__in=ACTION_STATES,
            due_on__lte=work.today + datetime.timedelta(days=ACTIONS_DUE_WITHIN_DAYS),
        )
        .exclude(status=ActionStatus.DONE)
        .select_related("recommendation__incident__area")
        .order_by()
    )
    tasks = []
    for action in actions:
        recommendation = action.recommendation
        incident = recommendation.incident
        addressee = recommendation.addressee_id
        if addressee is not None and (incident.area_id, addressee) not in organisations:
            continue
        tasks.append(
            Task.due_by(
                action.due_on,
                work.today,
                kind="incidents.action",
                action=f"Follow up the action: {truncatechars(action.description, 90)}",
                reference=incident.reference,
                url=reverse("incidents:edit-action", args=[incident.pk, action.pk]),
                detail=f"Owner: {action.owner}, {incident.area.name}",
            )
        )
    return tasks


def pause_tasks(work):
    """Requests to pause a case's clocks, for national administrators to decide."""
    if Role.NATIONAL_ADMINISTRATOR not in work.national_roles():
        return []
    requests = (
        ClockPause.objects.visible_to(work.user)
        .filter(decision=PauseDecision.REQUESTED)
        .select_related("incident__area", "incident__rapid_inquiry")
        .order_by()
        .prefetch_related("incident__pauses")
    )
    tasks = []
    for pause in requests:
        incident = pause.incident
        fields = {
            "kind": "incidents.decide-pause",
            "action": "Decide on a request to pause the clocks",
            "reference": incident.reference,
            "url": reverse("incidents:decide-pause", args=[incident.pk, pause.pk]),
            "detail": f"{incident.area.name}: {pause.get_proceeding_display().lower()}",
        }
        running = clocks.current_clock(
            incident, today=work.today, policies=work.policies, pauses=list(incident.pauses.all())
        )
        if running is not None:
            tasks.append(Task.from_clock(running.clock, **fields))
        else:
            tasks.append(Task(waiting_since=timezone.localdate(pause.requested_at), **fields))
    return tasks


PROVIDERS = [case_tasks, action_tasks, pause_tasks]
