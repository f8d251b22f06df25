"""/api/v1/child-deaths/...: mounted before the API's own urls in config/urls.py."""

from django.urls import path

from . import api

app_name = "child_deaths_api"

urlpatterns = [
    path("", api.CaseList.as_view(), name="list"),
    path("notifications", api.NotificationCreate.as_view(), name="notify"),
    path("<str:reference>", api.CaseDetail.as_view(), name="detail"),
]
