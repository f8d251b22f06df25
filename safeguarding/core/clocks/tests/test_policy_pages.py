import importlib

import pytest
from django.apps import apps as django_apps

from safeguarding.core.clocks.models import ClockPolicy, PolicySetting
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def national_administrator():
    return person_with_role(Role.NATIONAL_ADMINISTRATOR)


def test_everyone_signed_in_reads_the_table(client, sign_in, area):
    sign_in(person_with_role(Role.PRACTITIONER, area))
    html = client.get("/policy/").content.decode()
    assert "Rapid inquiry decision" in html and "15 working days" in html
    assert "Change" not in html


def test_national_administrator_changes_a_clock_and_it_is_audited(client, sign_in, national_administrator):
    sign_in(national_administrator)
    response = client.post("/policy/clocks/incident-notify/", {"amount": "7", "unit": "working_days"})
    assert response["Location"] == "/policy/"
    assert ClockPolicy.objects.get(key="incident-notify").amount == 7
    event = AuditEvent.objects.get(verb="policy.clock_changed")
    assert event.data == {
        "before": {"amount": 5, "unit": "working_days"},
        "after": {"amount": 7, "unit": "working_days"},
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"amount": "", "unit": "working_days"}, "Enter the length"),
        ({"amount": "0", "unit": "working_days"}, "The length must be at least 1"),
        ({"amount": "five", "unit": "working_days"}, "The length must be a whole number"),
        ({"amount": "5", "unit": "fortnights"}, "Choose the unit from the list"),
    ],
)
def test_bad_clock_lengths_are_refused_with_the_rule(client, sign_in, national_administrator, data, message):
    sign_in(national_administrator)
    response = client.post("/policy/clocks/incident-notify/", data)
    assert message in response.content.decode()
    assert ClockPolicy.objects.get(key="incident-notify").amount == 5
    assert not AuditEvent.objects.exists()


def test_national_administrator_changes_a_threshold(client, sign_in, national_administrator):
    sign_in(national_administrator)
    client.post("/policy/settings/panel-minimum-population/", {"value": "650000"})
    assert PolicySetting.objects.get(key="panel-minimum-population").value == 650_000
    assert (
        "Enter the value" in client.post("/policy/settings/panel-minimum-population/", {"value": ""}).content.decode()
    )


def test_unknown_policy_is_not_found(client, sign_in, national_administrator):
    sign_in(national_administrator)
    assert client.get("/policy/clocks/no-such-clock/").status_code == 404


def test_lengths_of_one_are_singular_and_sources_name_no_internal_references(client, sign_in, area):
    sign_in(person_with_role(Role.PRACTITIONER, area))
    html = client.get("/policy/").content.decode()
    assert "1 month</td>" in html and "1 months" not in html
    assert "6 months</td>" in html
    assert "issue #" not in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">500,000</td>' in html


def test_the_migration_drops_internal_references_but_keeps_an_administrators_words():
    migration = importlib.import_module("safeguarding.core.clocks.migrations.0003_sources_without_internal_references")
    ClockPolicy.objects.filter(key="incident-notify").update(source="Notification within five days (issue #4)")
    ClockPolicy.objects.filter(key="nsci-report").update(source="Agreed with the issue #7 working group")
    migration.drop_internal_references(django_apps, None)
    assert ClockPolicy.objects.get(key="incident-notify").source == "Notification within five days"
    assert ClockPolicy.objects.get(key="nsci-report").source == "Agreed with the issue #7 working group"
