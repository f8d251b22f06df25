"""What the imports of historic records holding identities share (child deaths, serious incidents).

Each import checks a CSV file row by row (a dry run: create, already imported, or refused with every problem
named by column, never repeating an identifying value), keeps the checked file sealed with the identity keys so
that the import starts from exactly what was checked without the file going back to the browser, queues a job
that imports the rows one transaction each with its progress on the job's page, and then discards the file.
A row's source reference is remembered per owner (panel or area), so importing a file again creates nothing.
The import modules supply what differs: the owner, the permission, the row rules and how one row is created.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from safeguarding.core import audit
from safeguarding.core.identity import crypto, nhs
from safeguarding.core.identity.actions import normalise_postcode

from ..models import ImportStatus


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


@dataclass(frozen=True)
class ImportKind:
    """One kind of import: its batch model and owner, who may run it, and the names its job and events use."""

    batch_model: type
    owner_field: str  # "panel" or "area"
    perm: str
    job_name: str
    verb_prefix: str  # audit verbs: <prefix>.import_checked, <prefix>.import_started
    seal_prefix: str  # the pseudonym the kept file is sealed under, with the batch's id
    refused_message: str

    def owner(self, batch):
        return getattr(batch, self.owner_field)

    def require(self, user, owner):
        if not user.has_perm(self.perm, owner):
            raise PermissionDenied(self.refused_message)


def date_value(row, name, problems, *, required=True, identifying=False):
    """The column's date; an `identifying` column's problem does not repeat what was written."""
    text = row.get(name, "")
    if not text:
        if required:
            problems.append(f"{name}: enter a date like 2021-03-31")
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        problems.append(f"{name}: {'not' if identifying else text + ' is not'} a date like 2021-03-31")
        return None


def choice_value(row, name, choices, problems, *, required=True):
    value = row.get(name, "").lower()
    if not value and not required:
        return ""
    if value not in choices.values:
        problems.append(f"{name}: must be one of {', '.join(choices.values)}")
    return value


def source_reference(row, seen, problems, *, what="record"):
    """The row's reference in the earlier system: required, at most 60 characters, once per file."""
    reference = row.get("source_reference", "")
    if not reference:
        problems.append(f"source_reference: enter the {what}'s reference in the system it comes from")
    elif len(reference) > 60:
        problems.append("source_reference: must be 60 characters or fewer")
    elif reference in seen:
        problems.append("source_reference: appears on an earlier row of this file")
    seen.add(reference)
    return reference


def identity_values(row, problems, *, date_of_birth_required=True):
    """The child's identifying details, checked; problems name the field and the rule, never the value."""
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
    born = date_value(row, "date_of_birth", problems, required=date_of_birth_required, identifying=True)
    return {
        "given_names": row.get("given_names", ""),
        "family_name": row.get("family_name", ""),
        "nhs_number": nhs_number,
        "nhs_number_unavailable_reason": "" if nhs_number else row.get("nhs_number_unavailable_reason", ""),
        "date_of_birth": born,
        "postcode": postcode,
    }


def settle_outcomes(rows, done):
    """Each checked row's outcome: refused with its problems, already imported (`done` holds the owner's source
    references), or to be created."""
    for row in rows:
        if row.problems:
            row.outcome = Outcome.REFUSED
        elif row.source_reference in done:
            row.outcome = Outcome.ALREADY
        else:
            row.outcome = Outcome.CREATE
    return rows


def _counts(rows):
    return {
        "to_create": sum(1 for row in rows if row.outcome == Outcome.CREATE),
        "already_imported": sum(1 for row in rows if row.outcome == Outcome.ALREADY),
        "refused": sum(1 for row in rows if row.outcome == Outcome.REFUSED),
    }


def file_text(kind, batch):
    sealed = crypto.Sealed(batch.key_id, bytes(batch.nonce), bytes(batch.ciphertext))
    return crypto.unseal(sealed, pseudonym=f"{kind.seal_prefix}-{batch.pk}")["csv"]


def keep_checked_file(kind, user, owner, file_name, text, rows):
    """Stores the checked file sealed, with its counts, and audits the check; returns the batch. The person's
    earlier checked file for the same owner that they did not import is discarded."""
    model = kind.batch_model
    with transaction.atomic():
        model.objects.filter(**{kind.owner_field: owner}, uploaded_by=user, status=ImportStatus.CHECKED).delete()
        batch = model.objects.create(
            **{kind.owner_field: owner}, file_name=file_name[:200], rows=len(rows), uploaded_by=user
        )
        sealed = crypto.seal({"csv": text}, pseudonym=f"{kind.seal_prefix}-{batch.pk}")
        batch.key_id, batch.nonce, batch.ciphertext = sealed.key_id, sealed.nonce, sealed.ciphertext
        batch.counts = _counts(rows)
        batch.save()
        audit.record(
            user,
            f"{kind.verb_prefix}.import_checked",
            batch,
            {kind.owner_field: owner.pk, "file_name": batch.file_name, **batch.counts},
        )
    return batch


def queue_import(kind, user, batch, check):
    """Checks the kept file again (`check(owner, text)` gives its rows) and queues the job that imports it."""
    from safeguarding.jobs.models import Trigger
    from safeguarding.jobs.runs import start_run

    owner = kind.owner(batch)
    if not user.has_perm(kind.perm, owner) or batch.uploaded_by_id != user.pk:
        raise PermissionDenied("You may not import this file")
    with transaction.atomic():
        batch = kind.batch_model.objects.select_for_update().get(pk=batch.pk)
        if batch.status != ImportStatus.CHECKED:
            raise ValidationError({"file": "This file's import has already started: check its progress"})
        rows = check(owner, file_text(kind, batch))
        to_create = sum(1 for row in rows if row.outcome == Outcome.CREATE)
        if not to_create:
            raise ValidationError({"file": "No row of this file would be imported: see each row's outcome"})
        batch.status = ImportStatus.QUEUED
        batch.run = start_run(
            kind.job_name,
            f"import {batch.pk}",
            trigger=Trigger.REQUEST,
            requested_by=user,
            kwargs={"import_id": batch.pk},
        )
        batch.save(update_fields=["status", "run"])
        audit.record(
            user,
            f"{kind.verb_prefix}.import_started",
            batch,
            {kind.owner_field: owner.pk, "file_name": batch.file_name, "rows": len(rows), "to_create": to_create},
        )
    return batch


def import_rows(kind, batch, rows, progress, create, *, after=None):
    """The job's loop: `create(row)` makes one row's records in its own transaction and returns the new
    object, or None when another run got there first; then `after(created ids)`, if given. Returns the counts.
    The kept file is discarded at the end, its identities now sealed row by row."""
    progress.total(len(rows), "Importing rows")
    created_ids, counts = [], {"created": 0, "already_imported": 0, "refused": 0}
    for done, row in enumerate(rows, start=1):
        if row.outcome == Outcome.CREATE:
            made = create(row)
            if made is None:
                counts["already_imported"] += 1
            else:
                created_ids.append(made.pk)
                counts["created"] += 1
        elif row.outcome == Outcome.ALREADY:
            counts["already_imported"] += 1
        else:
            counts["refused"] += 1
        if done % 25 == 0 or done == len(rows):
            progress.advance(done, f"{done} of {len(rows)} rows")
    if after is not None and created_ids:
        after(created_ids)
    kind.batch_model.objects.filter(pk=batch.pk).update(
        status=ImportStatus.IMPORTED, counts=counts, key_id="", nonce=b"", ciphertext=b""
    )
    return counts
