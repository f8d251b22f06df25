from django.urls import include, path

urlpatterns = [
    path("", include("safeguarding.core.urls")),
    path("api/v1/", include("safeguarding.incidents.api_urls")),
    path("api/v1/child-deaths/", include("safeguarding.child_deaths.api_urls")),
    path("api/", include("safeguarding.api.urls")),
    path("api-tokens/", include("safeguarding.api.urls_pages")),
    path("audit/", include("safeguarding.core.audit_search.urls")),
    path("policy/", include("safeguarding.core.clocks.urls")),
    path("children/", include("safeguarding.core.identity.urls")),
    path("child-deaths/", include("safeguarding.child_deaths.urls")),
    path("people/", include("safeguarding.organisations.urls")),
    path("invitations/", include("safeguarding.organisations.urls_invitations")),
    # Agency contacts without an account: public pages, opened by a secure link and a one-time code.
    path("return/", include("safeguarding.returns.urls_public")),
    path("returns/", include("safeguarding.returns.urls")),
    path("notify-a-death/", include("safeguarding.child_deaths.urls_public")),
    path("arrangements/", include("safeguarding.arrangements.urls")),
    path("published/", include("safeguarding.arrangements.urls_public")),
    path("incidents/", include("safeguarding.incidents.urls")),
    path("mortality/", include("safeguarding.mortality.urls")),
    path("statistics/", include("safeguarding.mortality.urls_public")),
    # The national learning framework: the public repository search needs no sign-in.
    path("learning/coding/", include("safeguarding.learning.repository.coding.urls")),
    path("learning/", include("safeguarding.learning.repository.urls")),
    path("intelligence/", include("safeguarding.learning.intelligence.urls")),
    path("national-inquiries/", include("safeguarding.learning.nsci.urls")),
    path("reviewers/", include("safeguarding.learning.reviewers.urls")),
    path("national-reports/", include("safeguarding.learning.national_reports.urls")),
    path("notifications/", include("safeguarding.notifications.urls")),
    path("jobs/", include("safeguarding.jobs.urls")),
    path("onboarding/", include("safeguarding.onboarding.urls")),
]

handler400 = "safeguarding.core.views.errors.bad_request"
handler403 = "safeguarding.core.views.errors.permission_denied"
handler404 = "safeguarding.core.views.errors.page_not_found"
handler500 = "safeguarding.core.views.errors.server_error"
