"""The public acceptance page of an invitation link, at /invitations/<token>/ (open before two-factor)."""

from django.urls import path

from .views import acceptance

app_name = "invitations"

urlpatterns = [
    path("<str:token>/", acceptance.accept, name="accept"),
]
