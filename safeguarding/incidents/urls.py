from django.urls import path

from .views import actions_pages, cases, learning, lli, notification, pauses, rapid_inquiry, report

app_name = "incidents"

urlpatterns = [
    path("", cases.case_list, name="list"),
    path("dashboard/", cases.dashboard, name="dashboard"),
    path("actions/overdue/", actions_pages.overdue_actions, name="overdue-actions"),
    path("new/<slug:area_slug>/", notification.start, name="start"),
    path("<int:pk>/", cases.case_detail, name="case"),
    path("<int:pk>/history/", cases.case_history, name="history"),
    path("<int:pk>/notification/", notification.edit, name="notification"),
    path("<int:pk>/rapid-inquiry/start/", rapid_inquiry.start, name="start-rapid-inquiry"),
    path("<int:pk>/rapid-inquiry/", rapid_inquiry.rapid_inquiry, name="rapid-inquiry"),
    path(
        "<int:pk>/rapid-inquiry/summaries/<int:request_pk>/remind/",
        rapid_inquiry.remind_summary,
        name="remind-summary",
    ),
    path("<int:pk>/rapid-inquiry/sign-off/", rapid_inquiry.sign_off, name="sign-off"),
    path("<int:pk>/learning-inquiry/", lli.lli, name="lli"),
    path("<int:pk>/findings/", learning.findings, name="findings"),
    path("<int:pk>/findings/new/", learning.finding, name="add-finding"),
    path("<int:pk>/findings/<int:finding_pk>/", learning.finding, name="edit-finding"),
    path("<int:pk>/recommendations/new/", learning.recommendation, name="add-recommendation"),
    path("<int:pk>/recommendations/<int:recommendation_pk>/", learning.recommendation, name="edit-recommendation"),
    path("<int:pk>/actions/", actions_pages.action_list, name="actions"),
    path("<int:pk>/actions/<int:action_pk>/", actions_pages.edit_action, name="edit-action"),
    path("<int:pk>/actions/<int:action_pk>/evidence/", actions_pages.evidence_file, name="evidence-file"),
    path("<int:pk>/recommendations/<int:recommendation_pk>/actions/new/", actions_pages.add_action, name="add-action"),
    path("<int:pk>/report/", report.read, name="report"),
    path("<int:pk>/report.pdf", report.pdf, name="report-pdf"),
    path("<int:pk>/report/preview/", report.preview, name="report-preview"),
    path("<int:pk>/report/edit/", report.edit, name="report-edit"),
    path("<int:pk>/report/redaction/", report.redact, name="redaction"),
    path("<int:pk>/report/publish/", report.publish, name="publish"),
    path("<int:pk>/report/national-body/", report.submit_national, name="submit-national"),
    path("<int:pk>/accountability/", report.accountability, name="accountability"),
    path("<int:pk>/pauses/new/", pauses.request_pause, name="request-pause"),
    path("<int:pk>/pauses/<int:pause_pk>/decide/", pauses.decide_pause, name="decide-pause"),
    path("<int:pk>/pauses/<int:pause_pk>/end/", pauses.end_pause, name="end-pause"),
]
