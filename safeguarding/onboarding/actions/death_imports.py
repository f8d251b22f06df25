"""Importing historic child deaths for one panel from another system's CSV export (layout: docs/onboarding.md).

A dry run reports per row what would be created, what is already here and what is refused, and why. The import
then runs as a job with its progress on the job's page. Each row's `source_reference` is remembered per panel,
so importing the same file again creates nothing new. Identities are sealed on the way in (core.identity), the
uploaded file is kept sealed until the job has run and is then discarded, and every row is audited with its
source. Imported deaths reach the national mortality table as notified and reviewed deaths do.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
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
from safeguarding.core.identity import crypto, nhs
from safeguarding.core.identity.actions import normalise_postcode, record_identity
from safeguarding.organisations.models import LocalAuthority

from ..models import DeathImport, ImportedDeath, ImportStatus
from .people import read_rows

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


class Outcome:
    CREATE = "create"
    ALREADY = "already imported"
    REFUSED = "refused"


@dataclass
class ImportRow:
    line: int
    source_reference: str
    outcome: str = Outcome.REFUSED
    problems: list = field(default_factory=list)
    values: dict = field(default_factory=dict)

    @property
    def problem(self):
        return "; ".join(self.problems)


def _date(row, name, problems, *, required=True):
    text = row.get(name, "")
    if not text:
        if required:
            problems.append(f"{name}: enter a date like 2021-03-31")
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        problems.append(f"{name}: {text} is not a date like 2021-03-31")
        return None


def _choice(row, name, choices, problems, *, required=True):
    value = row.get(name, "").lower()
    if not value and not required:
        return ""
    if value not in choices.values:
        problems.append(f"{name}: must be one of {', '.join(choices.values)}")
    return value


def _check_row(line, row, panel, authorities, seen, today):
    result = ImportRow(line, row.get("source_reference", ""))
    problems = result.problems
    if not result.source_reference:
        problems.append("source_reference: enter the record's reference in the system it comes from")
    elif len(result.source_reference) > 60:
        problems.append("source_reference: must be 60 characters or fewer")
    elif result.source_reference in seen:
        problems.append("source_reference: appears on an earlier row of this file")
    seen.add(result.source_reference)
    # Identity fields: problems name the field and the rule, never the value.
    for name in ("given_names", "family_name"):
        if not row.get(name):
            problems.append(f"{name}: enter the child's {name.replace('_', ' ')}")
    nhs_number = row.get("nhs_number", "")
    if nhs_number:
        try:
            nhs_number = nhs.normalise(nhs_number)
        except ValueError:
            problems.append("nhs_number: not a valid NHS number (10 digits with a correct check digit)")
    elif not row.get("nhs_number_unavailable_reason"):
        problems.append("nhs_number: give the NHS number, or the reason it is not available")
    postcode = row.get("postcode", "")
    if postcode:
        try:
            postcode = normalise_postcode(postcode)
        except ValueError:
            problems.append("postcode: not a full UK postcode")
    born = _date(row, "date_of_birth", problems)
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
        "identity": {
            "given_names": row.get("given_names", ""),
            "family_name": row.get("family_name", ""),
            "nhs_number": nhs_number,
            "nhs_number_unavailable_reason": "" if nhs_number else row.get("nhs_number_unavailable_reason", ""),
            "date_of_birth": born,
            "postcode": postcode,
        },
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
    results = []
    for line, row in read_rows(text, REQUIRED_COLUMNS, MAX_ROWS):
        result = _check_row(line, row, panel, authorities, seen, today)
        if result.problems:
            result.outcome = Outcome.REFUSED
        elif result.source_reference in done:
            result.outcome = Outcome.ALREADY
        else:
            result.outcome = Outcome.CREATE
        results.append(result)
    return results


def dry_run(user, panel, text, *, today=None):
    if not user.has_perm("onboarding.import_deaths", panel):
        raise PermissionDenied("You may not import deaths for this panel")
    return check_file(panel, text, today=today)


def _text_of(batch):
    sealed = crypto.Sealed(batch.key_id, bytes(batch.nonce), bytes(batch.ciphertext))
    return crypto.unseal(sealed, pseudonym=f"death-import-{batch.pk}")["csv"]


def check_upload(user, panel, file_name, text, *, today=None):
    """The dry run of an uploaded file, which is kept sealed (it holds identities) so that the import can start
    from exactly what was checked without the file going back to the browser. Returns (DeathImport, rows).
    A person's earlier checked file for the panel that they did not import is discarded."""
    rows = dry_run(user, panel, text, today=today)
    with transaction.atomic():
        DeathImport.objects.filter(panel=panel, uploaded_by=user, status=ImportStatus.CHECKED).delete()
        batch = DeathImport.objects.create(panel=panel, file_name=file_name[:200], rows=len(rows), uploaded_by=user)
        sealed = crypto.seal({"csv": text}, pseudonym=f"death-import-{batch.pk}")
        batch.key_id, batch.nonce, batch.ciphertext = sealed.key_id, sealed.nonce, sealed.ciphertext
        batch.counts = {
            "to_create": sum(1 for row in rows if row.outcome == Outcome.CREATE),
            "already_imported": sum(1 for row in rows if row.outcome == Outcome.ALREADY),
            "refused": sum(1 for row in rows if row.outcome == Outcome.REFUSED),
        }
        batch.save()
        audit.record(
            user, "child_death.import_checked", batch, {"panel": panel.pk, "file_name": batch.file_name, **batch.counts}
        )
    return batch, rows


