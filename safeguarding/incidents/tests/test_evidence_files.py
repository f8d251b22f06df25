"""Evidence of impact files: allowed kinds by name and contents, 10 MB at most, stored under a random
name with the upload's row (or not at all), and downloaded only within the case's scope, audited."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.models import AuditEvent
from safeguarding.incidents import evidence
from safeguarding.incidents.actions import learning as actions
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import Action, Recommendation
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
# The first bytes of a Windows program: "MZ", then binary.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def _package(member):
    """A minimal Office package. Each entry carries a fixed date, so the same bytes (and test ids) come
    out on every run and every parallel worker, whatever the clock says when the module is imported."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in (("[Content_Types].xml", "<Types/>"), (member, "<document/>")):
            package.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def _upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path / "incidents" / "evidence"


def _stored(media):
    return sorted(p.name for p in media.iterdir()) if media.exists() else []


@pytest.fixture
def manager(area, sign_in):
    person = person_with_role(Role.AREA_ADMINISTRATOR, area)
    sign_in(person)
    return person


@pytest.fixture
def action(area, council, manager):
    recommendation = Recommendation.objects.create(
        incident=make_incident(area, IncidentStatus.PUBLISHED), addressee=council, change="Link the two systems"
    )
    return Action.objects.create(
        recommendation=recommendation,
        description="Audit referrals",
        owner="Head of Service",
        due_on=timezone.localdate() + datetime.timedelta(days=30),
        updated_by=manager,
    )


def _edit_url(action):
    return reverse("incidents:edit-action", args=[action.recommendation.incident_id, action.pk])


def _download_url(action):
    return reverse("incidents:evidence-file", args=[action.recommendation.incident_id, action.pk])


def _post(client, action, upload, version=1):
    data = {"version": version, "status": "in_progress", "evidence_of_impact": "Audit attached"}
    if upload is not None:
        data["evidence_file"] = upload
    return client.post(_edit_url(action), data)


@pytest.mark.parametrize(
    "name, content",
    [
        ("audit.pdf", PDF),
        ("chart.png", PNG),
        ("photo.JPG", JPEG),
        ("photo.jpeg", JPEG),
        ("plan.docx", _package("word/document.xml")),
        ("figures.xlsx", _package("xl/workbook.xml")),
        ("figures.csv", b"month,referrals\n2026-10,40\n"),
        ("notes.txt", "Audit of referrals: 40 of 40 linked \u2014 caf\u00e9 staff briefed\n".encode()),
        ("export.csv", "Referral,Outcome\nCaf\u00e9 team,Linked\n".encode("cp1252")),
    ],
)
def test_allowed_kinds_are_accepted(name, content):
    kind = evidence.check_file(_upload(name, content))
    assert kind.content_type == evidence.KINDS[name[name.rindex(".") :].lower()].content_type


@pytest.mark.parametrize(
    "name, content, rule",
    [
        ("setup.exe", EXE, "must be a PDF, PNG, JPEG, Word (DOCX), Excel (XLSX), CSV or text file"),
        ("report.pdf", EXE, "ends .pdf but its contents are not a PDF file"),
        ("chart.png", PDF, "ends .png but its contents are not a PNG file"),
        ("plan.docx", _package("xl/workbook.xml"), "ends .docx but its contents are not a Word (DOCX) file"),
        ("plan.docx", b"PK\x03\x04 not really a zip", "ends .docx"),
        ("notes.txt", EXE, "ends .txt but its contents are not a text file"),
        ("notes", b"hello", "must be a PDF"),
        ("empty.pdf", b"", "The evidence file is empty"),
    ],
)
def test_refused_kinds_name_the_field_and_the_rule(name, content, rule):
    with pytest.raises(ValidationError) as refused:
        evidence.check_file(_upload(name, content))
    message = refused.value.message_dict["evidence_file"][0]
    assert message.startswith("The evidence file") and rule in message


def test_the_size_limit_is_10_mb():
    evidence.check_file(_upload("big.pdf", PDF + b"0" * (evidence.MAX_EVIDENCE_BYTES - len(PDF))))
    with pytest.raises(ValidationError, match="The evidence file must be 10 MB or smaller"):
        evidence.check_file(_upload("big.pdf", PDF + b"0" * (evidence.MAX_EVIDENCE_BYTES - len(PDF) + 1)))


