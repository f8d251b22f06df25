from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    """An email backend whose every send fails, as a mail server refusing an address would."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("550 mailbox unavailable")
