from django.urls import path

from .views import areas, comparing, drafting, effectiveness, funding, meetings, national, reports

app_name = "arrangements"

urlpatterns = [
    path("", areas.area_list, name="areas"),
    path("national/transition/", national.transition, name="national-transition"),
    path("national/transition.csv", national.transition_csv, name="national-transition-csv"),
    path("national/deadline/", national.deadline, name="national-deadline"),
    path("national/funding/", funding.national_spread, name="national-funding"),
    path("agency-burden/", meetings.agency_burden, name="agency-burden"),
    path("<slug:slug>/", areas.area_overview, name="area"),
    path("<slug:slug>/effectiveness/", effectiveness.overview, name="effectiveness"),
    path("<slug:slug>/effectiveness/scrutiny/add/", effectiveness.add_scrutiny, name="add-scrutiny"),
    path("<slug:slug>/effectiveness/scrutiny/<int:pk>/", effectiveness.scrutiny_detail, name="scrutiny"),
    path("<slug:slug>/effectiveness/measures/add/", effectiveness.add_measure, name="add-measure"),
    path("<slug:slug>/effectiveness/measures/<int:pk>/", effectiveness.measure_detail, name="measure"),
    path("<slug:slug>/effectiveness/engagement/add/", effectiveness.add_engagement, name="add-engagement"),
    path("<slug:slug>/reports/", reports.report_list, name="reports"),
    path("<slug:slug>/reports/<int:year>/", reports.report_detail, name="report"),
    path("<slug:slug>/reports/<int:year>/edit/", reports.edit, name="edit-report"),
    path("<slug:slug>/reports/<int:year>/publish/", reports.publish, name="publish-report"),
    path("<slug:slug>/meetings/", meetings.meeting_list, name="meetings"),
    path("<slug:slug>/meetings/add/", meetings.add_meeting, name="add-meeting"),
    path("<slug:slug>/meetings/reports/add/", meetings.add_report_request, name="add-report-request"),
    path("<slug:slug>/funding/", funding.contributions, name="funding"),
    path("<slug:slug>/funding/add/", funding.add_contribution, name="add-contribution"),
    path("<slug:slug>/funding/<int:pk>/", funding.change, name="change-contribution"),
    path("<slug:slug>/funding/calculator/", funding.calculator, name="funding-calculator"),
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
