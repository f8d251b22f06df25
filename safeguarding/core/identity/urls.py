from django.urls import path

from . import views

app_name = "identity"

urlpatterns = [
    path("", views.child_list, name="child-list"),
    path("<str:pseudonym>/", views.child_detail, name="child-detail"),
]
