"""Forming areas and panels, adding agencies, people in bulk and historic imports, under /onboarding/."""

from django.urls import path

from .views import areas, imports, organisations, panels, people

app_name = "onboarding"

urlpatterns = [
    path("areas/", areas.area_list, name="areas"),
    path("areas/new/", areas.new_area, name="new-area"),
    path("areas/<slug:slug>/", areas.area_detail, name="area"),
    path("areas/<slug:slug>/confirm/", areas.confirm_area, name="confirm-area"),
    path("areas/<slug:slug>/change/", areas.change_area, name="change-area"),
    path("panels/", panels.panel_list, name="panels"),
    path("panels/new/", panels.new_panel, name="new-panel"),
    path("panels/<slug:slug>/", panels.panel_detail, name="panel"),
    path("panels/<slug:slug>/change/", panels.change_panel, name="change-panel"),
    path("organisations/", organisations.organisation_search, name="organisations"),
    path("organisations/search.json", organisations.organisation_search_json, name="organisation-search-json"),
    path("organisations/new/", organisations.new_organisation, name="new-organisation"),
    path("people/invite-from-file/", people.bulk_invite, name="bulk-invite"),
    path("people/<int:pk>/deactivate/", people.deactivate, name="deactivate"),
    path("panels/<slug:slug>/import-deaths/", imports.import_deaths, name="import-deaths"),
    path("examples/historic-child-deaths.csv", imports.example_file, name="death-import-example"),
    path("areas/<slug:slug>/import-reports/", imports.import_reports, name="import-reports"),
    path("areas/<slug:slug>/import-incidents/", imports.import_incidents, name="import-incidents"),
    path("examples/historic-serious-incidents.csv", imports.incident_example_file, name="incident-import-example"),
    path("examples/published-review-reports.csv", imports.report_example_file, name="report-import-example"),
]
