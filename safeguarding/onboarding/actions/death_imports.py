"""Importing historic child deaths for one panel from another system's CSV export (layout: docs/onboarding.md).

A dry run reports per row what would be created, what is already here and what is refused, and why. The import
then runs as a job with its progress on the job's page. Each row's `source_reference` is remembered per panel,
so importing the same file again creates nothing new. Identities are sealed on the way in (core.identity), the
uploaded file is kept sealed until the job has run and is then discarded, and every row is audited with its
source. Imported deaths reach the national mortality table as notified and reviewed deaths do.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safeguarding.child_deaths.models import CaseStatus, CaseStatusChange, ChildDeathCase, PanelReview
from safeguarding.child_deaths.models.vocabulary import (
    Category,
    EthnicityGroup,
    Expectation,
    Modifiable,
    PlaceOfDeath,
    Sex,
    band_for,
    completed_years,
)
from safeguarding.core import audit
from safeguarding.core.identity.actions import record_identity
from safeguarding.organisations.models import LocalAuthority

from ..models import DeathImport, ImportedDeath, ImportStatus
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
    "date_of_birth",
    "sex",
    "ethnicity_group",
    "residence_la_code",
    "date_of_death",
    "place_of_death",
    "expectation",
    "circumstances",
    "notified_on",
)
OPTIONAL_COLUMNS = (
    "nhs_number_unavailable_reason",
    "postcode",
    "place_of_death_la_code",
    "hospital_name",
    "category",
    "modifiable",
    "reviewed_on",
)
MAX_ROWS = 20_000
JOB_NAME = "historic-death-import"


KIND = ImportKind(
    batch_model=DeathImport,
    owner_field="panel",
    perm="onboarding.import_deaths",
    job_name=JOB_NAME,
    verb_prefix="child_death",
    seal_prefix="death-import",
    refused_message="You may not import deaths for this panel",
)
_date, _choice = date_value, choice_value


def _check_row(line, row, panel, authorities, seen, today):
    problems = []
    result = ImportRow(line, source_reference(row, seen, problems), problems=problems)
    identity = identity_values(row, problems)
    born = identity["date_of_birth"]
    died = _date(row, "date_of_death", problems)
    notified = _date(row, "notified_on", problems)
    reviewed = _date(row, "reviewed_on", problems, required=False)
    if died and died > today:
        problems.append("date_of_death: must be today or in the past")
    if born and died:
        if died < born:
            problems.append("date_of_death: must be on or after the date of birth")
        elif completed_years(born, died) >= 18:
            problems.append("date_of_birth: the child must have been under 18 when they died")
    if notified and died and not died <= notified <= today:
        problems.append("notified_on: must be between the date of death and today")
    sex = _choice(row, "sex", Sex, problems)
    ethnicity = _choice(row, "ethnicity_group", EthnicityGroup, problems)
    place = _choice(row, "place_of_death", PlaceOfDeath, problems)
    expectation = _choice(row, "expectation", Expectation, problems)
    category = row.get("category", "")
    if category and category not in Category.values:
        problems.append("category: must be a number from 1 to 10")
    modifiable = _choice(row, "modifiable", Modifiable, problems, required=False)
    if reviewed and not (category and modifiable):
        problems.append("reviewed_on: a reviewed death needs its category and modifiable")
    if (category or modifiable) and not reviewed:
        problems.append("reviewed_on: enter the date of the panel's review for a death with its category")
    if reviewed and notified and not notified <= reviewed <= today:
        problems.append("reviewed_on: must be between the notification and today")
    if place == PlaceOfDeath.HOSPITAL and not row.get("hospital_name"):
        problems.append("hospital_name: enter the hospital where the child died")
    if not row.get("circumstances"):
        problems.append("circumstances: describe the circumstances of the death")
    residence = authorities.get(row.get("residence_la_code", "").upper())
    area = residence and next((a for a in residence.safeguarding_areas.all() if a in panel_areas(panel)), None)
    if area is None:
        problems.append(
            f"residence_la_code: {row.get('residence_la_code') or 'empty'} is not a local authority "
            f"of an area {panel.name} covers"
        )
    place_area = None
    place_code = row.get("place_of_death_la_code", "").upper()
    if place_code:
        place_authority = authorities.get(place_code)
        place_area = place_authority.safeguarding_areas.first() if place_authority else None
        if place_area is None:
            problems.append(f"place_of_death_la_code: {place_code} is not a local authority of any area")
    result.values = {
        "identity": identity,
        "area": area,
        "place_of_death_area": place_area,
        "born": born,
        "died": died,
        "notified": notified,
        "reviewed": reviewed,
        "sex": sex,
        "ethnicity_group": ethnicity,
        "place_of_death": place,
        "hospital_name": row.get("hospital_name", ""),
        "expectation": expectation,
        "circumstances": row.get("circumstances", ""),
        "category": category,
        "modifiable": modifiable,
    }
    return result


def panel_areas(panel):
    cached = getattr(panel, "_import_areas", None)
    if cached is None:
        cached = panel._import_areas = set(panel.areas.all())
    return cached


def check_file(panel, text, *, today=None):
    """Each row's outcome: created, already imported (its source reference is here for this panel), or refused
    with every problem named. Nothing is written."""
    today = today or timezone.localdate()
    authorities = {a.code: a for a in LocalAuthority.objects.prefetch_related("safeguarding_areas")}
    done = set(ImportedDeath.objects.filter(panel=panel).values_list("source_reference", flat=True))
    seen = set()
    lines = read_rows(text, REQUIRED_COLUMNS, MAX_ROWS)
    rows = [_check_row(line, row, panel, authorities, seen, today) for line, row in lines]
    return settle_outcomes(rows, done)


def dry_run(user, panel, text, *, today=None):
    KIND.require(user, panel)
    return check_file(panel, text, today=today)


def check_upload(user, panel, file_name, text, *, today=None):
    """The dry run of an uploaded file, which is kept sealed (it holds identities) so that the import can start
    from exactly what was checked. Returns (DeathImport, rows)."""
    rows = dry_run(user, panel, text, today=today)
    return keep_checked_file(KIND, user, panel, file_name, text, rows), rows


def start_import(user, batch, *, today=None):
    """Checks the kept file again and queues the job that imports it; returns the DeathImport."""
    return queue_import(KIND, user, batch, lambda panel, text: check_file(panel, text, today=today))


def run_import(run, progress, import_id):
    """The job: creates each new row's case with its sealed identity, then copies them to the national table."""
    from safeguarding.mortality.actions.ingest import sync_from_child_deaths

    batch = DeathImport.objects.select_related("panel", "uploaded_by").get(pk=import_id)
    if batch.status == ImportStatus.IMPORTED:
        return {"skipped": 1}
    rows = check_file(batch.panel, file_text(KIND, batch))
    sealer = audit.Actor.system(f"historic death import {batch.pk}")
    counts = import_rows(
        KIND,
        batch,
        rows,
        progress,
        lambda row: _create(batch, row, sealer),
        after=lambda created_ids: sync_from_child_deaths(sealer, case_ids=created_ids),
    )
    return {**counts, "result_url": reverse("onboarding:panel", args=[batch.panel.slug])}


