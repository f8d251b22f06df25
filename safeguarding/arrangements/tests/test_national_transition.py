"""The national transition table: every area's state, local authorities in no area, CSV, deadline."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.arrangements.actions import drafts
from safeguarding.arrangements.actions.tracking import set_deadline
from safeguarding.arrangements.factories import complete_draft, local_authority, partnership
from safeguarding.arrangements.models import TransitionDeadline
from safeguarding.arrangements.national import transition_table
from safeguarding.arrangements.transition import TransitionState
from safeguarding.organisations.factories import SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Region, Role

from .helpers import published_version

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)


@pytest.fixture
def england():
    """Five areas, one in each state, in two regions; and one authority in no area."""
    north = Region.objects.create(code="E12000001", name="North East")
    south = Region.objects.create(code="E12000009", name="South West")
    areas = {}
    for index, (state, region) in enumerate(
        [("none", north), ("draft", north), ("awaiting", south), ("published", south)], start=1
    ):
        area = SafeguardingAreaFactory(name=f"{state.title()} Partnership", slug=f"{state}-area")
        area.local_authorities.add(local_authority(f"E0600000{index}", f"{state.title()} Council", region))
        areas[state] = area
    local_authority("E06000009", "Unformed Council", south)
    draft_partners = partnership(areas["draft"])
    drafts.start_draft(draft_partners.administrator, areas["draft"])
    awaiting_partners = partnership(areas["awaiting"])
    complete_draft(awaiting_partners.administrator, areas["awaiting"])
    published_version(partnership(areas["published"]))
    return areas


def _states(rows):
    return {row.area.slug: row.standing.state for row in rows}


def test_each_area_has_its_state_before_the_deadline(england):
    rows, _, summary, unformed = transition_table(datetime.date(2027, 3, 31), TODAY)
    assert _states(rows) == {
        "none-area": TransitionState.NONE,
        "draft-area": TransitionState.DRAFT,
        "awaiting-area": TransitionState.AWAITING_SIGN_OFF,
        "published-area": TransitionState.PUBLISHED,
    }
    assert dict(summary) == {
        "No arrangements": 1,
        "Draft": 1,
        "Awaiting sign-off": 1,
        "Published": 1,
        "Overdue": 0,
    }
    assert unformed == 1


def test_past_the_deadline_every_unpublished_area_is_overdue(england):
    rows, _, _, _ = transition_table(datetime.date(2026, 9, 29), TODAY)
    states = _states(rows)
    assert states.pop("published-area") == TransitionState.PUBLISHED
    assert set(states.values()) == {TransitionState.OVERDUE}


def test_regions_group_areas_and_authorities_with_no_area(england):
    _, groups, _, _ = transition_table(None, TODAY)
    by_name = {group.region.name: group for group in groups}
    assert [row.area.slug for row in by_name["North East"].areas] == ["draft-area", "none-area"]
    assert [la.name for la in by_name["South West"].unformed] == ["Unformed Council"]
    assert by_name["South West"].counts[TransitionState.PUBLISHED] == 1


def test_national_page_and_csv(client, sign_in, england):
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    sign_in(analyst)
    page = client.get(reverse("arrangements:national-transition")).content.decode()
    assert "Awaiting sign-off" in page and "Unformed Council" in page and "No area formed" in page
    response = client.get(reverse("arrangements:national-transition-csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Area", "Regions", "Local authorities", "State", "Published on", "Draft version"]
    assert ["Draft Partnership", "North East", "Draft Council (E06000002)", "Draft", "", "1"] in rows
    assert ["No area formed", "South West", "Unformed Council (E06000009)", "No area formed", "", ""] in rows


def test_csv_neutralises_formulas_in_area_names(client, sign_in, england):
    area = england["none"]
    area.name = '=HYPERLINK("http://evil.example")'
    area.save()
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    body = b"".join(client.get(reverse("arrangements:national-transition-csv")).streaming_content).decode()
    assert "'=HYPERLINK" in body
    assert "\n=HYPERLINK" not in body


def test_a_deadline_in_the_past_is_refused():
    admin = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    with pytest.raises(ValidationError) as refused:
        set_deadline(admin, deadline=datetime.date(2026, 11, 25), today=TODAY)
    assert refused.value.message_dict == {"deadline": ["The deadline must be today or a date in the future"]}
    assert not TransitionDeadline.objects.exists()


def test_only_national_administrators_set_the_deadline(area):
    with pytest.raises(PermissionDenied):
        set_deadline(person_with_role(Role.NATIONAL_ANALYST), deadline=datetime.date(2027, 3, 31), today=TODAY)
    with pytest.raises(PermissionDenied):
        set_deadline(person_with_role(Role.AREA_ADMINISTRATOR, area), deadline=datetime.date(2027, 3, 31), today=TODAY)


def test_deadline_form_sets_the_latest_deadline(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    url = reverse("arrangements:national-deadline")
    past = client.post(url, {"deadline_0": "1", "deadline_1": "1", "deadline_2": "2020"})
    assert "The deadline must be today or a date in the future" in past.content.decode()
    response = client.post(url, {"deadline_0": "31", "deadline_1": "3", "deadline_2": "2030", "note": "Regulations"})
    assert response.status_code == 302
    assert TransitionDeadline.current().deadline == datetime.date(2030, 3, 31)
