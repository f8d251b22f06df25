"""code_finding: national analysts code a finding against active themes of the scheme, with a version check."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.audit import AuditEvent
from safeguarding.core.concurrency import StaleEdit
from safeguarding.learning.repository.coding import suggest
from safeguarding.learning.repository.coding.actions import code_finding
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.learning.repository.models import Theme
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_models():
    suggest.forget_trained_models()


@pytest.fixture
def analyst(db):
    return person_with_role(Role.NATIONAL_ANALYST)


@pytest.fixture
def finding(db):
    entry = make_entry(findings=[("The baby was often hungry and home conditions were poor.", "Neglect not named.")])
    return entry.current_findings().get()


def _codes(finding):
    return sorted(finding.codes.values_list("theme__slug", flat=True))


def test_an_analyst_codes_a_finding_and_what_was_suggested_is_kept(analyst, finding):
    code_finding(analyst, finding, ["neglect", "voice-of-child"], finding.version)
    finding.refresh_from_db()
    assert _codes(finding) == ["neglect", "voice-of-child"]
    assert finding.coded_by == analyst and finding.coded_at is not None and finding.version == 2
    assert "neglect" in finding.suggestions_at_coding  # the keyword baseline suggested it
    flags = dict(finding.codes.values_list("theme__slug", "was_suggested"))
    assert flags == {"neglect": True, "voice-of-child": False}
    event = AuditEvent.objects.get(verb="repository.finding_coded")
    assert event.actor == analyst and event.data["codes"] == ["neglect", "voice-of-child"]


def test_coding_again_replaces_the_codes(analyst, finding):
    code(finding, "recording")
    code_finding(analyst, finding, ["neglect"], finding.version, suggestions={"neglect": 0.8})
    assert _codes(finding) == ["neglect"]
    assert finding.suggestions_at_coding == {"neglect": 0.8}
    assert AuditEvent.objects.get(verb="repository.finding_coded").data["previous_codes"] == ["recording"]


def test_a_code_outside_the_category_scheme_is_refused_by_name(analyst, finding):
    with pytest.raises(ValidationError) as refusal:
        code_finding(analyst, finding, ["neglect", "made-up-theme"], finding.version)
    assert "made-up-theme" in refusal.value.message_dict["themes"][0]
    assert _codes(finding) == [] and not AuditEvent.objects.filter(verb="repository.finding_coded").exists()


def test_a_theme_no_longer_in_use_is_refused(analyst, finding):
    Theme.objects.filter(slug="workload").update(is_active=False)
    with pytest.raises(ValidationError) as refusal:
        code_finding(analyst, finding, ["workload"], finding.version)
    assert "workload" in refusal.value.message_dict["themes"][0]


def test_at_least_one_code_is_needed(analyst, finding):
    with pytest.raises(ValidationError) as refusal:
        code_finding(analyst, finding, [], finding.version)
    assert refusal.value.message_dict["themes"] == ["Select at least one theme from the category scheme"]


def test_a_stale_version_is_refused_and_nothing_changes(analyst, finding):
    code_finding(analyst, finding, ["neglect"], finding.version)
    stale = type(finding).objects.get(pk=finding.pk)
    stale.version = 1
    with pytest.raises(StaleEdit):
        code_finding(analyst, stale, ["recording"], 1)
    assert _codes(finding) == ["neglect"]


@pytest.mark.parametrize("role", [Role.NATIONAL_ADMINISTRATOR, Role.REVIEWER, Role.AREA_ADMINISTRATOR])
def test_only_national_analysts_may_code(role, area, finding):
    with pytest.raises(PermissionDenied):
        code_finding(person_with_role(role, area), finding, ["neglect"], finding.version)
    assert _codes(finding) == []


def test_a_finding_of_a_replaced_edition_is_refused(analyst):
    earlier = make_entry(source_key="import:corrected", findings=[("First wording.", "")]).current_findings().get()
    make_entry(source_key="import:corrected", findings=[("Corrected wording.", "")])
    earlier.refresh_from_db()
    with pytest.raises(ValidationError, match="replaced"):
        code_finding(analyst, earlier, ["neglect"], earlier.version)
    assert _codes(earlier) == []
