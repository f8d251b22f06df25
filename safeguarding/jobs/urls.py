from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("<slug:name>/run/", views.run_now, name="run-now"),
]
