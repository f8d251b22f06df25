"""The public page on which any professional notifies a child's death, without an account."""

from django.urls import path

from .views import outside

app_name = "notify_death"

urlpatterns = [
    path("", outside.notify, name="notify"),
    path("confirm/", outside.confirm, name="confirm"),
    path("received/", outside.received, name="received"),
]
