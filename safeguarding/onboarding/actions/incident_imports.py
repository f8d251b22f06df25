"""Importing an area's historic serious incident notifications from another system's CSV export (layout:
docs/onboarding.md), with the machinery the child death import uses (sealed_imports.py).

The columns follow the national notification form. Only concluded cases come in: closed with no further review,
referred for a national inquiry, or with their local learning inquiry's report published. Each case is created
in the state it reached, with its dates (notified, decided, inquiry completed, published), so every clock is
complete: an imported case starts no clock, reminder or task, and counts in the yearly figures of the years its
steps happened. Each child's identifying details are sealed into the identity table; the case holds only the
pseudonym. Every row is audited as imported with its source reference.
"""

import datetime
import re

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safeguarding.child_deaths.models.vocabulary import completed_years
from safeguarding.core import audit
from safeguarding.core.identity.actions import record_identity
from safeguarding.incidents import choices, clocks, eligibility
from safeguarding.incidents.models import Decision, Incident, IncidentStatusChange, RapidInquiry
from safeguarding.incidents.states import IncidentStatus

from ..models import ImportedIncident, ImportStatus, IncidentImport
from .people import read_rows
from .sealed_imports import (
    ImportKind,
    ImportRow,
    Outcome,  # noqa: F401 (the page and its tests read each row's outcome from here)
    choice_value,
    date_value,
    file_text,
    identity_values,
    import_rows,
    keep_checked_file,
    queue_import,
    settle_outcomes,
    source_reference,
)

REQUIRED_COLUMNS = (
    "source_reference",
    "given_names",
    "family_name",
    "nhs_number",
    "incident_date",
    "aware_date",
    "notified_on",
    "abuse_or_neglect",
    "where_harmed",
    "harm",
    "harm_kinds",
    "summary",
    "child_age_years",
    "child_sex",
    "child_ethnicity",
    "child_disability",
    "child_status",
    "decision",
    "decided_on",
    "status",
)
OPTIONAL_COLUMNS = (
    "nhs_number_unavailable_reason",
    "date_of_birth",
    "postcode",
    "looked_after_or_care_leaver_death",
    "agencies_involved",
    "lli_completed_on",
    "published_on",
)
MAX_ROWS = 5_000
JOB_NAME = "historic-incident-import"
SEPARATOR = "|"
S = IncidentStatus
# The concluded states a case may be imported in, and the rapid inquiry decision each follows.
STATUS_DECISIONS = {
    S.NO_FURTHER_REVIEW: Decision.NO_FURTHER_REVIEW,
    S.REFERRED_NSCI: Decision.REFER_NSCI,
    S.PUBLISHED: Decision.LLI,
}
YES_NO = {"yes": True, "no": False, "": False}

KIND = ImportKind(
    batch_model=IncidentImport,
    owner_field="area",
    perm="onboarding.import_incidents",
    job_name=JOB_NAME,
    verb_prefix="incident",
    seal_prefix="incident-import",
    refused_message="You may not import serious incidents for this area",
)


def _parts(text):
    return [part.strip() for part in (text or "").split(SEPARATOR) if part.strip()]


def _agencies(row, partners, problems):
    found = []
    for name in _parts(row.get("agencies_involved")):
        organisation = partners.get(name.lower())
        if organisation is None:
            problems.append(
                f"agencies_involved: {name} is not a partner of the area (its code or name, separated by |)"
            )
        elif organisation not in found:
            found.append(organisation)
    return found


def _names_in(text, identity):
    """Whether the child's given or family name appears in the text as a word."""
    words = {word.lower() for word in re.findall(r"[\w'-]+", text)}
    names = f"{identity['given_names']} {identity['family_name']}".lower().split()
    return any(name in words for name in names if len(name) > 1)


def _age(row, born, incident_date, problems):
    text = row.get("child_age_years", "")
    age = None
    if not text:
        problems.append("child_age_years: enter the child's age in years at the incident")
    elif not text.isdigit() or int(text) > 24:
        problems.append("child_age_years: must be a whole number from 0 to 24 (care leavers are notified up to 25)")
    else:
        age = int(text)
    if born and incident_date:
        if born > incident_date:
            problems.append("date_of_birth: must be on or before the date of the incident")
        elif age is not None and completed_years(born, incident_date) != age:
            problems.append("child_age_years: does not match the date of birth and the date of the incident")
    return age


