"""The review meeting, the panel's review, and closure with the pseudonymised national record."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged

from ..clocks import panel_review_clock
from ..models import CaseStatus, CaseStatusChange, ChildDeathCase, NationalRecord, PanelReview, ReviewMeeting
from ..models.vocabulary import Category, Domain, Modifiable
from ..transitions import CASE_TRANSITIONS
from .common import acting_as, require

MEETING_FIELDS = ("held_on", "attendance", "chronology", "discussion", "draft_analysis")
REVIEW_FIELDS = (
    "reviewed_on",
    "category",
    "factors_child",
    "factors_social",
    "factors_physical",
    "factors_services",
    "modifiable",
    "modifiable_domains",
    "abuse_or_neglect_suspected",
    "learning_points",
    "actions",
    "late_reason",
)


def _move(case, to_state, user, reason):
    CASE_TRANSITIONS.move(case, to_state, actor=user, history=CaseStatusChange, reason=reason)
    case.save(update_fields=["status"])


def record_meeting(user, case, fields, *, version=None, today=None):
    require(user, "child_deaths.manage_case", case, "Only the panel manager records the review meeting.")
    today = today or timezone.localdate()
    errors = {}
    held_on = fields.get("held_on")
    if held_on is None:
        errors["held_on"] = "Enter the date of the meeting"
    elif held_on > today:
        errors["held_on"] = "The date of the meeting must be today or in the past"
    elif held_on < case.date_of_death:
        errors["held_on"] = "The date of the meeting must be on or after the date of death"
    for field, message in (
        ("attendance", "List who attended, one a line"),
        ("chronology", "Enter the chronology"),
        ("discussion", "Summarise the discussion"),
        ("draft_analysis", "Enter the draft analysis for the panel"),
    ):
        if not (fields.get(field) or "").strip():
            errors[field] = message
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case = ChildDeathCase.objects.select_for_update().get(pk=case.pk)
        meeting = ReviewMeeting.objects.filter(case=case).first()
        if meeting is None:
            if case.status != CaseStatus.GATHERING_INFORMATION:
                raise ValidationError("Request the agencies' reports before recording the review meeting")
            meeting = ReviewMeeting(case=case, recorded_by=user, **{f: fields[f] for f in MEETING_FIELDS})
            meeting.save()
            _move(case, CaseStatus.REVIEW_MEETING, user, "Review meeting held")
        else:
            for field in MEETING_FIELDS:
                setattr(meeting, field, fields[field])
            save_if_unchanged(meeting, version, MEETING_FIELDS)
        audit.record(
            acting_as(user, case.area),
            "child_death.meeting.recorded",
            case,
            {"held_on": meeting.held_on, "attendees": len(meeting.attendees())},
            area=case.area,
        )
    return meeting


def _validate_review(fields, case, *, final, today):
    errors = {}
    category = fields.get("category") or ""
    if category and category not in Category.values:
        errors["category"] = "Select a category from the 10 standard categories"
    modifiable = fields.get("modifiable") or ""
    if modifiable and modifiable not in Modifiable.values:
        errors["modifiable"] = "Select yes, no or insufficient information"
    domains = list(fields.get("modifiable_domains") or [])
    if any(domain not in Domain.values for domain in domains):
        errors["modifiable_domains"] = "Select only domains from the list"
    elif modifiable == Modifiable.YES and not domains:
        errors["modifiable_domains"] = "Select at least one domain where the modifiable factors were found"
    elif modifiable != Modifiable.YES and domains:
        errors["modifiable_domains"] = "Select domains only when modifiable factors were identified"
    reviewed_on = fields.get("reviewed_on")
    if reviewed_on is not None and reviewed_on > today:
        errors["reviewed_on"] = "The date of the review must be today or in the past"
    elif reviewed_on is not None and reviewed_on < case.date_of_death:
        errors["reviewed_on"] = "The date of the review must be on or after the date of death"
    if final:
        if not category:
            errors.setdefault("category", "Select the category of death before finalising")
        if not modifiable:
            errors.setdefault("modifiable", "Select whether modifiable factors were identified before finalising")
        if reviewed_on is None:
            errors.setdefault("reviewed_on", "Enter the date the panel reviewed the death")
        if not (fields.get("learning_points") or "").strip():
            errors["learning_points"] = "Enter the learning points (or 'None identified')"
        if reviewed_on is not None and "reviewed_on" not in errors:
            target = panel_review_clock(case, today)
            if reviewed_on > target.due_on and not (fields.get("late_reason") or "").strip():
                errors["late_reason"] = (
                    f"The review is after its target date ({target.due_on:%-d %B %Y}): say why it took longer"
                )
    return errors


def save_review(user, case, fields, *, version=None, final=False, today=None):
    """Saves the panel's review (a draft, or final: the case closes and its national record is written).

    Category 1, or abuse or neglect suspected, sets the prompt to notify a serious incident.
    """
    require(user, "child_deaths.manage_case", case, "Only the panel manager records the panel's review.")
    today = today or timezone.localdate()
    errors = _validate_review(fields, case, final=final, today=today)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case = ChildDeathCase.objects.select_for_update().get(pk=case.pk)
        review = PanelReview.objects.filter(case=case).first()
        values = {field: fields.get(field) for field in REVIEW_FIELDS}
        values["modifiable_domains"] = list(values["modifiable_domains"] or [])
        values["abuse_or_neglect_suspected"] = bool(values["abuse_or_neglect_suspected"])
        for field in REVIEW_FIELDS:
            if values[field] is None and field != "reviewed_on":
                values[field] = ""
        if review is None:
            if case.status not in {CaseStatus.GATHERING_INFORMATION, CaseStatus.REVIEW_MEETING}:
                raise ValidationError("The panel reviews a case once the agencies' information is gathered")
            review = PanelReview(case=case, **values)
            review.save()
            _move(case, CaseStatus.PANEL_REVIEW, user, "Panel review started")
        else:
            if review.final:
                raise ValidationError("The panel's review is final and can no longer be changed")
            for field, value in values.items():
                setattr(review, field, value)
            save_if_unchanged(review, version, REVIEW_FIELDS)
        prompted = review.calls_for_serious_incident and review.serious_incident_prompted_at is None
        if prompted:
            review.serious_incident_prompted_at = timezone.now()
            review.save(update_fields=["serious_incident_prompted_at"])
        case.category = review.category
        case.save(update_fields=["category"])
        if final:
            review.final, review.finalised_by = True, user
            review.save(update_fields=["final", "finalised_by"])
            _move(case, CaseStatus.CLOSED, user, "Panel review final")
            _write_national_record(case, review)
            # Queued in this transaction: the national mortality table gets the review once it is final,
            # and never loses it (the nightly sync catches up should the job fail for good).
            from safeguarding.mortality.jobs import copy_finalised_review

            copy_finalised_review.enqueue(case.pk)
        audit.record(
            acting_as(user, case.area),
            "child_death.review.finalised" if final else "child_death.review.saved",
            case,
            {
                "category": review.category,
                "modifiable": review.modifiable,
                "serious_incident_prompted": prompted,
            },
            area=case.area,
        )
    return review


def linkable_incidents(user, case):
    """The serious incidents the panel may link to the death: notified ones of the child's area of residence
    that the person may see, the same child's first, then the most recently notified."""
    from django.db.models import Case, IntegerField, Value, When

    from safeguarding.incidents.models import Incident
    from safeguarding.incidents.states import IncidentStatus

    same_child = Case(When(child_id=case.child_id, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        Incident.objects.visible_to(user)
        .filter(area_id=case.area_id)
        .exclude(status=IncidentStatus.DRAFT)
        .annotate(other_child=same_child)
        .order_by("other_child", "-submitted_at", "-pk")
    )


def link_serious_incident(user, case, incident):
    """Links the serious incident notified after the prompt (pillar 2's case) to the death, or changes the link.
    Written in both cases' audit trails: the death's area's and the incident's."""
    require(user, "child_deaths.manage_case", case, "Only the panel manager links a serious incident.")
    if incident is None:
        raise ValidationError({"incident": "Choose the serious incident to link"})
    if not linkable_incidents(user, case).filter(pk=incident.pk).exists():
        raise ValidationError({"incident": f"Choose a notified serious incident of {case.area.name} that you may see"})
    with transaction.atomic():
        review = PanelReview.objects.select_for_update(of=("self",)).select_related("serious_incident").get(case=case)
        if review.serious_incident_prompted_at is None:
            raise ValidationError("The panel's review has not called for a serious incident")
        previous = review.serious_incident
        if previous is not None and previous.pk == incident.pk:
            return review
        review.serious_incident = incident
        review.save(update_fields=["serious_incident"])
        data = {"incident": incident.pk, "reference": incident.reference, "case": case.reference}
        if previous is not None:
            data["replaces"] = previous.reference
        who = acting_as(user, case.area)
        audit.record(who, "child_death.serious_incident.linked", case, data, area=case.area)
        audit.record(who, "incident.child_death.linked", incident, data, area=incident.area)
    return review


def _write_national_record(case, review):
    months = (
        (review.reviewed_on.year - case.date_of_death.year) * 12 + review.reviewed_on.month - case.date_of_death.month
    )
    if review.reviewed_on.day < case.date_of_death.day:
        months -= 1
    NationalRecord.objects.create(
        case=case,
        area=case.area,
        panel_name=case.panel.name if case.panel_id else "",
        pseudonym=case.child.pseudonym,
        year_of_death=case.date_of_death.year,
        month_of_death=case.date_of_death.month,
        age_band=case.age_band,
        sex=case.sex,
        ethnicity_group=case.ethnicity_group,
        expectation=case.expectation,
        place_of_death=case.place_of_death,
        category=review.category,
        modifiable=review.modifiable,
        modifiable_domains=review.modifiable_domains,
        review_months=max(months, 0),
    )
