"""/api/v1/incidents...: mounted under api/v1/ before the API's own urls in config/urls.py."""

from django.urls import path

from . import api

app_name = "incidents_api"

urlpatterns = [
    path("incidents", api.IncidentList.as_view(), name="list"),
    path("incidents/notifications", api.NotificationCreate.as_view(), name="notify"),
    path("incidents/<str:reference>", api.IncidentDetail.as_view(), name="detail"),
]
