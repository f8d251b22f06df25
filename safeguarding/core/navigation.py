"""The service navigation: the sections a signed-in person may use, in one list."""

from django.urls import NoReverseMatch, reverse

from . import permissions

# (label, url name, who sees it). A section appears only for people who can use it, so the
# navigation never points at a page that would answer 404.
SECTIONS = (
    ("Home", "core:home", lambda user: True),
    ("Arrangements", "arrangements:areas", lambda user: bool(permissions.memberships(user))),
    ("Children", "identity:child-list", lambda user: bool(permissions.memberships(user))),
    ("Serious incidents", "incidents:list", lambda user: bool(permissions.memberships(user))),
    ("Child deaths", "child_deaths:cases", lambda user: bool(permissions.memberships(user))),
    ("Child mortality", "mortality:dashboard", lambda user: user.has_perm("mortality.view_analysis")),
    ("National learning", "repository:national-search", lambda user: user.has_perm("repository.search_national")),
    ("Coding", "coding:queue", lambda user: user.has_perm("repository.code_findings")),
    ("Intelligence", "intelligence:dashboard", lambda user: user.has_perm("intelligence.view")),
    ("National inquiries", "nsci:list", lambda user: user.has_perm("nsci.view")),
    ("Reviewers", "reviewers:list", lambda user: user.has_perm("reviewers.view_register")),
    ("National reports", "national_reports:list", lambda user: user.has_perm("national_reports.view")),
    ("People", "organisations:people", lambda user: user.has_perm("organisations.manage_people")),
    ("Areas", "onboarding:areas", lambda user: user.has_perm("onboarding.list_areas")),
    ("API tokens", "api_tokens:list", lambda user: user.has_perm("organisations.manage_api_tokens")),
    ("Audit trail", "audit:search", lambda user: user.has_perm("core.search_audit")),
    ("Policy", "clocks:policy-table", lambda user: user.has_perm("clocks.edit_policy")),
    ("Jobs", "jobs:list", lambda user: user.has_perm("jobs.view")),
)


def navigation(request):
    user = getattr(request, "user", None)
    # An API client (safeguarding.api.authentication.ApiClient) is no person: it has no second factor.
    is_verified = getattr(user, "is_verified", None)
    if user is None or not user.is_authenticated or not (is_verified and is_verified()):
        return {"navigation_items": []}
    items = []
    for label, url_name, may_see in SECTIONS:
        if not may_see(user):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        current = request.path == url
        active = current or (url != reverse("core:home") and request.path.startswith(url))
        items.append({"label": label, "url": url, "current": current, "active": active})
    return {"navigation_items": items}
