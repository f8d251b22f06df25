"""The clocks the daily sweep looks at: one provider per kind of case, each a few queries over open work.

Each provider yields Due items: something with a due date, the people to tell (an Audience of events.py)
and what to say. The sweep (run.py) decides from the date whether to remind or escalate, and sends each once.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from safeguarding.core.clocks import deadlines
from safeguarding.core.clocks.models import ClockPolicy

from ..events import Audience
from ..models import Kind


@dataclass(frozen=True)
class Due:
    subject: str  # e.g. "incidents.incident:12": with `clock`, what a reminder is recorded against
    clock: str
    clock_name: str
    due_on: datetime.date
    reference: str
    link: str
    area_id: int | None
    audience: str = ""
    nation: str = "england"
    reminder_kind: str = Kind.DEADLINE_APPROACHING
    # Warnings (expiries, CPD) have no escalation: they warn once, before the date.
    escalates: bool = True
    organisation_id: int | None = None
    organisation_name: str = ""
    panel_id: int | None = None
    address: str = ""
    user_ids: tuple = ()
    count: int | None = None


def _policies():
    return {policy.key: policy for policy in ClockPolicy.objects.all()}


def incident_clocks(today, policies):
    from safeguarding.incidents.clocks import current_clock
    from safeguarding.incidents.models import ClockPause, Incident

    incidents = (
        Incident.objects.open()
        .select_related("area", "rapid_inquiry")
        .prefetch_related(Prefetch("pauses", queryset=ClockPause.objects.order_by("pk")))
    )
    for incident in incidents.iterator(chunk_size=500):
        running = current_clock(incident, today=today, policies=policies, pauses=list(incident.pauses.all()))
        if running is None or running.clock.state == deadlines.ClockState.PAUSED:
            continue
        yield Due(
            subject=f"incidents.incident:{incident.pk}",
            clock=running.clock.key,
            clock_name=running.clock.name,
            due_on=running.clock.due_on,
            reference=incident.reference,
            link=reverse("incidents:case", args=[incident.pk]),
            area_id=incident.area_id,
            audience=Audience.INCIDENT,
            nation=incident.area.nation,
        )


def agency_summaries(today, policies):
    from safeguarding.incidents.models import AgencySummaryRequest
    from safeguarding.incidents.states import IncidentStatus

    requests = AgencySummaryRequest.objects.filter(
        received_on__isnull=True, incident__status=IncidentStatus.RAPID_INQUIRY
    ).select_related("incident__area", "organisation")
    for request in requests.iterator(chunk_size=1000):
        incident = request.incident
        yield Due(
            subject=f"incidents.agencysummaryrequest:{request.pk}",
            clock="agency-summary",
            clock_name=f"{request.organisation.name}'s summary",
            due_on=request.due_on,
            reference=incident.reference,
            link=reverse("incidents:rapid-inquiry", args=[incident.pk]),
            area_id=incident.area_id,
            audience=Audience.AGENCY_SUMMARY,
            nation=incident.area.nation,
            reminder_kind=Kind.SUMMARY_REMINDER,
            organisation_id=request.organisation_id,
            organisation_name=request.organisation.name,
            address=request.contact_email,
        )


def incident_actions(today, policies):
    from safeguarding.incidents.models import Action
    from safeguarding.incidents.models.learning import ActionStatus

    actions = Action.objects.exclude(status=ActionStatus.DONE).select_related("recommendation__incident__area")
    for action in actions.iterator(chunk_size=1000):
        incident = action.recommendation.incident
        yield Due(
            subject=f"incidents.action:{action.pk}",
            clock="incident-action",
            clock_name=f"Action {action.pk}",
            due_on=action.due_on,
            reference=incident.reference,
            link=reverse("incidents:actions", args=[incident.pk]),
            area_id=incident.area_id,
            audience=Audience.INCIDENT_ACTION,
            nation=incident.area.nation,
        )


def child_death_clocks(today, policies):
    from safeguarding.child_deaths.clocks import INFORM_DATABASE, PANEL_REVIEW
    from safeguarding.child_deaths.models import CaseStatus, ChildDeathCase

    cases = ChildDeathCase.objects.exclude(status__in=[CaseStatus.CLOSED, CaseStatus.MERGED]).select_related("area")
    for case in cases.iterator(chunk_size=1000):
        link = reverse("child_deaths:case", args=[case.reference])
        common = {
            "reference": case.reference,
            "link": link,
            "area_id": case.area_id,
            "audience": Audience.CHILD_DEATH,
            "nation": case.area.nation,
            "panel_id": case.panel_id,
        }
        started = [(PANEL_REVIEW, case.date_of_death)]
        if case.national_database_informed_on is None:
            started.insert(0, (INFORM_DATABASE, case.notified_on))
        for key, started_on in started:
            clock = deadlines.clock(key, started_on, nation=case.area.nation, today=today, policy=policies[key])
            yield Due(
                subject=f"child_deaths.childdeathcase:{case.pk}",
                clock=key,
                clock_name=clock.name,
                due_on=clock.due_on,
                **common,
            )


def agency_reports(today, policies):
    from safeguarding.child_deaths.clocks import AGENCY_REPORT
    from safeguarding.child_deaths.models import AgencyReport, CaseStatus

    reports = (
        AgencyReport.objects.filter(submitted_on__isnull=True)
        .exclude(case__status__in=[CaseStatus.CLOSED, CaseStatus.MERGED])
        .select_related("case__area", "organisation")
    )
    for report in reports.iterator(chunk_size=1000):
        case = report.case
        clock = deadlines.clock(
            AGENCY_REPORT, report.requested_on, nation=case.area.nation, today=today, policy=policies[AGENCY_REPORT]
        )
        yield Due(
            subject=f"child_deaths.agencyreport:{report.pk}",
            clock=AGENCY_REPORT,
            clock_name=f"{report.organisation.name}'s report",
            due_on=clock.due_on,
            reference=case.reference,
            link=reverse("child_deaths:report", args=[report.pk]),
            area_id=case.area_id,
            audience=Audience.AGENCY_REPORT,
            nation=case.area.nation,
            reminder_kind=Kind.AGENCY_REPORT_REMINDER,
            organisation_id=report.organisation_id,
            organisation_name=report.organisation.name,
            panel_id=case.panel_id,
        )


def national_inquiry_clocks(today, policies):
    from safeguarding.learning.nsci.clocks import NATION, current_clock
    from safeguarding.learning.nsci.models import NationalInquiry

    for inquiry in NationalInquiry.objects.all().iterator(chunk_size=500):
        clock = current_clock(inquiry, today=today, policies=policies)
        if clock is None:
            continue
        yield Due(
            subject=f"nsci.nationalinquiry:{inquiry.pk}",
            clock=clock.key,
            clock_name=clock.name,
            due_on=clock.due_on,
            reference=inquiry.reference,
            link=reverse("nsci:inquiry", args=[inquiry.pk]),
            area_id=None,
            audience=Audience.NATIONAL_INQUIRY,
            nation=NATION,
        )


def _local_day(moment):
    return timezone.localtime(moment).date()


def expiries(today, policies, warning_days):
    """Invitations, API tokens and accreditations expiring within `warning_days`, and CPD short near year end."""
    from safeguarding.api.models import ApiToken
    from safeguarding.learning.reviewers import cpd
    from safeguarding.learning.reviewers.models import Reviewer
    from safeguarding.organisations.models import Invitation

    horizon = today + datetime.timedelta(days=warning_days)
    warning = {"escalates": False, "audience": ""}
    for invitation in Invitation.objects.open().filter(expires_at__date__lte=horizon).select_related("organisation"):
        yield Due(
            subject=f"organisations.invitation:{invitation.pk}",
            clock="invitation-expiry",
            clock_name="Invitation",
            due_on=_local_day(invitation.expires_at),
            reference="",
            link=reverse("organisations:invitations"),
            area_id=invitation.area_id,
            reminder_kind=Kind.INVITATION_EXPIRING,
            organisation_name=invitation.organisation.name,
            user_ids=(invitation.invited_by_id,),
            **warning,
        )
    tokens = ApiToken.objects.filter(
        revoked_at__isnull=True, expires_at__gt=timezone.now(), expires_at__date__lte=horizon
    ).select_related("organisation")
    for token in tokens:
        yield Due(
            subject=f"api.apitoken:{token.pk}",
            clock="api-token-expiry",
            clock_name="API token",
            due_on=_local_day(token.expires_at),
            reference="",
            link=reverse("api_tokens:list"),
            area_id=None,
            reminder_kind=Kind.API_TOKEN_EXPIRING,
            organisation_name=token.organisation.name,
            user_ids=(token.created_by_id,),
            **warning,
        )
    required = cpd.required_hours()
    year_end = datetime.date(today.year, 12, 31)
    for reviewer in Reviewer.objects.prefetch_related("accreditations", "cpd_records"):
        latest = max(reviewer.accreditations.all(), key=lambda a: a.expires_on, default=None)
        if latest is not None and today <= latest.expires_on <= horizon:
            yield Due(
                subject=f"reviewers.accreditation:{latest.pk}",
                clock="accreditation-expiry",
                clock_name="Accreditation",
                due_on=latest.expires_on,
                reference="",
                link=reverse("reviewers:reviewer", args=[reviewer.pk]),
                area_id=None,
                reminder_kind=Kind.ACCREDITATION_DUE,
                user_ids=(reviewer.user_id,),
                **warning,
            )
        if year_end <= horizon:
            compliance = cpd.compliance(reviewer, today.year, required=required)
            if not compliance.compliant:
                yield Due(
                    subject=f"reviewers.reviewer:{reviewer.pk}",
                    clock="cpd-year",
                    clock_name="CPD hours",
                    due_on=year_end,
                    reference="",
                    link=reverse("reviewers:reviewer", args=[reviewer.pk]),
                    area_id=None,
                    reminder_kind=Kind.CPD_DUE,
                    user_ids=(reviewer.user_id,),
                    count=int(compliance.hours),
                    **warning,
                )


CLOCK_PROVIDERS = (
    incident_clocks,
    agency_summaries,
    incident_actions,
    child_death_clocks,
    agency_reports,
    national_inquiry_clocks,
)


def everything_due(today, warning_days):
    policies = _policies()
    for provider in CLOCK_PROVIDERS:
        yield from provider(today, policies)
    yield from expiries(today, policies, warning_days)