def test_names_are_cleaned_for_display():
    assert evidence.clean_file_name("../../etc/passwd") == "passwd"
    assert evidence.clean_file_name("C:\\Users\\me\\Audit <March>.pdf") == "Audit _March_.pdf"
    assert evidence.clean_file_name("bad\x00name\r\n.txt") == "bad_name__.txt"
    long = evidence.clean_file_name("a" * 300 + ".xlsx")
    assert len(long) == 150 and long.endswith(".xlsx")


def test_an_upload_is_stored_under_a_random_name_and_downloaded_audited(client, action, media, area):
    response = _post(client, action, _upload("Audit of referrals.pdf", PDF))
    assert response.status_code == 302
    action.refresh_from_db()
    (stored,) = _stored(media)
    assert stored.endswith(".pdf") and "Audit" not in stored and len(stored) == 36
    assert action.evidence_file_name == "Audit of referrals.pdf" and action.evidence_file_size == len(PDF)
    edit_page = client.get(_edit_url(action)).content.decode()
    assert 'enctype="multipart/form-data"' in edit_page and _download_url(action) in edit_page
    assert 'class="govuk-file-upload"' in edit_page

    download = client.get(_download_url(action))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment;")
    assert "Audit of referrals.pdf" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff" and download["Content-Type"] == "application/pdf"
    event = AuditEvent.objects.get(verb="incident.evidence_downloaded")
    assert event.area == area and event.data == {"action": action.pk}


def test_a_refused_file_is_shown_on_the_form_and_nothing_is_stored(client, action, media):
    page = _post(client, action, _upload("report.pdf", EXE)).content.decode()
    assert "govuk-error-summary" in page and "its contents are not a PDF file" in page
    assert _stored(media) == []
    action.refresh_from_db()
    assert action.evidence_file_path == "" and action.status == "not_started"


def test_a_stale_form_keeps_no_orphan_file(client, action, media):
    _post(client, action, None)  # someone else saves first: version 2
    page = _post(client, action, _upload("audit.pdf", PDF), version=1).content.decode()
    assert "Someone else saved this record" in page and "audit.pdf" not in page
    assert _stored(media) == []
    assert Action.objects.get().evidence_file_path == ""


def test_a_failure_inside_the_transaction_deletes_the_stored_file(action, manager, media, monkeypatch):
    def failing_audit(*args, **kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(audit, "record", failing_audit)
    with pytest.raises(RuntimeError):
        actions.update_action(
            manager, action, 1, status="in_progress", evidence_of_impact="", evidence_file=_upload("a.pdf", PDF)
        )
    assert _stored(media) == []
    assert Action.objects.get().evidence_file_path == "" and Action.objects.get().version == 1


def test_a_new_file_replaces_the_old_once_committed(action, manager, media, django_capture_on_commit_callbacks):
    actions.update_action(
        manager, action, 1, status="in_progress", evidence_of_impact="", evidence_file=_upload("a.pdf", PDF)
    )
    (first,) = _stored(media)
    with django_capture_on_commit_callbacks(execute=True):
        actions.update_action(
            manager, action, 2, status="in_progress", evidence_of_impact="", evidence_file=_upload("b.png", PNG)
        )
    (second,) = _stored(media)
    assert second != first and second.endswith(".png")


def test_downloads_stay_within_the_case_scope(client, sign_in, action, area, other_area):
    actions.update_action(
        action.updated_by, action, 1, status="in_progress", evidence_of_impact="", evidence_file=_upload("a.pdf", PDF)
    )
    url = _download_url(action)
    for outsider in (
        person_with_role(Role.AREA_ADMINISTRATOR, other_area),
        person_with_role(Role.NATIONAL_ANALYST),
        person_with_role(Role.NATIONAL_ADMINISTRATOR),
        person_with_role(Role.PRACTITIONER, area),
    ):
        client.logout()
        sign_in(outsider)
        assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
    assert not AuditEvent.objects.filter(verb="incident.evidence_downloaded").exists()


def test_an_action_without_a_file_answers_404(client, action):
    assert client.get(_download_url(action)).status_code == 404
