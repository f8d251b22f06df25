"""Proposing a national inquiry, pre-filled from a recurrence alert (?alert=<pk>) or a rapid inquiry's
referral (?incident=<pk>). From a referral only derived data are copied: national roles do not read a
case's free text before its redacted report is published."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.learning.intelligence.models import AlertStatus, RecurrenceAlert

from ..actions import proposal
from ..forms import ProposeForm
from ..models import InquirySource
from .access import national_page
from .listing import referrals_awaiting_proposal


def _pk(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _from_alert(alert):
    areas, named_areas = proposal.contributing_areas(alert)
    return {
        "source": InquirySource.RECURRENCE_ALERT,
        "recurrence_alert": alert.pk,
        "title": f"Recurring learning: {alert.theme.name}",
        "summary_of_concern": (
            f"The theme {alert.theme.name} appears in {alert.report_count} published reports from "
            f"{alert.area_count} safeguarding areas between {alert.window_start:%-d %B %Y} and "
            f"{alert.window_end:%-d %B %Y}."
        ),
        "areas": [area.pk for area in areas],
        "named_areas": named_areas,
        "themes": [alert.theme_id],
    }


def _from_referral(incident):
    decided = f" on {incident.decided_on:%-d %B %Y}" if incident.decided_on else ""
    harm = f" ({incident.get_harm_display().lower()})" if incident.harm else ""
    return {
        "source": InquirySource.REFERRAL,
        "incident": incident.pk,
        "title": f"Referral of {incident.reference} by {incident.area.name}",
        "summary_of_concern": (
            f"{incident.area.name}'s rapid inquiry into serious incident {incident.reference}{harm} "
            f"referred it for a national serious case inquiry{decided}."
        ),
        "areas": [incident.area_id],
    }


def _initial(request, alerts, referrals):
    alert = alerts.filter(pk=_pk(request.GET.get("alert"))).select_related("theme").first()
    if alert is not None:
        return _from_alert(alert)
    incident = referrals.filter(pk=_pk(request.GET.get("incident"))).first()
    if incident is not None:
        return _from_referral(incident)
    return {"source": InquirySource.ANALYST}


@national_page("nsci.propose")
@require_http_methods(["GET", "POST"])
def propose(request):
    alerts = RecurrenceAlert.objects.filter(status=AlertStatus.OPEN).select_related("theme")
    referrals = referrals_awaiting_proposal(request.user)
    if request.method == "GET":
        alert = alerts.filter(pk=_pk(request.GET.get("alert"))).first()
        standing = proposal.open_proposal_of(alert) if alert is not None else None
        if standing is not None:
            messages.info(request, f"This recurrence alert has already been proposed as {standing.reference}")
            return redirect("nsci:inquiry", pk=standing.pk)
        initial = _initial(request, alerts, referrals)
        form = ProposeForm(
            initial=initial, alerts=alerts, incidents=referrals, named_areas=initial.get("named_areas", ())
        )
        return render(request, "nsci/propose.html", {"form": form})
    alert = alerts.filter(pk=_pk(request.POST.get("recurrence_alert"))).first()
    named_areas = proposal.contributing_areas(alert)[1] if alert is not None else ()
    form = ProposeForm(request.POST, alerts=alerts, incidents=referrals, named_areas=named_areas)
    if form.is_valid():
        data = form.cleaned_data
        try:
            inquiry = proposal.propose(
                request.user,
                source=data["source"],
                title=data["title"],
                summary_of_concern=data["summary_of_concern"],
                areas=data["areas"],
                themes=data["themes"],
                recurrence_alert=data["recurrence_alert"],
                incident=data["incident"],
                named_areas=data.get("named_areas", ()),
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Proposed as {inquiry.reference}: a decision is due within 20 working days")
            return redirect("nsci:inquiry", pk=inquiry.pk)
    return render(request, "nsci/propose.html", {"form": form})
