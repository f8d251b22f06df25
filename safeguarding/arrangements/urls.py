from django.urls import path

from .views import areas, comparing, drafting, national

app_name = "arrangements"

urlpatterns = [
    path("", areas.area_list, name="areas"),
    path("national/transition/", national.transition, name="national-transition"),
    path("national/transition.csv", national.transition_csv, name="national-transition-csv"),
    path("national/deadline/", national.deadline, name="national-deadline"),
    path("<slug:slug>/", areas.area_overview, name="area"),
    path("<slug:slug>/new-draft/", drafting.start_draft, name="start-draft"),
    path("<slug:slug>/compare/", comparing.compare, name="compare"),
    path("<slug:slug>/versions/<int:number>/", drafting.version_detail, name="version"),
    path("<slug:slug>/versions/<int:number>/sections/<slug:key>/", drafting.edit_section, name="edit-section"),
    path(
        "<slug:slug>/versions/<int:number>/sections/<slug:key>/evidence/",
        drafting.add_evidence,
        name="add-evidence",
    ),
    path(
        "<slug:slug>/versions/<int:number>/evidence/<int:pk>/remove/",
        drafting.remove_evidence,
        name="remove-evidence",
    ),
    path("<slug:slug>/versions/<int:number>/agencies/", drafting.add_agency, name="add-agency"),
    path(
        "<slug:slug>/versions/<int:number>/agencies/<int:pk>/remove/",
        drafting.remove_agency,
        name="remove-agency",
    ),
    path("<slug:slug>/versions/<int:number>/sign-off/", drafting.sign_off, name="sign-off"),
    path("<slug:slug>/versions/<int:number>/publish/", drafting.publish, name="publish"),
]
