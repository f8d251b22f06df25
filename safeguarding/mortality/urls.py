from django.urls import path

from .views import dashboard, releases

app_name = "mortality"

urlpatterns = [
    path("", dashboard.page, name="dashboard"),
    path("hazards/", dashboard.hazards, name="hazards"),
    path("releases/", releases.release_list, name="releases"),
    path("tables/<slug:table>.csv", dashboard.table_csv, name="table-csv"),
    path("<slug:page>/", dashboard.page, name="page"),
]
