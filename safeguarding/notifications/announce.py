"""What each action says happened: one function per domain event, building its Event from the case.

Actions call these inside their transaction (see events.emit). Only references, names of areas and
organisations, dates and counts leave here: never a child's identity, nor any free text a person wrote.
"""

from django.urls import reverse

from .events import Audience, Event, emit  # noqa: F401 (Audience for callers that build deadline events)
from .models import Kind


def _incident(kind, incident, **more):
    return emit(
        Event(
            kind,
            reference=incident.reference,
            link=reverse("incidents:case", args=[incident.pk]),
            area_id=incident.area_id,
            **more,
        )
    )


def incident_notified(incident):
    return _incident(Kind.INCIDENT_NOTIFIED, incident)


def serious_incident_requested(incident):
    """A draft notification a child death panel asked for, for the local authority to complete and submit."""
    return emit(
        Event(
            Kind.SERIOUS_INCIDENT_REQUESTED,
            reference=incident.reference,
            link=reverse("incidents:notification", args=[incident.pk]),
            area_id=incident.area_id,
        )
    )


def decision_awaits_sign_off(incident):
    return emit(
        Event(
            Kind.SIGN_OFF_AWAITED,
            reference=incident.reference,
            link=reverse("incidents:sign-off", args=[incident.pk]),
            area_id=incident.area_id,
        )
    )


def sign_offs_cleared(incident, signer_ids):
    if signer_ids:
        return emit(
            Event(
                Kind.SIGN_OFF_CLEARED,
                reference=incident.reference,
                link=reverse("incidents:sign-off", args=[incident.pk]),
                area_id=incident.area_id,
                user_ids=tuple(sorted(signer_ids)),
            )
        )
    return None


def _summary(kind, request):
    incident = request.incident
    if not request.contact_email:
        return None
    return emit(
        Event(
            kind,
            reference=incident.reference,
            area_id=incident.area_id,
            organisation_id=request.organisation_id,
            organisation_name=request.organisation.name,
            due_on=request.due_on.isoformat(),
            address=request.contact_email,
        )
    )


def summary_requested(request):
    return _summary(Kind.SUMMARY_REQUESTED, request)


def summary_reminder(request):
    return _summary(Kind.SUMMARY_REMINDER, request)


def _agency_report(kind, report, due_on):
    case = report.case
    return emit(
        Event(
            kind,
            reference=case.reference,
            link=reverse("child_deaths:report", args=[report.pk]),
            area_id=case.area_id,
            panel_id=case.panel_id,
            organisation_id=report.organisation_id,
            organisation_name=report.organisation.name,
            due_on=due_on.isoformat(),
        )
    )


def agency_report_requested(report, due_on):
    return _agency_report(Kind.AGENCY_REPORT_REQUESTED, report, due_on)


def agency_report_reminder(report, due_on):
    return _agency_report(Kind.AGENCY_REPORT_REMINDER, report, due_on)


def _child_death(kind, case):
    return emit(
        Event(
            kind,
            reference=case.reference,
            link=reverse("child_deaths:case", args=[case.reference]),
            area_id=case.area_id,
            panel_id=case.panel_id,
        )
    )


def death_notified(case):
    return _child_death(Kind.DEATH_NOTIFIED, case)


def link_proposed(case):
    return _child_death(Kind.LINK_PROPOSED, case)


def pause_requested(pause):
    return _incident(Kind.PAUSE_REQUESTED, pause.incident)


def pause_decided(pause):
    return _incident(
        Kind.PAUSE_DECIDED, pause.incident, user_ids=(pause.requested_by_id,) if pause.requested_by_id else ()
    )


def report_published(incident):
    return _incident(Kind.REPORT_PUBLISHED, incident)


def recurrence_alert_raised(alert):
    return emit(
        Event(
            Kind.RECURRENCE_ALERT,
            link=reverse("intelligence:alert", args=[alert.pk]),
            count=alert.report_count,
        )
    )


def national_inquiry_proposed(inquiry):
    return emit(
        Event(
            Kind.NSCI_PROPOSED,
            reference=inquiry.reference,
            link=reverse("nsci:inquiry", args=[inquiry.pk]),
        )
    )


def return_submitted(request, link):
    """To the person who asked for a return by secure link: it is in."""
    return emit(
        Event(
            Kind.RETURN_SUBMITTED,
            reference=request.reference,
            link=link,
            area_id=request.area_id,
            organisation_name=request.organisation_name,
            user_ids=(request.requested_by_id,),
        )
    )


def area_confirmation_requested(area, organisation):
    """A statutory partner's lead chief officer is asked to confirm the area their organisation was named in."""
    return emit(
        Event(
            Kind.AREA_CONFIRMATION_REQUESTED,
            link=reverse("onboarding:area", args=[area.slug]),
            area_id=area.pk,
            organisation_id=organisation.pk,
            organisation_name=organisation.name,
        )
    )
