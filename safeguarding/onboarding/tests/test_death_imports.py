"""Importing historic child deaths for one panel: dry run per row, bad rows named, the import as a job with
progress, idempotent re-import, identity sealed, every row audited, figures in the yearly report and the
national mortality table."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.child_deaths.models import CaseStatus, ChildDeathCase
from safeguarding.child_deaths.yearly_report import yearly_report_section
from safeguarding.core.identity.models import ChildIdentity
from safeguarding.core.models import AuditEvent
from safeguarding.jobs.models import JobRun, RunStatus
from safeguarding.jobs.testing import run_jobs
from safeguarding.mortality.models import MortalityRecord
from safeguarding.onboarding.actions import death_imports as imports
from safeguarding.onboarding.actions.panels import form_panel
from safeguarding.onboarding.models import DeathImport, ImportedDeath, ImportStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import form

pytestmark = pytest.mark.django_db

EXAMPLE = Path(imports.__file__).resolve().parent.parent / "examples" / "historic_child_deaths.csv"
HEADER = ",".join(imports.REQUIRED_COLUMNS + imports.OPTIONAL_COLUMNS)


def line(ref, **changes):
    values = {
        "source_reference": ref,
        "given_names": "Amelia",
        "family_name": "Ashdown",
        "nhs_number": "9990000042",
        "date_of_birth": "2019-05-01",
        "sex": "female",
        "ethnicity_group": "white",
        "residence_la_code": "E06000001",
        "date_of_death": "2024-02-10",
        "place_of_death": "home",
        "expectation": "unexpected",
        "circumstances": "Sudden illness.",
        "notified_on": "2024-02-11",
        "nhs_number_unavailable_reason": "",
        "postcode": "TS24 8AA",
        "place_of_death_la_code": "E06000001",
        "hospital_name": "",
        "category": "10",
        "modifiable": "no",
        "reviewed_on": "2024-09-01",
    }
    values.update(changes)
    return ",".join(values[name] for name in imports.REQUIRED_COLUMNS + imports.OPTIONAL_COLUMNS)


@pytest.fixture
def tees(national_admin, geography):
    return form(
        national_admin,
        geography,
        ["Hartlepool", "Middlesbrough", "Redcar and Cleveland"],
        effective_on=datetime.date(2026, 1, 1),
    )


@pytest.fixture
def panel(national_admin, tees):
    return form_panel(national_admin, name="Tees Panel", areas=[tees])


@pytest.fixture
def importer(tees):
    user = person_with_role(Role.AREA_ADMINISTRATOR, tees, email="importer@example.org")
    user.is_verified = lambda: True
    return user


def test_the_dry_run_names_each_bad_row_and_writes_nothing(panel, importer):
    text = "\n".join(
        [
            HEADER,
            line("OK-1"),
            line("BAD-1", nhs_number="1234567890", date_of_death="2027-01-01"),
            line("BAD-2", residence_la_code="E08000021"),
            line("BAD-3", sex="boy", category="11", reviewed_on=""),
            line("OK-1", nhs_number="9990000050"),
            line("", given_names=""),
        ]
    )
    rows = {row.line: row for row in imports.dry_run(importer, panel, text)}
    assert rows[2].outcome == imports.Outcome.CREATE
    assert rows[3].problems == [
        "nhs_number: not a valid NHS number (10 digits with a correct check digit)",
        "date_of_death: must be today or in the past",
        "notified_on: must be between the date of death and today",
    ]
    assert rows[4].problems == ["residence_la_code: E08000021 is not a local authority of an area Tees Panel covers"]
    assert "sex: must be one of female, male, indeterminate, not_known" in rows[5].problems
    assert "category: must be a number from 1 to 10" in rows[5].problems
    assert "reviewed_on: enter the date of the panel's review for a death with its category" in rows[5].problems
    assert rows[6].problems == ["source_reference: appears on an earlier row of this file"]
    assert "given_names: enter the child's given names" in rows[7].problems
    # No identity value is repeated in a problem.
    assert not any("1234567890" in row.problem or "Amelia" in row.problem for row in rows.values())
    assert not ChildIdentity.objects.exists() and not DeathImport.objects.exists()


def test_only_those_allowed_import_with_their_second_factor(panel, tees):
    practitioner = person_with_role(Role.PRACTITIONER, tees)
    practitioner.is_verified = lambda: True
    with pytest.raises(PermissionDenied):
        imports.dry_run(practitioner, panel, HEADER + "\n" + line("X"))
    unverified = person_with_role(Role.PANEL_MANAGER, tees)
    with pytest.raises(PermissionDenied):
        imports.dry_run(unverified, panel, HEADER + "\n" + line("X"))
    unverified.is_verified = lambda: True
    assert imports.dry_run(unverified, panel, HEADER + "\n" + line("X"))[0].outcome == imports.Outcome.CREATE


def test_the_example_file_imports_as_a_job_sealed_audited_and_counted(panel, importer, tees):
    text = EXAMPLE.read_text(encoding="utf-8")
    checked = imports.dry_run(importer, panel, text)
    assert len(checked) == 200 and {row.outcome for row in checked} == {imports.Outcome.CREATE}
    batch, _ = imports.check_upload(importer, panel, "historic_child_deaths.csv", text)
    assert bytes(batch.ciphertext) and b"TEES-CDOP" not in bytes(batch.ciphertext)
    imports.start_import(importer, batch)
    with pytest.raises(ValidationError, match="already started"):
        imports.start_import(importer, batch)
    run_jobs()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.IMPORTED and batch.counts["created"] == 200
    assert bytes(batch.ciphertext) == b""  # the file held identities: discarded once sealed row by row
    run = JobRun.objects.get(pk=batch.run_id)
    assert run.status == RunStatus.SUCCEEDED and (run.progress_done, run.progress_total) == (200, 200)

    cases = ChildDeathCase.objects.filter(imported_from__panel=panel)
    assert cases.count() == 200 and cases.filter(status=CaseStatus.CLOSED).count() == 190
    assert set(cases.values_list("area", flat=True)) == {tees.pk}
    # Identity sealed: the child's name is nowhere in the clear, and opens only through the identity keys.
    first = ImportedDeath.objects.get(source_reference="TEES-CDOP-0001").case
    assert b"Dunmore" not in bytes(first.child.ciphertext)
    assert first.child.unseal()["family_name"] == "Dunmore"
    events = AuditEvent.objects.filter(verb="child_death.imported")
    assert events.count() == 200
    event = events.get(target_id=str(first.pk))
    assert event.data["source_reference"] == "TEES-CDOP-0001" and event.actor == importer
    assert "Dunmore" not in str(event.data)

    # The national mortality table, as a notified and reviewed death would reach it.
    records = MortalityRecord.objects.filter(pseudonym__in=cases.values("child__pseudonym"))
    assert records.count() == 200 and records.filter(reviewed=True).count() == 190
    # The yearly report counts the reviews completed in its year.
    reviewed_2024 = cases.filter(panel_review__reviewed_on__year=2024).count()
    section = yearly_report_section(tees, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert f"Reviews completed by the child death overview panel: {reviewed_2024}" in section

    # Importing the same file again creates nothing new.
    again = imports.dry_run(importer, panel, text)
    assert {row.outcome for row in again} == {imports.Outcome.ALREADY}
    again_batch, _ = imports.check_upload(importer, panel, "historic_child_deaths.csv", text)
    with pytest.raises(ValidationError, match="No row of this file would be imported"):
        imports.start_import(importer, again_batch)
    assert ChildDeathCase.objects.count() == 200


def test_a_file_with_one_new_row_imports_only_that_row(panel, importer):
    imports.start_import(importer, imports.check_upload(importer, panel, "first.csv", HEADER + "\n" + line("A-1"))[0])
    run_jobs()
    text = "\n".join([HEADER, line("A-1"), line("A-2", nhs_number="9990000050", family_name="Brereton")])
    outcomes = [row.outcome for row in imports.dry_run(importer, panel, text)]
    assert outcomes == [imports.Outcome.ALREADY, imports.Outcome.CREATE]
    imports.start_import(importer, imports.check_upload(importer, panel, "second.csv", text)[0])
    run_jobs()
    assert sorted(ImportedDeath.objects.values_list("source_reference", flat=True)) == ["A-1", "A-2"]
    assert DeathImport.objects.get(file_name="second.csv").counts == {"created": 1, "already_imported": 1, "refused": 0}


def test_the_import_pages_check_then_start_the_job(panel, importer, client, sign_in):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sign_in(importer)
    page = client.get(reverse("onboarding:panel", args=[panel.slug])).content.decode()
    assert "Import historic deaths" in page and "84,206" in page
    upload = SimpleUploadedFile("deaths.csv", (HEADER + "\n" + line("P-1")).encode(), content_type="text/csv")
    checked = client.post(reverse("onboarding:import-deaths", args=[panel.slug]), {"file": upload}).content.decode()
    assert "Import 1 death" in checked and "P-1" in checked and "Amelia" not in checked
    batch = DeathImport.objects.get(file_name="deaths.csv")
    response = client.post(reverse("onboarding:import-deaths", args=[panel.slug]), {"import": batch.pk})
    assert response.status_code == 302 and "/jobs/runs/" in response["Location"]
    assert client.get(response["Location"]).status_code == 200
    run_jobs()
    page = client.get(reverse("onboarding:panel", args=[panel.slug])).content.decode()
    assert 'Imported from earlier systems</dt><dd class="govuk-summary-list__value">1<' in page
    example = client.get(reverse("onboarding:death-import-example"))
    assert b"TEES-CDOP-0001" in b"".join(example.streaming_content)
