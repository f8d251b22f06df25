"""Proposing a national inquiry: from a recurrence alert, a rapid inquiry's referral, or an analyst's own case."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower

from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.notifications import announce
from safeguarding.organisations.models import SafeguardingArea

from ..models import InquirySource, NationalInquiry, NationalInquiryStatusChange
from ..states import InquiryStatus
from .common import check, record
from .common import today as local_today


def next_reference(year):
    prefix = f"NSCI-{year}-"
    taken = NationalInquiry.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
    number = max((int(reference.removeprefix(prefix)) for reference in taken), default=0) + 1
    return f"{prefix}{number:02d}"


def agencies_involved(areas, incident=None):
    """The statutory partners of the areas, and the agencies a referred incident names: what the
    independence check of the team reads, unless the proposer names the agencies themselves."""
    agencies = {}
    for area in areas:
        agencies.update({agency.pk: agency for agency in area.partners.all()})
    if incident is not None:
        agencies.update({agency.pk: agency for agency in incident.agencies_involved.all()})
    return list(agencies.values())


def contributing_areas(alert):
    """The areas whose reports raised the alert: ([SafeguardingArea], [name]). An imported report known
    only by its area's name counts as that area when an area of that name is on the platform; the others
    are offered by name, as the alert counted them."""
    linked, names = set(), {}
    for area_id, area_name in alert.entries.values_list("area_id", "area_name"):
        if area_id is not None:
            linked.add(area_id)
        elif (area_name or "").strip():
            names.setdefault(area_name.strip().lower(), area_name.strip())
    if names:
        matched = SafeguardingArea.objects.annotate(lower_name=Lower("name")).filter(lower_name__in=names)
        for area in matched:
            linked.add(area.pk)
            names.pop(area.lower_name, None)
    areas = list(SafeguardingArea.objects.filter(pk__in=linked).order_by("name"))
    return areas, sorted(names.values(), key=str.lower)


def open_proposal_of(alert):
    """The alert's standing proposal (any not declined), if it has one."""
    return NationalInquiry.objects.not_declined().filter(recurrence_alert=alert).order_by("pk").first()


def _validate(source, title, summary_of_concern, areas, recurrence_alert, incident, named_areas=()):
    errors = {}
    if source not in InquirySource.values:
        errors["source"] = "Select where the proposal comes from: a recurrence alert, a referral or your own analysis"
    if not (title or "").strip():
        errors["title"] = "Enter a short title for the proposed inquiry"
    if not (summary_of_concern or "").strip():
        errors["summary_of_concern"] = "Enter the summary of concern: why a national inquiry may be needed"
    if not areas and not named_areas:
        errors["areas"] = "Select at least one safeguarding area involved"
    if source == InquirySource.RECURRENCE_ALERT and recurrence_alert is None:
        errors["recurrence_alert"] = "Choose the recurrence alert this proposal comes from"
    elif recurrence_alert is not None:
        standing = open_proposal_of(recurrence_alert)
        if standing is not None:
            errors["recurrence_alert"] = (
                f"This recurrence alert has already been proposed as {standing.reference}: "
                "continue that proposal rather than starting a second"
            )
    if named_areas:
        offered = set(contributing_areas(recurrence_alert)[1]) if recurrence_alert is not None else set()
        if not set(named_areas) <= offered:
            errors["named_areas"] = "Select only areas whose published reports raised the recurrence alert"
    if source == InquirySource.REFERRAL:
        if incident is None:
            errors["incident"] = "Choose the rapid inquiry referral this proposal comes from"
        elif incident.status != IncidentStatus.REFERRED_NSCI:
            errors["incident"] = f"{incident.reference} has not been referred for a national inquiry"
        elif NationalInquiry.objects.filter(incident=incident).exists():
            taken = NationalInquiry.objects.get(incident=incident)
            errors["incident"] = f"{incident.reference} has already been proposed as {taken.reference}"
    if errors:
        raise ValidationError(errors)


def propose(
    actor,
    *,
    source,
    title,
    summary_of_concern,
    areas,
    agencies=None,
    themes=(),
    recurrence_alert=None,
    incident=None,
    named_areas=(),
    today=None,
):
    user = check(actor, "nsci.propose")
    today = today or local_today()
    areas, themes = list(areas or ()), list(themes or ())
    named_areas = sorted({name.strip() for name in named_areas or () if name.strip()}, key=str.lower)
    if source != InquirySource.RECURRENCE_ALERT:
        recurrence_alert = None
    if source != InquirySource.REFERRAL:
        incident = None
    _validate(source, title, summary_of_concern, areas, recurrence_alert, incident, named_areas)
    agencies = agencies_involved(areas, incident) if agencies is None else list(agencies)
    with transaction.atomic():
        if recurrence_alert is not None:
            # Two proposals from one alert at the same moment: the second waits here, then is refused.
            RecurrenceAlert.objects.select_for_update().filter(pk=recurrence_alert.pk).first()
            _validate(source, title, summary_of_concern, areas, recurrence_alert, incident, named_areas)
        inquiry = NationalInquiry.objects.create(
            reference=next_reference(today.year),
            source=source,
            recurrence_alert=recurrence_alert,
            incident=incident,
            title=title.strip(),
            summary_of_concern=summary_of_concern.strip(),
            named_areas=named_areas,
            proposed_by=user,
            proposed_on=today,
        )
        inquiry.areas.set(areas)
        inquiry.agencies.set(agencies)
        inquiry.themes.set(themes)
        NationalInquiryStatusChange.objects.create(
            case=inquiry,
            from_state="",
            to_state=InquiryStatus.PROPOSED,
            changed_by=user,
            reason=f"Proposed from {inquiry.get_source_display().lower()}",
        )
        record(
            actor,
            "nsci.proposed",
            inquiry,
            {
                "source": source,
                "recurrence_alert": getattr(recurrence_alert, "pk", None),
                "incident": getattr(incident, "pk", None),
                "areas": [area.pk for area in areas],
                "named_areas": named_areas,
            },
        )
        announce.national_inquiry_proposed(inquiry)
    return inquiry
