from django.urls import path

from . import views

app_name = "intelligence"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("check/", views.check, name="check"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:pk>/", views.alert, name="alert"),
    path("repeated-recommendations/", views.repeated, name="repetition"),
]
