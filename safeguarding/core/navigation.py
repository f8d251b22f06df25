"""The service navigation: the sections a signed-in person may use, in one row.

Sections of one kind (the national learning framework's pages, the administration pages) are grouped under
one item, so that the navigation stays on one row even for a national administrator, who may use every
section. The group's item leads to its first section the person may use; on the pages of a group, a
sub-navigation lists the group's sections. A group the person may use only one section of shows that
section itself.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from . import permissions


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    may_see: object  # user -> bool


@dataclass(frozen=True)
class Group:
    label: str
    sections: tuple


def _member(user):
    return bool(permissions.memberships(user))


def _perm(name):
    return lambda user: user.has_perm(name)


# A section appears only for people who can use it, so the navigation never points at a page that would
# answer 404.
NAVIGATION = (
    Section("Home", "core:home", lambda user: True),
    Section("Arrangements", "arrangements:areas", _member),
    Section("Children", "identity:child-list", _member),
    Section("Serious incidents", "incidents:list", _member),
    Section("Child deaths", "child_deaths:cases", _member),
    # The national body's work across both pillars: what reviews and child deaths teach, nationally.
    Group(
        "National learning",
        (
            Section("Repository", "repository:national-search", _perm("repository.search_national")),
            Section("Coding", "coding:queue", _perm("repository.code_findings")),
            Section("Intelligence", "intelligence:dashboard", _perm("intelligence.view")),
            Section("National inquiries", "nsci:list", _perm("nsci.view")),
            Section("Reviewers", "reviewers:list", _perm("reviewers.view_register")),
            Section("National reports", "national_reports:list", _perm("national_reports.view")),
            Section("Child mortality", "mortality:dashboard", _perm("mortality.view_analysis")),
        ),
    ),
    Group(
        "Administration",
        (
            Section("People", "organisations:people", _perm("organisations.manage_people")),
            Section("Areas", "onboarding:areas", _perm("onboarding.list_areas")),
            Section("API tokens", "api_tokens:list", _perm("organisations.manage_api_tokens")),
            Section("Audit trail", "audit:search", _perm("core.search_audit")),
            Section("Policy", "clocks:policy-table", _perm("clocks.edit_policy")),
            Section("Jobs", "jobs:list", _perm("jobs.view")),
        ),
    ),
)


def _item(section, user, path, home_url):
    if not section.may_see(user):
        return None
    try:
        url = reverse(section.url_name)
    except NoReverseMatch:
        return None
    current = path == url
    active = current or (url != home_url and path.startswith(url))
    return {"label": section.label, "url": url, "current": current, "active": active}


def navigation(request):
    user = getattr(request, "user", None)
    # An API client (safeguarding.api.authentication.ApiClient) is no person: it has no second factor.
    is_verified = getattr(user, "is_verified", None)
    if user is None or not user.is_authenticated or not (is_verified and is_verified()):
        return {"navigation_items": [], "sub_navigation": None}
    home_url = reverse("core:home")
    items = []
    sub_navigation = None
    for entry in NAVIGATION:
        if isinstance(entry, Section):
            item = _item(entry, user, request.path, home_url)
            if item:
                items.append(item)
            continue
        children = [item for section in entry.sections if (item := _item(section, user, request.path, home_url))]
        if len(children) == 1:
            items.append(children[0])
            continue
        if not children:
            continue
        active = any(child["active"] for child in children)
        items.append({"label": entry.label, "url": children[0]["url"], "current": False, "active": active})
        if active:
            sub_navigation = {"label": entry.label, "items": children}
    return {"navigation_items": items, "sub_navigation": sub_navigation}
