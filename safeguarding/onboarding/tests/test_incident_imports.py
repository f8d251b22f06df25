"""Importing an area's historic serious incident notifications: dry run per row, bad rows named, the import as a
job with progress, idempotent re-import, identity sealed, every row audited, closed cases that start no clock or
task, and the cases in the area's incident list and yearly figures."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.identity.models import ChildIdentity
from safeguarding.core.models import AuditEvent
from safeguarding.core.work.tasks import tasks_for
from safeguarding.incidents import clocks
from safeguarding.incidents.actions.report import submit_to_national_body
from safeguarding.incidents.models import Incident
from safeguarding.incidents.states import OPEN_STATES, IncidentStatus
from safeguarding.incidents.yearly_report import yearly_report_section
from safeguarding.jobs.models import JobRun, RunStatus
from safeguarding.jobs.testing import run_jobs
from safeguarding.learning.nsci.views.listing import referrals_awaiting_proposal
from safeguarding.onboarding.actions import incident_imports as imports
from safeguarding.onboarding.models import ImportedIncident, ImportStatus, IncidentImport
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Organisation, Role

from .conftest import form

pytestmark = pytest.mark.django_db

EXAMPLE = Path(imports.__file__).resolve().parent.parent / "examples" / "historic_serious_incidents.csv"
COLUMNS = imports.REQUIRED_COLUMNS + imports.OPTIONAL_COLUMNS
HEADER = ",".join(COLUMNS)


def line(ref, **changes):
    values = {
        "source_reference": ref,
        "given_names": "Amelia",
        "family_name": "Ashdown",
        "nhs_number": "9990000042",
        "incident_date": "2021-03-01",
        "aware_date": "2021-03-02",
        "notified_on": "2021-03-04",
        "abuse_or_neglect": "suspected",
        "where_harmed": "in_area",
        "harm": "serious_harm",
        "harm_kinds": "physical|neglect",
        "summary": "A baby was found to have unexplained fractures.",
        "child_age_years": "0",
        "child_sex": "female",
        "child_ethnicity": "white",
        "child_disability": "no",
        "child_status": "child_in_need",
        "decision": "no_further_review",
        "decided_on": "2021-03-24",
        "status": "no_further_review",
        "nhs_number_unavailable_reason": "",
        "date_of_birth": "2020-09-01",
        "postcode": "TS24 8AA",
        "looked_after_or_care_leaver_death": "no",
        "agencies_involved": "E06000001|Cleveland Police",
        "lli_completed_on": "",
        "published_on": "",
    }
    values.update(changes)
    return ",".join(values[name] for name in COLUMNS)


@pytest.fixture
def tees(national_admin, geography):
    return form(
        national_admin,
        geography,
        ["Hartlepool", "Middlesbrough", "Redcar and Cleveland"],
        effective_on=datetime.date(2026, 1, 1),
    )


@pytest.fixture
def importer(tees):
    user = person_with_role(Role.AREA_ADMINISTRATOR, tees, email="importer@example.org")
    user.is_verified = lambda: True
    return user


def test_the_dry_run_names_each_bad_row_and_writes_nothing(tees, importer):
    text = "\n".join(
        [
            HEADER,
            line("OK-1"),
            line("BAD-1", nhs_number="1234567890", date_of_birth="01/09/2020", aware_date="2021-02-01"),
            line("BAD-2", status="lli", decision="lli"),
            line("BAD-3", status="published", decision="no_further_review", harm_kinds="neglect;bruises"),
            line("BAD-4", abuse_or_neglect="not_suspected", agencies_involved="Elsewhere School", child_age_years="3"),
            line("BAD-5", decided_on="2027-01-01", child_sex="girl", summary="Amelia was found injured."),
            line("OK-1", nhs_number="9990000050"),
        ]
    )
    rows = {row.line: row for row in imports.dry_run(importer, tees, text)}
    assert rows[2].outcome == imports.Outcome.CREATE
    assert rows[3].problems == [
        "nhs_number: not a valid NHS number (10 digits with a correct check digit)",
        "date_of_birth: not a date like 2021-03-31",
        "aware_date: must be on or after incident_date",
    ]
    assert rows[4].problems == [
        "status: must be one of no_further_review, referred_nsci, published (a case still under way is notified "
        "on the service, so that its clocks run)"
    ]
    assert "lli_completed_on: enter a date like 2021-03-31" in rows[5].problems
    assert "published_on: enter a date like 2021-03-31" in rows[5].problems
    assert "decision: a case that is published follows the decision lli" in rows[5].problems
    assert any(problem.startswith("harm_kinds: each must be one of physical,") for problem in rows[5].problems)
    assert rows[6].problems == [
        "child_age_years: does not match the date of birth and the date of the incident",
        "agencies_involved: Elsewhere School is not a partner of the area (its code or name, separated by |)",
        "abuse_or_neglect: does not meet the criteria for notification: Abuse or neglect must be known or suspected.",
    ]
    assert rows[7].problems == [
        "decided_on: must be today or in the past",
        "summary: must not name the child (their names are sealed apart from the case)",
        "child_sex: must be one of female, male, not_known",
    ]
    assert rows[8].problems == ["source_reference: appears on an earlier row of this file"]
    # No identifying value is repeated in a problem.
    assert not any(value in row.problem for value in ("1234567890", "01/09/2020", "Amelia") for row in rows.values())
    assert not ChildIdentity.objects.exists() and not IncidentImport.objects.exists() and not Incident.objects.exists()


def test_only_the_areas_administrators_with_their_second_factor_import(tees, national_admin, geography):
    other = form(national_admin, geography, ["Newcastle upon Tyne"], name="Tyneside", email_prefix="tyne")
    text = HEADER + "\n" + line("X")
    refused = [
        person_with_role(Role.PRACTITIONER, tees),
        person_with_role(Role.LEAD_CHIEF_OFFICER, tees, organisation=Organisation.objects.get(code="E06000001")),
        person_with_role(Role.AREA_ADMINISTRATOR, other),
        national_admin,
    ]
    for person in refused:
        person.is_verified = lambda: True
        with pytest.raises(PermissionDenied):
            imports.dry_run(person, tees, text)
    admin = person_with_role(Role.AREA_ADMINISTRATOR, tees)
    with pytest.raises(PermissionDenied):
        imports.dry_run(admin, tees, text)
    admin.is_verified = lambda: True
    assert imports.dry_run(admin, tees, text)[0].outcome == imports.Outcome.CREATE


def test_the_example_file_imports_as_a_job_sealed_audited_closed_and_counted(tees, importer):
    text = EXAMPLE.read_text(encoding="utf-8")
    checked = imports.dry_run(importer, tees, text)
    assert len(checked) == 30 and {row.outcome for row in checked} == {imports.Outcome.CREATE}
    batch, _ = imports.check_upload(importer, tees, "historic_serious_incidents.csv", text)
    assert bytes(batch.ciphertext) and b"TEES-SIN" not in bytes(batch.ciphertext)
    imports.start_import(importer, batch)
    with pytest.raises(ValidationError, match="already started"):
        imports.start_import(importer, batch)
    run_jobs()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.IMPORTED and batch.counts["created"] == 30
    assert bytes(batch.ciphertext) == b""  # the file held identities: discarded once sealed row by row
    run = JobRun.objects.get(pk=batch.run_id)
    assert run.status == RunStatus.SUCCEEDED and (run.progress_done, run.progress_total) == (30, 30)

    incidents = Incident.objects.filter(imported_from__area=tees)
    statuses = {status: incidents.filter(status=status).count() for status in imports.STATUS_DECISIONS}
    assert statuses == {
        IncidentStatus.NO_FURTHER_REVIEW: 16,
        IncidentStatus.REFERRED_NSCI: 1,
        IncidentStatus.PUBLISHED: 13,
    }
    assert not incidents.filter(status__in=OPEN_STATES).exists()
    # Identity sealed: the child's name is in no case row and opens only through the identity keys.
    first = ImportedIncident.objects.order_by("pk").first().incident
    family_name = first.child.unseal()["family_name"]
    assert family_name.encode() not in bytes(first.child.ciphertext)
    assert not Incident.objects.filter(summary__contains=family_name).exists()
    assert first.agencies_involved.exists() and first.rapid_inquiry.lead is None
    # Every step's clock is complete: nothing runs, so no reminder or task follows.
    assert all(clocks.current_clock(incident) is None for incident in incidents)
    assert all(incident.clock_key == "" for incident in incidents)  # and the dashboard, which reads it stored, agrees
    events = AuditEvent.objects.filter(verb="incident.imported")
    assert events.count() == 30
    event = events.get(target_id=str(first.pk))
    assert event.data["source_reference"] == first.imported_from.source_reference and event.actor == importer
    assert family_name not in str(event.data)

    # The yearly report counts each case in the years its steps happened.
    in_2019 = incidents.filter(submitted_at__year=2019).count()
    section = yearly_report_section(tees, datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    assert f"Serious incidents notified to the national body: {in_2019}" in section
    published_2019 = incidents.filter(published_on__year=2019).count()
    assert f"Local learning inquiry reports published: {published_2019}," in section

    # Importing the same file again creates nothing new.
    again = imports.dry_run(importer, tees, text)
    assert {row.outcome for row in again} == {imports.Outcome.ALREADY}
    again_batch, _ = imports.check_upload(importer, tees, "historic_serious_incidents.csv", text)
    with pytest.raises(ValidationError, match="No row of this file would be imported"):
        imports.start_import(importer, again_batch)
    assert Incident.objects.count() == 30 and ChildIdentity.objects.count() == 30


def test_imported_cases_ask_nothing_of_anyone(tees, importer):
    text = "\n".join(
        [
            HEADER,
            line("P-1", decision="lli", status="published", lli_completed_on="2021-07-01", published_on="2021-08-01"),
            line("N-1", nhs_number="9990000050", decision="referred_nsci", status="referred_nsci"),
        ]
    )
    imports.start_import(importer, imports.check_upload(importer, tees, "two.csv", text)[0])
    run_jobs()
    officer = person_with_role(Role.LEAD_CHIEF_OFFICER, tees, organisation=Organisation.objects.get(code="E06000001"))
    lead = person_with_role(Role.RAPID_INQUIRY_LEAD, tees)
    for person in (officer, lead, importer):
        assert not [task for task in tasks_for(person) if task.kind.startswith("incidents.")]
    published = Incident.objects.get(imported_from__source_reference="P-1")
    with pytest.raises(ValidationError, match="published in an earlier system"):
        submit_to_national_body(officer, published)
    national = person_with_role(Role.NATIONAL_ADMINISTRATOR, email="national.two@example.org")
    assert not referrals_awaiting_proposal(national).exists()


def test_the_pages_check_then_start_the_job_and_list_the_cases(tees, importer, client, sign_in):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sign_in(importer)
    area_page = client.get(reverse("onboarding:area", args=[tees.slug])).content.decode()
    assert "historic serious incident notifications</a>" in area_page
    url = reverse("onboarding:import-incidents", args=[tees.slug])
    upload = SimpleUploadedFile("incidents.csv", (HEADER + "\n" + line("P-1")).encode(), content_type="text/csv")
    checked = client.post(url, {"file": upload}).content.decode()
    assert "Import 1 notification" in checked and "P-1" in checked and "Amelia" not in checked
    batch = IncidentImport.objects.get(file_name="incidents.csv")
    response = client.post(url, {"import": batch.pk})
    assert response.status_code == 302 and "/jobs/runs/" in response["Location"]
    assert client.get(response["Location"]).status_code == 200
    run_jobs()
    incident = Incident.objects.get(imported_from__source_reference="P-1")
    listing = client.get(reverse("incidents:list")).content.decode()
    assert incident.reference in listing
    case_page = client.get(reverse("incidents:case", args=[incident.pk])).content.decode()
    assert "Not recorded: imported from an earlier system" in case_page
    history = client.get(reverse("incidents:history", args=[incident.pk])).content.decode()
    assert "Imported from incidents.csv (P-1): notified on 4 March 2021" in history
    assert "incidents.csv: imported, 1 row" in client.get(url).content.decode()
    example = client.get(reverse("onboarding:incident-import-example"))
    assert b"TEES-SIN-" in b"".join(example.streaming_content)
