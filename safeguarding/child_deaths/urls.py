from django.urls import path

from .views import cases, database, linkage, notify, outside, reports, steps, themes

app_name = "child_deaths"

urlpatterns = [
    path("", cases.case_list, name="cases"),
    path("notify/", notify.notify, name="notify"),
    path("notify/received/", notify.notified, name="notified"),
    path("links/compare-all/", linkage.batch, name="batch-linkage"),
    path("notifications/<int:pk>/not-genuine/", outside.not_genuine, name="not-genuine"),
    path("links/<int:pk>/", linkage.decide_link, name="decide-link"),
    path("links/<int:pk>/undo/", linkage.undo, name="undo-link"),
    path("themed-meetings/", themes.themed_meetings, name="themed-meetings"),
    path("themed-meetings/new/", themes.new_themed_meeting, name="new-themed-meeting"),
    path("themed-meetings/<int:pk>/", themes.themed_meeting, name="themed-meeting"),
    path("panel-populations/", themes.panel_population_warnings, name="panel-populations"),
    path("reports/", reports.agency_reports, name="agency-reports"),
    path("reports/<int:pk>/", reports.complete_report, name="report"),
    path("reports/<int:pk>/read/", reports.read_report, name="read-report"),
    path("reports/<int:pk>/remind/", reports.remind, name="remind"),
    path("<str:reference>/", cases.case_detail, name="case"),
    path("<str:reference>/database-informed/", database.database_informed, name="database-informed"),
    path("<str:reference>/response/", steps.joint_agency_response, name="response"),
    path("<str:reference>/response/contacts/add/", steps.family_contact, name="family-contact"),
    path("<str:reference>/reports/request/", reports.request_report, name="request-report"),
    path("<str:reference>/meeting/", steps.meeting, name="meeting"),
    path("<str:reference>/panel-review/", steps.panel_review, name="panel-review"),
    path("<str:reference>/serious-incident/", steps.serious_incident, name="serious-incident"),
    path("<str:reference>/serious-incident/ask/", steps.request_serious_incident, name="request-serious-incident"),
]