def _dates_in_order(dates, problems, today):
    """Each step on or after the one before it, and none in the future: [(column, date or None)]."""
    earlier = None
    for name, day in dates:
        if day is None:
            continue
        if day > today:
            problems.append(f"{name}: must be today or in the past")
        elif earlier is not None and day < earlier[1]:
            problems.append(f"{name}: must be on or after {earlier[0]}")
        earlier = (name, day)


def _check_row(line, row, partners, seen, today):
    problems = []
    result = ImportRow(line, source_reference(row, seen, problems, what="notification"), problems=problems)
    identity = identity_values(row, problems, date_of_birth_required=False)
    incident_date = date_value(row, "incident_date", problems)
    aware_date = date_value(row, "aware_date", problems)
    notified = date_value(row, "notified_on", problems)
    decided = date_value(row, "decided_on", problems)
    status = row.get("status", "").lower()
    if status not in STATUS_DECISIONS:
        problems.append(
            f"status: must be one of {', '.join(STATUS_DECISIONS)} (a case still under way is notified on the "
            "service, so that its clocks run)"
        )
    published = status == S.PUBLISHED
    completed = date_value(row, "lli_completed_on", problems, required=published)
    published_on = date_value(row, "published_on", problems, required=published)
    if not published and (completed or published_on):
        problems.append("lli_completed_on: only a case whose learning inquiry report was published has these dates")
    _dates_in_order(
        [
            ("incident_date", incident_date),
            ("aware_date", aware_date),
            ("notified_on", notified),
            ("decided_on", decided),
            ("lli_completed_on", completed),
            ("published_on", published_on),
        ],
        problems,
        today,
    )
    decision = choice_value(row, "decision", Decision, problems)
    if status in STATUS_DECISIONS and decision in Decision.values and STATUS_DECISIONS[status] != decision:
        problems.append(f"decision: a case that is {status} follows the decision {STATUS_DECISIONS[status]}")
    abuse = choice_value(row, "abuse_or_neglect", choices.AbuseOrNeglect, problems)
    where = choice_value(row, "where_harmed", choices.WhereHarmed, problems)
    harm = choice_value(row, "harm", choices.Harm, problems)
    looked_after = row.get("looked_after_or_care_leaver_death", "").lower()
    if looked_after not in YES_NO:
        problems.append("looked_after_or_care_leaver_death: must be yes or no")
    harm_kinds = [kind.lower() for kind in _parts(row.get("harm_kinds"))]
    if not harm_kinds or any(kind not in choices.HarmKind.values for kind in harm_kinds):
        problems.append(f"harm_kinds: each must be one of {', '.join(choices.HarmKind.values)}, separated by |")
    summary = row.get("summary", "")
    if not summary:
        problems.append("summary: describe what happened, without names")
    elif _names_in(summary, identity):
        problems.append("summary: must not name the child (their names are sealed apart from the case)")
    age = _age(row, identity["date_of_birth"], incident_date, problems)
    sex = choice_value(row, "child_sex", choices.Sex, problems)
    ethnicity = choice_value(row, "child_ethnicity", choices.Ethnicity, problems)
    disability = choice_value(row, "child_disability", choices.Disability, problems)
    child_status = choice_value(row, "child_status", choices.ChildStatus, problems)
    agencies = _agencies(row, partners, problems)
    if not any(p.startswith(("abuse_or_neglect", "where_harmed", "harm:")) for p in problems):
        criteria = eligibility.check(
            abuse_or_neglect=abuse,
            harm=harm,
            where_harmed=where,
            looked_after_or_care_leaver_death=YES_NO.get(looked_after, False),
        )
        if not criteria.eligible:
            problems.append(
                "abuse_or_neglect: does not meet the criteria for notification: " + " ".join(criteria.reasons)
            )
    result.values = {
        "identity": identity,
        "fields": {
            "abuse_or_neglect": abuse,
            "where_harmed": where,
            "looked_after_or_care_leaver_death": YES_NO.get(looked_after, False),
            "incident_date": incident_date,
            "aware_date": aware_date,
            "harm": harm,
            "harm_kinds": [kind for kind in choices.HarmKind.values if kind in harm_kinds],
            "summary": summary,
            "child_age_years": age,
            "child_sex": sex,
            "child_ethnicity": ethnicity,
            "child_disability": disability,
            "child_status": child_status,
            "decided_on": decided,
            "lli_completed_on": completed,
            "published_on": published_on,
        },
        "status": status,
        "decision": decision,
        "notified": notified,
        "agencies": agencies,
    }
    return result