@transaction.atomic
def _create(batch, row, sealer):
    """One row: its sealed identity, its case (closed with its review when the panel had reviewed it), the
    record of where it came from, and its audit event. None if another run got there first."""
    panel = batch.panel
    if ImportedDeath.objects.select_for_update().filter(panel=panel, source_reference=row.source_reference).exists():
        return None
    values = row.values
    area = values["area"]
    identity = record_identity(sealer, area, **values["identity"])
    reviewed = values["reviewed"] is not None
    died, born = values["died"], values["born"]
    case = ChildDeathCase.objects.create(
        reference=f"CD-NEW-{identity.pseudonym}",
        child=identity,
        area=area,
        panel=panel,
        place_of_death_area=values["place_of_death_area"],
        place_of_death=values["place_of_death"],
        hospital_name=values["hospital_name"],
        date_of_death=died,
        age_days=(died - born).days,
        age_years=completed_years(born, died),
        age_band=band_for(born, died),
        sex=values["sex"],
        ethnicity_group=values["ethnicity_group"],
        expectation=values["expectation"],
        circumstances=values["circumstances"],
        status=CaseStatus.CLOSED if reviewed else CaseStatus.NOTIFIED,
        notified_on=values["notified"],
        national_database_informed_on=values["notified"],
        category=values["category"] if reviewed else "",
    )
    case.reference = f"CD-{died.year}-{case.pk:05d}"
    case.save(update_fields=["reference"])
    reason = f"Imported from {batch.file_name} ({row.source_reference})"
    CaseStatusChange.objects.create(case=case, from_state="", to_state=CaseStatus.NOTIFIED, reason=reason)
    if reviewed:
        PanelReview.objects.create(
            case=case,
            reviewed_on=values["reviewed"],
            category=values["category"],
            modifiable=values["modifiable"],
            final=True,
        )
        CaseStatusChange.objects.create(
            case=case, from_state=CaseStatus.NOTIFIED, to_state=CaseStatus.CLOSED, reason=f"{reason}: reviewed"
        )
    ImportedDeath.objects.create(panel=panel, source_reference=row.source_reference, case=case, batch=batch)
    audit.record(
        audit.Actor.person(batch.uploaded_by),
        "child_death.imported",
        case,
        {"source_reference": row.source_reference, "import": batch.pk, "file_name": batch.file_name},
        area=area,
    )
    return case
