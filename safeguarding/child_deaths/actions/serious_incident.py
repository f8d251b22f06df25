"""A panel's review that calls for a serious incident: asking the local authority for the notification, and
the link made when the local authority submits it.

The panel does not notify (Working Together: the local authority does). It asks: a draft notification of the
child's area is started, pre-filled from the death, and reaches the local authority's people who may submit it
(a task on their home page and a message). Their submission, through the incidents app's own action, links the
death and the incident, as the panel manager's chooser would.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.organisations.models import OrganisationKind

from ..models import PanelReview
from ..models.vocabulary import Category, EthnicityGroup, Sex
from .common import acting_as, require

# The death's vocabulary in the notification's: the same codes but for these.
SEX = {Sex.INDETERMINATE: "not_known"}
ETHNICITY = {EthnicityGroup.NOT_STATED: "not_known"}


def _date(day):
    return f"{day.day} {day:%B %Y}"


def notification_from_death(case, review, *, today):
    """The notification's fields as far as the death and the panel's review know them. The local authority
    checks them and adds the rest (kinds of harm, the child's status, disability) before submitting."""
    from safeguarding.incidents import choices

    lived_elsewhere = case.place_of_death_area_id not in (None, case.area_id)
    known = [
        f"Child death review {case.reference}: the child died on {_date(case.date_of_death)}, aged "
        f"{case.age_years}, and the death was notified on {_date(case.notified_on)}.",
        f"The panel's review recorded category {Category(review.category).label}"
        if review.category
        else "The panel's review recorded no category yet",
    ]
    known[-1] += "; abuse or neglect is suspected." if review.abuse_or_neglect_suspected else "."
    if case.circumstances:
        known.append(f"Circumstances as notified: {case.circumstances}")
    return {
        "abuse_or_neglect": choices.AbuseOrNeglect.SUSPECTED,
        "where_harmed": choices.WhereHarmed.RESIDENT_HARMED_ELSEWHERE
        if lived_elsewhere
        else choices.WhereHarmed.IN_AREA,
        "incident_date": case.date_of_death,
        # The local authority learns of it today, from the panel: its clock to notify starts now.
        "aware_date": today,
        "harm": choices.Harm.DEATH,
        "summary": "\n\n".join(known),
        "child_age_years": case.age_years,
        "child_sex": SEX.get(case.sex, case.sex),
        "child_ethnicity": ETHNICITY.get(case.ethnicity_group, case.ethnicity_group),
    }


def request_serious_incident_notification(user, case, *, today=None):
    """Asks the local authority of the child's area for the serious incident notification the panel's review
    calls for: starts it as a draft pre-filled from the death, for the same child (the sealed identity the
    death already holds), through the incidents app's action. Once per death while the draft waits."""
    from safeguarding.incidents.actions.notification import start_requested_notification
    from safeguarding.incidents.states import IncidentStatus

    require(user, "child_deaths.manage_case", case, "Only the panel manager asks for a serious incident notification.")
    today = today or timezone.localdate()
    with transaction.atomic():
        review = (
            PanelReview.objects.select_for_update(of=("self",))
            .select_related("serious_incident", "serious_incident_requested")
            .filter(case=case)
            .first()
        )
        if review is None or review.serious_incident_prompted_at is None:
            raise ValidationError("The panel's review has not called for a serious incident")
        if review.serious_incident is not None:
            raise ValidationError(
                f"This death is already linked to serious incident {review.serious_incident.reference}"
            )
        waiting = review.serious_incident_requested
        if waiting is not None and waiting.status == IncidentStatus.DRAFT:
            raise ValidationError(
                f"The local authority was asked already: draft notification {waiting.reference} waits for it"
            )
        local_authority = (
            case.area.partners.filter(is_active=True, kind=OrganisationKind.LOCAL_AUTHORITY).order_by("pk").first()
        )
        if local_authority is None:
            raise ValidationError(f"{case.area.name} has no local authority among its partners to notify it")
        who = acting_as(user, case.area)
        incident = start_requested_notification(
            who,
            case.area,
            notification_from_death(case, review, today=today),
            organisation=local_authority,
            child=case.child,
            reason=f"Asked for by child death review {case.reference}",
            audit_data={"asked_for_by": case.reference},
            today=today,
        )
        review.serious_incident_requested = incident
        review.save(update_fields=["serious_incident_requested"])
        audit.record(
            who,
            "child_death.serious_incident.requested",
            case,
            {"incident": incident.pk, "reference": incident.reference, "local_authority": local_authority.name},
            area=case.area,
        )
    return incident


def link_requested_serious_incident(actor, incident):
    """Links a submitted notification to the deaths whose panel asked for it (and that have no link yet).
    Called by the incidents app's submission, in its transaction; audited in both cases' trails."""
    reviews = (
        PanelReview.objects.select_for_update(of=("self",))
        .filter(serious_incident_requested=incident, serious_incident__isnull=True)
        .select_related("case__area")
    )
    for review in reviews:
        review.serious_incident = incident
        review.save(update_fields=["serious_incident"])
        case = review.case
        data = {"incident": incident.pk, "reference": incident.reference, "case": case.reference, "requested": True}
        who = acting_as(actor, incident.area)
        audit.record(who, "child_death.serious_incident.linked", case, data, area=case.area)
        audit.record(who, "incident.child_death.linked", incident, data, area=incident.area)