def _partners(area):
    partners = {}
    for organisation in area.partners.filter(is_active=True):
        partners.setdefault(organisation.name.lower(), organisation)
        if organisation.code:
            partners[organisation.code.lower()] = organisation
    return partners


def check_file(area, text, *, today=None):
    """Each row's outcome: created, already imported (its source reference is here for this area), or refused
    with every problem named. Nothing is written."""
    today = today or timezone.localdate()
    done = set(ImportedIncident.objects.filter(area=area).values_list("source_reference", flat=True))
    partners = _partners(area)
    seen = set()
    lines = read_rows(text, REQUIRED_COLUMNS, MAX_ROWS)
    return settle_outcomes([_check_row(line, row, partners, seen, today) for line, row in lines], done)


def dry_run(user, area, text, *, today=None):
    KIND.require(user, area)
    return check_file(area, text, today=today)


def check_upload(user, area, file_name, text, *, today=None):
    """The dry run of an uploaded file, kept sealed (it holds identities). Returns (IncidentImport, rows)."""
    rows = dry_run(user, area, text, today=today)
    return keep_checked_file(KIND, user, area, file_name, text, rows), rows


def start_import(user, batch, *, today=None):
    """Checks the kept file again and queues the job that imports it; returns the IncidentImport."""
    return queue_import(KIND, user, batch, lambda area, text: check_file(area, text, today=today))


def run_import(run, progress, import_id):
    """The job: creates each new row's case, closed in the state it reached, with its sealed identity."""
    batch = IncidentImport.objects.select_related("area", "uploaded_by").get(pk=import_id)
    if batch.status == ImportStatus.IMPORTED:
        return {"skipped": 1}
    rows = check_file(batch.area, file_text(KIND, batch))
    sealer = audit.Actor.system(f"historic incident import {batch.pk}")
    counts = import_rows(KIND, batch, rows, progress, lambda row: _create(batch, row, sealer))
    return {**counts, "result_url": reverse("onboarding:area", args=[batch.area.slug])}


def _noon(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@transaction.atomic
def _create(batch, row, sealer):
    """One row: its sealed identity, its case in the state it reached with its rapid inquiry's decision, two
    history rows, the record of where it came from, and its audit event. None if another run got there first."""
    area = batch.area
    if ImportedIncident.objects.select_for_update().filter(area=area, source_reference=row.source_reference).exists():
        return None
    values = row.values
    identity = record_identity(sealer, area, **values["identity"])
    status, notified = values["status"], values["notified"]
    incident = Incident.objects.create(
        area=area,
        status=status,
        child=identity,
        submitted_at=_noon(notified),
        **values["fields"],
    )
    incident.agencies_involved.set(values["agencies"])
    reason = f"Imported from {batch.file_name} ({row.source_reference})"
    RapidInquiry.objects.create(
        incident=incident,
        lead=None,
        started_on=notified,
        decision=values["decision"],
        decision_reasons=f"Decided on {values['fields']['decided_on']:%-d %B %Y} in the earlier system. {reason}.",
    )
    steps = [f"decided on {values['fields']['decided_on']:%-d %B %Y}"]
    if status == S.PUBLISHED:
        steps.append(f"learning inquiry completed on {values['fields']['lli_completed_on']:%-d %B %Y}")
        steps.append(f"report published on {values['fields']['published_on']:%-d %B %Y}")
    who = batch.uploaded_by
    IncidentStatusChange.objects.create(
        case=incident,
        from_state="",
        to_state=S.SUBMITTED,
        changed_by=who,
        reason=f"{reason}: notified on {notified:%-d %B %Y}",
    )
    IncidentStatusChange.objects.create(
        case=incident, from_state=S.SUBMITTED, to_state=status, changed_by=who, reason=f"{reason}: {', '.join(steps)}"
    )
    ImportedIncident.objects.create(area=area, source_reference=row.source_reference, incident=incident, batch=batch)
    # A concluded case has no clock running; stored all the same, as every action that sets a case's step does.
    clocks.store_current_clock(incident)
    audit.record(
        audit.Actor.person(who),
        "incident.imported",
        incident,
        {
            "source_reference": row.source_reference,
            "import": batch.pk,
            "file_name": batch.file_name,
            "status": status,
            "pseudonym": identity.pseudonym,
        },
        area=area,
    )
    return incident
