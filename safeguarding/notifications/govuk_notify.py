"""A Django email backend that sends through GOV.UK Notify, chosen by setting:

    EMAIL_BACKEND=safeguarding.notifications.govuk_notify.NotifyEmailBackend
    GOVUK_NOTIFY_API_KEY=...        (a live or team key from Notify)
    GOVUK_NOTIFY_TEMPLATE_ID=...    (an email template whose subject is ((subject)) and body ((body)))

Every email of the service goes through one such template, so its wording stays in the code and in tests.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently=False, client=None, **kwargs):
        super().__init__(fail_silently=fail_silently, **kwargs)
        if not settings.GOVUK_NOTIFY_API_KEY or not settings.GOVUK_NOTIFY_TEMPLATE_ID:
            raise ImproperlyConfigured("GOV.UK Notify needs GOVUK_NOTIFY_API_KEY and GOVUK_NOTIFY_TEMPLATE_ID")
        if client is None:
            from notifications_python_client.notifications import NotificationsAPIClient

            client = NotificationsAPIClient(settings.GOVUK_NOTIFY_API_KEY)
        self.client = client

    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            for address in message.recipients():
                try:
                    self.client.send_email_notification(
                        email_address=address,
                        template_id=settings.GOVUK_NOTIFY_TEMPLATE_ID,
                        personalisation={"subject": message.subject, "body": message.body},
                    )
                except Exception:
                    if not self.fail_silently:
                        raise
                    continue
                sent += 1
        return sent
