import re

import pytest

from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role


def _navigation_labels(html):
    menu = html.split('id="navigation"', 1)[1].split("</ul>", 1)[0]
    return [
        re.sub(r"<[^>]+>", "", label).strip()
        for label in re.findall(r'navigation__link" href="[^"]+"[^>]*>(.*?)</a>', menu)
    ]


EVERYONE_SEES = ["Home", "Arrangements", "Children", "Serious incidents", "Child deaths"]
# The national body's sections; coding is for analysts only.
NATIONAL_LEARNING = ["National learning", "Intelligence", "National inquiries", "Reviewers", "National reports"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.PRACTITIONER, EVERYONE_SEES),
        (
            Role.AREA_ADMINISTRATOR,
            [
                "Home",
                "Arrangements",
                "Children",
                "Serious incidents",
                "Child deaths",
                "People",
                "Areas",
                "API tokens",
                "Audit trail",
            ],
        ),
        (
            Role.NATIONAL_ADMINISTRATOR,
            [
                *EVERYONE_SEES,
                "Child mortality",
                *NATIONAL_LEARNING,
                "People",
                "Areas",
                "API tokens",
                "Audit trail",
                "Policy",
                "Jobs",
            ],
        ),
        (
            Role.NATIONAL_ANALYST,
            [*EVERYONE_SEES, "Child mortality", "National learning", "Coding", *NATIONAL_LEARNING[1:]],
        ),
    ],
)
def test_navigation_shows_only_sections_the_person_can_use(client, sign_in, area, role, expected):
    sign_in(person_with_role(role, area))
    html = client.get("/home/").content.decode()
    # Every signed-in person also has the link to their notifications, after the sections.
    assert _navigation_labels(html) == [*expected, "Notifications"]
    assert 'aria-current="page"' in html


@pytest.mark.django_db
def test_no_navigation_before_the_second_factor(client, sign_in, area):
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area), second_factor=False)
    html = client.get("/").content.decode()
    assert "Audit trail" not in html