def start_import(user, batch, *, today=None):
    """Checks the kept file again and queues the job that imports it; returns the DeathImport."""
    from safeguarding.jobs.models import Trigger
    from safeguarding.jobs.runs import start_run

    panel = batch.panel
    if not user.has_perm("onboarding.import_deaths", panel) or batch.uploaded_by_id != user.pk:
        raise PermissionDenied("You may not import this file")
    with transaction.atomic():
        batch = DeathImport.objects.select_for_update().get(pk=batch.pk)
        if batch.status != ImportStatus.CHECKED:
            raise ValidationError({"file": "This file's import has already started: check its progress"})
        rows = check_file(panel, _text_of(batch), today=today)
        to_create = sum(1 for row in rows if row.outcome == Outcome.CREATE)
        if not to_create:
            raise ValidationError({"file": "No row of this file would be imported: see each row's outcome"})
        batch.status = ImportStatus.QUEUED
        batch.run = start_run(
            JOB_NAME, f"import {batch.pk}", trigger=Trigger.REQUEST, requested_by=user, kwargs={"import_id": batch.pk}
        )
        batch.save(update_fields=["status", "run"])
        audit.record(
            user,
            "child_death.import_started",
            batch,
            {"panel": panel.pk, "file_name": batch.file_name, "rows": len(rows), "to_create": to_create},
        )
    return batch


def run_import(run, progress, import_id):
    """The job: creates each new row's case with its sealed identity, then copies them to the national table."""
    from safeguarding.mortality.actions.ingest import sync_from_child_deaths

    batch = DeathImport.objects.select_related("panel", "uploaded_by").get(pk=import_id)
    if batch.status == ImportStatus.IMPORTED:
        return {"skipped": 1}
    rows = check_file(batch.panel, _text_of(batch))
    progress.total(len(rows), "Importing rows")
    created_ids, counts = [], {"created": 0, "already_imported": 0, "refused": 0}
    sealer = audit.Actor.system(f"historic death import {batch.pk}")
    for done, row in enumerate(rows, start=1):
        if row.outcome == Outcome.CREATE:
            case = _create(batch, row, sealer)
            if case is None:
                counts["already_imported"] += 1
            else:
                created_ids.append(case.pk)
                counts["created"] += 1
        elif row.outcome == Outcome.ALREADY:
            counts["already_imported"] += 1
        else:
            counts["refused"] += 1
        if done % 25 == 0 or done == len(rows):
            progress.advance(done, f"{done} of {len(rows)} rows")
    if created_ids:
        sync_from_child_deaths(sealer, case_ids=created_ids)
    # The uploaded file held identities: now that they are sealed in their own rows, it is discarded.
    DeathImport.objects.filter(pk=batch.pk).update(
        status=ImportStatus.IMPORTED, counts=counts, key_id="", nonce=b"", ciphertext=b""
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
