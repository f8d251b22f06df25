from django.urls import path

from . import views

app_name = "clocks"

urlpatterns = [
    path("", views.policy_table, name="policy-table"),
    path("clocks/<slug:key>/", views.edit_clock, name="edit-clock"),
    path("settings/<slug:key>/", views.edit_setting, name="edit-setting"),
]
