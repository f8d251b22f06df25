"""The public invitation pages (open before two-factor). No address here carries the invitation's code:
the email's link keeps it after `#`, and the landing page POSTs it."""

from django.urls import path

from .views import acceptance

app_name = "invitations"

urlpatterns = [
    path("", acceptance.start, name="start"),
    path("accept/", acceptance.accept, name="accept"),
]
