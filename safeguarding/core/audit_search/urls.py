from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("export.csv", views.export_csv, name="export"),
]
