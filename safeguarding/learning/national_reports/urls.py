from django.urls import path  # noqa: F401

app_name = "national_reports"

urlpatterns = []
