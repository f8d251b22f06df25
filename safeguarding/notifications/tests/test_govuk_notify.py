import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage

from safeguarding.notifications.govuk_notify import NotifyEmailBackend


class FakeNotifyClient:
    def __init__(self):
        self.sent = []

    def send_email_notification(self, **kwargs):
        self.sent.append(kwargs)
        return {"id": "notify-id"}


def test_each_address_is_sent_through_the_one_template(settings):
    settings.GOVUK_NOTIFY_API_KEY = "team-key"
    settings.GOVUK_NOTIFY_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"
    client = FakeNotifyClient()
    backend = NotifyEmailBackend(client=client)
    sent = backend.send_messages([EmailMessage("Subject SI-00001", "Body", None, ["a@example.org", "b@example.org"])])
    assert sent == 2
    assert client.sent[0] == {
        "email_address": "a@example.org",
        "template_id": "f33517ff-2a88-4f6e-b855-c550268ce08a",
        "personalisation": {"subject": "Subject SI-00001", "body": "Body"},
    }


def test_without_a_key_it_refuses_to_start(settings):
    settings.GOVUK_NOTIFY_API_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="GOVUK_NOTIFY_API_KEY"):
        NotifyEmailBackend(client=FakeNotifyClient())
