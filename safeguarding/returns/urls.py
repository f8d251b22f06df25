"""The requester's pages: ask an agency's contact by secure link, see each link's state, resend or cancel."""

from django.urls import path

from . import views

app_name = "returns"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("agency-reports/<int:pk>/new/", views.request_for_report, name="request-report"),
    path("agency-summaries/<int:pk>/new/", views.request_for_summary, name="request-summary"),
    path("notifications/<int:pk>/new/", views.request_for_information, name="request-information"),
    path("<int:pk>/resend/", views.resend, name="resend"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/files/<int:file_pk>/", views.download, name="file"),
]
