"""Evidence files in S3-compatible object storage (a local moto server): stored as private, encrypted objects,
never on the server's disk, and streamed only through the download view that checks the case's scope."""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from config.env import S3_SIGNED_URL_SECONDS
from safeguarding.core.models import AuditEvent
from safeguarding.core.tests import object_storage
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import Action, Recommendation
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PUBLIC_GROUPS = (
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
)


@pytest.fixture(scope="module")
def s3_endpoint():
    with object_storage.s3_server() as endpoint:
        yield endpoint


@pytest.fixture
def bucket(settings, monkeypatch, s3_endpoint, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)  # where files would land on disk, if they did
    settings.STORAGES = object_storage.storages_setting(monkeypatch, s3_endpoint)
    prefix = settings.STORAGES["default"]["OPTIONS"]["location"]
    s3 = object_storage.client(s3_endpoint)

    def objects():
        listed = s3.list_objects_v2(Bucket=object_storage.BUCKET, Prefix=f"{prefix}/")
        return [item["Key"] for item in listed.get("Contents", [])]

    return s3, objects


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


def _upload(client, action):
    url = reverse("incidents:edit-action", args=[action.recommendation.incident_id, action.pk])
    data = {"version": 1, "status": "in_progress", "evidence_of_impact": "Audit attached"}
    data["evidence_file"] = SimpleUploadedFile("Audit of referrals.pdf", PDF, content_type="application/pdf")
    return client.post(url, data)


def _download_url(action):
    return reverse("incidents:evidence-file", args=[action.recommendation.incident_id, action.pk])


def test_an_upload_goes_to_the_bucket_and_is_streamed_back_through_the_view(client, action, bucket, tmp_path, area):
    _, objects = bucket
    assert _upload(client, action).status_code == 302
    action.refresh_from_db()
    (key,) = objects()
    assert key.endswith(action.evidence_file_path) and "Audit" not in key
    assert not any(tmp_path.iterdir())  # nothing on this server's disk

    download = client.get(_download_url(action))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert (
        download["Content-Disposition"].startswith("attachment;") and download["Cache-Control"] == "private, no-store"
    )
    assert "Location" not in download  # streamed, never a redirect to the store
    assert AuditEvent.objects.filter(verb="incident.evidence_downloaded", area=area).count() == 1


def test_objects_are_private_encrypted_and_any_address_is_signed_and_short_lived(client, action, bucket):
    s3, objects = bucket
    _upload(client, action)
    (key,) = objects()
    grants = s3.get_object_acl(Bucket=object_storage.BUCKET, Key=key)["Grants"]
    assert not [grant for grant in grants if grant["Grantee"].get("URI") in PUBLIC_GROUPS]
    assert s3.head_object(Bucket=object_storage.BUCKET, Key=key)["ServerSideEncryption"] == "AES256"
    action.refresh_from_db()
    query = parse_qs(urlparse(default_storage.url(action.evidence_file_path)).query)
    assert query["X-Amz-Expires"] == [str(S3_SIGNED_URL_SECONDS)] and "X-Amz-Signature" in query


def test_outside_the_case_scope_the_object_is_never_read(client, sign_in, action, bucket, other_area):
    _upload(client, action)
    client.logout()
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, other_area))
    assert client.get(_download_url(action)).status_code == 404
    assert not AuditEvent.objects.filter(verb="incident.evidence_downloaded").exists()


def test_a_failed_save_removes_its_object_from_the_bucket(client, action, bucket):
    _, objects = bucket
    _upload(client, action)  # version 1 -> 2
    stale = _upload(client, action).content.decode()  # still says version 1
    assert "Someone else saved this record" in stale
    assert len(objects()) == 1
