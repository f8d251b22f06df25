import re
from types import SimpleNamespace

import pytest

from safeguarding.core import navigation
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role


def _navigation_labels(html):
    menu = html.split('id="navigation"', 1)[1].split("</ul>", 1)[0]
    return [
        re.sub(r"<[^>]+>", "", label).strip()
        for label in re.findall(r'navigation__link" href="[^"]+"[^>]*>(.*?)</a>', menu)
    ]


EVERYONE_SEES = ["Home", "Arrangements", "Children", "Serious incidents", "Child deaths"]


def _sub_navigation(html):
    """(label of the sub-navigation, [(link text, aria-current or None)]) or None when the page has none."""
    found = re.search(r'<nav class="app-sub-navigation" aria-label="([^"]+)">(.*?)</nav>', html, re.DOTALL)
    if not found:
        return None
    links = re.findall(
        r'<a class="[^"]*app-sub-navigation__link" href="[^"]+"(?: aria-current="(\w+)")?>(.*?)</a>', found[2]
    )
    return found[1], [(label.strip(), current or None) for current, label in links]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.PRACTITIONER, EVERYONE_SEES),
        # An area administrator may use three administration pages: one "Administration" item leads to them.
        (Role.AREA_ADMINISTRATOR, [*EVERYONE_SEES, "Administration"]),
        # Sixteen sections in seven items, one row: the national ones grouped.
        (Role.NATIONAL_ADMINISTRATOR, [*EVERYONE_SEES, "National learning", "Administration"]),
        (Role.NATIONAL_ANALYST, [*EVERYONE_SEES, "National learning"]),
    ],
)
def test_navigation_shows_only_sections_the_person_can_use(client, sign_in, area, role, expected):
    sign_in(person_with_role(role, area))
    html = client.get("/home/").content.decode()
    assert _navigation_labels(html) == expected
    # Every signed-in person's own links are in the header, apart from the service's sections.
    account = html.split('aria-label="Your account"', 1)[1].split("</nav>", 1)[0]
    assert ">Notifications</a>" in account and ">Sign out</button>" in account
    assert 'aria-current="page"' in html
    # Home belongs to no group, so it has no sub-navigation.
    assert _sub_navigation(html) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "path", "group", "sections", "current"),
    [
        (
            Role.NATIONAL_ADMINISTRATOR,
            "/reviewers/",
            "National learning",
            ["Repository", "Intelligence", "National inquiries", "Reviewers", "National reports", "Child mortality"],
            "Reviewers",
        ),
        # Coding is for analysts only.
        (
            Role.NATIONAL_ANALYST,
            "/learning/coding/",
            "National learning",
            [
                "Repository",
                "Coding",
                "Intelligence",
                "National inquiries",
                "Reviewers",
                "National reports",
                "Child mortality",
            ],
            "Coding",
        ),
        (
            Role.NATIONAL_ADMINISTRATOR,
            "/jobs/",
            "Administration",
            ["People", "Areas", "API tokens", "Audit trail", "Policy", "Jobs"],
            "Jobs",
        ),
        (
            Role.AREA_ADMINISTRATOR,
            "/audit/",
            "Administration",
            ["People", "Areas", "API tokens", "Audit trail"],
            "Audit trail",
        ),
    ],
)
def test_a_groups_pages_show_its_sections_and_mark_the_active_one(
    client, sign_in, area, role, path, group, sections, current
):
    sign_in(person_with_role(role, area))
    html = client.get(path).content.decode()
    menu = html.split('id="navigation"', 1)[1].split("</ul>", 1)[0]
    # The group's item in the service navigation is marked as the section the page is in.
    assert re.search(rf'aria-current="true"><strong[^>]*>{group}</strong>', menu)
    label, links = _sub_navigation(html)
    assert label == group
    assert [text for text, _ in links] == sections
    assert [text for text, marked in links if marked == "page"] == [current]


def test_a_group_of_one_usable_section_shows_that_section(rf, monkeypatch):
    """Someone who may use only the audit trail of the administration pages sees "Audit trail" itself."""
    monkeypatch.setattr(
        navigation,
        "NAVIGATION",
        (
            navigation.Section("Home", "core:home", lambda user: True),
            navigation.Group(
                "Administration",
                (
                    navigation.Section("People", "organisations:people", lambda user: False),
                    navigation.Section("Audit trail", "audit:search", lambda user: True),
                ),
            ),
        ),
    )
    request = rf.get("/audit/")
    request.user = SimpleNamespace(is_authenticated=True, is_verified=lambda: True)

    context = navigation.navigation(request)

    assert [(item["label"], item["current"]) for item in context["navigation_items"]] == [
        ("Home", False),
        ("Audit trail", True),
    ]
    assert context["sub_navigation"] is None


@pytest.mark.django_db
def test_no_navigation_before_the_second_factor(client, sign_in, area):
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area), second_factor=False)
    html = client.get("/").content.decode()
    assert "Audit trail" not in html
