"""Importing an area's published review reports: dry run per row with problems named, the reports reaching the
national repository as published ones do, re-import adding nothing, every row audited with its source."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from safeguarding.core.models import AuditEvent
from safeguarding.incidents.choices import HarmKind
from safeguarding.learning.repository.models import EntrySource, RepositoryEntry
from safeguarding.onboarding.actions import report_imports
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db

EXAMPLE = Path(report_imports.__file__).resolve().parent.parent / "examples" / "published_review_reports.csv"
HEADER = "source_reference,kind,title,summary,published_on,harm,harm_kinds,age_band,findings\n"


@pytest.fixture
def admin(area):
    return person_with_role(Role.AREA_ADMINISTRATOR, area)


def test_the_dry_run_names_each_bad_rows_problem(admin, area):
    text = HEADER + (
        "R-1,lli_report,A title,A summary,2023-01-01,death,neglect,1_4,One|Two\n"
        "R-2,newsletter,,A summary,2030-01-01,fire,neglect;sexual,teen,\n"
        "R-1,lli_report,Again,A summary,2023-01-01,,,,\n"
    )
    rows = report_imports.check_reports(admin, area, text)
    assert rows[0].outcome == report_imports.Outcome.CREATE
    assert rows[1].problems == [
        "kind: must be one of historic_review, lli_report",
        "title: enter the report's published title",
        "published_on: must be today or in the past",
        "harm: must be one of death, serious_harm, other",
        "harm_kinds: each must be one of " + ", ".join(HarmKind.values) + ", separated by |",
        "age_band: must be one of under_1, 1_4, 5_9, 10_15, 16_17, not_known",
    ]
    assert rows[2].problems == ["source_reference: appears on an earlier row of this file"]
    assert not RepositoryEntry.objects.exists()


def test_the_example_file_reaches_the_national_repository_once(admin, area):
    text = EXAMPLE.read_text(encoding="utf-8")
    rows = report_imports.import_reports(admin, area, text)
    assert [row.outcome for row in rows] == [report_imports.Outcome.CREATE] * 3
    entries = RepositoryEntry.objects.filter(area=area)
    assert entries.count() == 3 and set(entries.values_list("source", flat=True)) == {EntrySource.IMPORTED}
    child_t = entries.get(source_key=f"import:area-{area.pk}:TEES-SCR-2017-01")
    assert child_t.findings.count() == 2 and child_t.recommendations.count() == 2
    assert RepositoryEntry.objects.public().filter(pk=child_t.pk).exists()
    events = AuditEvent.objects.filter(verb="repository.report_imported")
    assert sorted(e.data["source_reference"] for e in events) == [
        "TEES-LLI-2023-01",
        "TEES-SCR-2017-01",
        "TEES-SCR-2019-02",
    ]
    again = report_imports.import_reports(admin, area, text)
    assert {row.outcome for row in again} == {report_imports.Outcome.ALREADY}
    assert RepositoryEntry.objects.count() == 3
    # A corrected summary becomes the entry's next edition, not a second entry.
    changed = text.replace("A baby died", "An infant died")
    outcomes = [row.outcome for row in report_imports.check_reports(admin, area, changed)]
    assert outcomes == ["new edition", "already imported", "already imported"]
    report_imports.import_reports(admin, area, changed)
    child_t.refresh_from_db()
    assert child_t.edition == 2 and RepositoryEntry.objects.count() == 3


def test_only_the_areas_administrators_import_its_reports(area, other_area):
    with pytest.raises(PermissionDenied):
        report_imports.check_reports(person_with_role(Role.AREA_ADMINISTRATOR, other_area), area, HEADER)


def test_the_page_checks_then_imports(admin, area, client, sign_in):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sign_in(admin)
    upload = SimpleUploadedFile("reports.csv", EXAMPLE.read_bytes(), content_type="text/csv")
    url = reverse("onboarding:import-reports", args=[area.slug])
    checked = client.post(url, {"file": upload}).content.decode()
    assert "3 to add" in checked and "Send 3 reports to the national repository" in checked
    response = client.post(
        url, {"content": EXAMPLE.read_text(encoding="utf-8"), "file_name": "reports.csv", "confirm": "on"}
    )
    assert response.status_code == 302 and RepositoryEntry.objects.count() == 3
