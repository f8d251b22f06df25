"""A professional without an account notifies a death through the public page: the code to their work email,
the same linkage as any notification, a neutral receipt, the abuse limits and the panel's "not genuine" mark."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from safeguarding.core.models import AuditEvent

from ..actions import outside
from ..factories import notify
from ..models import ChildDeathCase, Notification, PendingOutsideNotification
from ..yearly_report import yearly_report_section

pytestmark = pytest.mark.django_db

NOTIFY, CONFIRM, RECEIVED = (reverse(f"notify_death:{name}") for name in ("notify", "confirm", "received"))


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def form_data(area, **overrides):
    data = {
        "notifier_name": "Sam Okafor",
        "notifier_role": "Practice nurse",
        "notifier_organisation": "Riverside Medical Practice",
        "agency": "gp",
        "notifier_email": "s.okafor@riverside-gp.example",
        "notifier_phone": "01642 000000",
        "given_names": "Rowan Elise",
        "family_name": "Hartigan",
        "nhs_number": "9434765919",
        "nhs_number_unavailable_reason": "",
        "date_of_birth_0": "14",
        "date_of_birth_1": "3",
        "date_of_birth_2": "2019",
        "sex": "female",
        "ethnicity_group": "white",
        "address": "3 Orchard Row, Stockton-on-Tees",
        "postcode": "TS18 3AB",
        "residence_area": str(area.pk),
        "date_of_death_0": "20",
        "date_of_death_1": "11",
        "date_of_death_2": "2026",
        "time_of_death": "04:30",
        "place_of_death": "home",
        "hospital_name": "",
        "place_of_death_area": str(area.pk),
        "expectation": "unexpected",
        "jar_criteria": ["sudden_no_cause"],
        "circumstances": "Found unresponsive at home; the practice learnt of it from the ambulance service.",
        "agencies_involved": "Riverside Medical Practice; health visiting team; Riverside Primary School",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def send(client, data, captured):
    mail.outbox.clear()
    with captured(execute=True):
        return client.post(NOTIFY, data)


def code_in(message):
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def test_a_professional_notifies_a_death_and_it_links_by_nhs_number(
    client, area, panel, django_capture_on_commit_callbacks
):
    existing = notify(area)  # the hospital notified the same death already
    response = send(client, form_data(area), django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response.url == CONFIRM
    assert Notification.objects.count() == 1  # nothing is accepted before the code
    pending = PendingOutsideNotification.objects.get()
    assert b"Hartigan" not in bytes(pending.ciphertext)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONFIRM, {"code": code_in(mail.outbox[-1])})
    assert response.url == RECEIVED
    notification = Notification.objects.get(received_from_outside=True)
    assert notification.case == existing.case and notification.link_method == "nhs_number"
    assert notification.notifier_organisation == "Riverside Medical Practice"
    assert "health visiting" in notification.agencies_involved
    pending.refresh_from_db()
    assert pending.notification == notification and bytes(pending.ciphertext) == b""
    page = client.get(RECEIVED).content.decode()
    assert notification.case.reference in page and "govuk-service-navigation" not in page
    assert AuditEvent.objects.filter(verb="child_death.outside.confirmed").exists()


def test_a_new_death_lands_with_the_panel_of_the_place_of_death_when_residence_is_unknown(
    client, area, other_area, django_capture_on_commit_callbacks
):
    send(
        client,
        form_data(area, residence_area="", place_of_death_area=str(other_area.pk)),
        django_capture_on_commit_callbacks,
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CONFIRM, {"code": code_in(mail.outbox[-1])})
    case = ChildDeathCase.objects.get()
    assert case.area == other_area and case.notifications.get().received_from_outside


def test_the_receipt_never_tells_of_another_areas_case(client, area, other_area, django_capture_on_commit_callbacks):
    case_in_b = notify(other_area).case
    send(client, form_data(area), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CONFIRM, {"code": code_in(mail.outbox[-1])})
    page = client.get(RECEIVED).content.decode()
    assert case_in_b.reference not in page
    own = Notification.objects.get(received_from_outside=True).case
    assert own != case_in_b and own.reference in page
    assert case_in_b.link_candidates.filter(method="nhs_number").exists()  # proposed to B's panel manager


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"nhs_number": "9434765918"}, "nhs_number", "NHS number"),
        ({"date_of_death_2": "2018"}, "date_of_death", "after the date of birth"),
        (
            {"date_of_death_0": "1", "date_of_death_1": "1", "date_of_death_2": "2027"},
            "date_of_death",
            "today or in the past",
        ),
        ({"notifier_email": ""}, "notifier_email", "work email"),
        ({"notifier_phone": ""}, "notifier_phone", "telephone"),
        ({"circumstances": "x" * 5001}, "circumstances", "5000"),
    ],
)
def test_bad_input_is_refused_with_the_field_named_and_nothing_stored(
    client, area, panel, overrides, field, message, django_capture_on_commit_callbacks
):
    response = send(client, form_data(area, **overrides), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and message.lower() in " ".join(errors[field]).lower()
    assert not PendingOutsideNotification.objects.exists() and not Notification.objects.exists()
    assert not mail.outbox


def test_the_honeypot_stores_and_sends_nothing(client, area, panel, django_capture_on_commit_callbacks):
    response = send(client, form_data(area, website="http://spam.example"), django_capture_on_commit_callbacks)
    assert response.url == CONFIRM and client.get(CONFIRM).status_code == 200
    assert not PendingOutsideNotification.objects.exists() and not mail.outbox
    assert client.post(CONFIRM, {"code": "123456"}).status_code == 200
    assert not Notification.objects.exists()


def test_submissions_are_limited_per_email_and_per_address(client, area, panel, django_capture_on_commit_callbacks):
    for _ in range(outside.SUBMISSIONS_PER_EMAIL_PER_HOUR):
        assert send(client, form_data(area), django_capture_on_commit_callbacks).status_code == 302
    refused = send(client, form_data(area), django_capture_on_commit_callbacks)
    assert "from this email address" in refused.content.decode() and not mail.outbox

    for number in range(outside.SUBMISSIONS_PER_ADDRESS_PER_HOUR - outside.SUBMISSIONS_PER_EMAIL_PER_HOUR - 1):
        send(client, form_data(area, notifier_email=f"n{number}@trust.example"), django_capture_on_commit_callbacks)
    refused = send(client, form_data(area, notifier_email="new@trust.example"), django_capture_on_commit_callbacks)
    assert "from your network" in refused.content.decode()
    other_network = Client(REMOTE_ADDR="192.0.2.9")
    assert (
        send(
            other_network, form_data(area, notifier_email="new@trust.example"), django_capture_on_commit_callbacks
        ).status_code
        == 302
    )


def test_an_oversized_submission_is_refused(client, area, panel):
    response = client.post(NOTIFY, form_data(area, circumstances="x" * 70_000))
    assert response.status_code == 413 and not PendingOutsideNotification.objects.exists()


def test_wrong_codes_are_limited(client, area, panel, django_capture_on_commit_callbacks):
    send(client, form_data(area), django_capture_on_commit_callbacks)
    code = code_in(mail.outbox[-1])
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(outside.MAX_WRONG_CODES):
        client.post(CONFIRM, {"code": wrong})
    response = client.post(CONFIRM, {"code": code})
    assert "expired" in response.content.decode() and not Notification.objects.exists()


def test_no_identity_in_the_code_email(client, area, panel, django_capture_on_commit_callbacks):
    send(client, form_data(area), django_capture_on_commit_callbacks)
    body = mail.outbox[-1].subject + mail.outbox[-1].body
    for secret in ("Rowan", "Hartigan", "9434765919", "TS18", "Orchard"):
        assert secret not in body


@pytest.fixture
def from_outside(area, panel):
    data = outside.prepare(
        {
            **{
                k: v
                for k, v in form_data(area).items()
                if not k.startswith(("date_of_", "residence", "place_of_death_area"))
            },
            "date_of_birth": datetime.date(2019, 3, 14),
            "date_of_death": datetime.date(2026, 11, 20),
            "time_of_death": datetime.time(4, 30),
            "residence_area": area,
            "place_of_death_area": area,
        }
    )
    pending = outside.start(data, client_address="192.0.2.1")
    code = "123456"
    pending.code_hash = outside._hash(f"{pending.seal_id}:{code}")
    pending.save(update_fields=["code_hash"])
    return outside.confirm(pending, code)


def test_the_panel_manager_marks_a_notification_not_genuine(client, sign_in, area, panel_manager, from_outside):
    notification, case = from_outside.notification, from_outside.case
    start, end = datetime.date(2026, 4, 1), datetime.date(2027, 3, 31)
    assert yearly_report_section(area, start, end) is not None
    sign_in(panel_manager)
    assert "Mark as not genuine" in client.get(reverse("child_deaths:case", args=[case.reference])).content.decode()
    url = reverse("child_deaths:not-genuine", args=[notification.pk])
    assert "Say why" in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "The sender could not be traced and the NHS number is a living child's"})
    notification.refresh_from_db()
    case.refresh_from_db()
    assert notification.not_genuine and case.not_genuine and Notification.objects.filter(pk=notification.pk).exists()
    assert AuditEvent.objects.filter(verb="child_death.notification.not_genuine").exists()
    assert yearly_report_section(area, start, end) is None  # out of the statistics


def test_only_the_panel_manager_marks_and_only_notifications_from_outside(
    area, practitioner, panel_manager, from_outside
):
    with pytest.raises(PermissionDenied):
        outside.mark_not_genuine(practitioner, from_outside.notification, reason="Not real")
    inside = notify(area, nhs_number="9990000042").notification
    with pytest.raises(ValidationError):
        outside.mark_not_genuine(panel_manager, inside, reason="Not real")


def test_an_unconfirmed_notification_is_deleted_after_a_day(client, area, panel, django_capture_on_commit_callbacks):
    import time_machine
    from django.utils import timezone

    send(client, form_data(area), django_capture_on_commit_callbacks)
    assert outside.purge_unconfirmed() == 0
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=outside.UNCONFIRMED_KEPT_HOURS + 1)):
        assert outside.purge_unconfirmed() == 1
    assert not PendingOutsideNotification.objects.exists()
    assert client.post(CONFIRM, {"code": code_in(mail.outbox[-1])}).url == NOTIFY
