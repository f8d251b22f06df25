"""One standing proposal per recurrence alert, and a proposal from an alert names every area its reports came from."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.nsci.actions import decision, proposal
from safeguarding.learning.nsci.models import InquirySource, NationalInquiry
from safeguarding.learning.nsci.models.inquiry import Decision
from safeguarding.learning.repository.factories import make_entry
from safeguarding.learning.repository.models import Theme

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 2)


@pytest.fixture
def alert(area):
    alert = RecurrenceAlert.objects.create(
        theme=Theme.objects.first(),
        window_start=datetime.date(2024, 11, 1),
        window_end=datetime.date(2026, 10, 31),
        report_count=4,
        area_count=3,
        minimum_reports=3,
        minimum_areas=3,
        window_months=24,
        raised_on=DAY,
    )
    # One report by an area on the platform, one known only by the name of an area that is on it too
    # (in another case), and two from areas known only by name.
    alert.entries.add(
        make_entry(area=area),
        make_entry(area_name=area.name.upper()),
        make_entry(area_name="Cumberland Safeguarding Children Partnership"),
        make_entry(area_name="Somerset Safeguarding Children Partnership"),
    )
    return alert


def _from_alert(analyst, alert, areas, **fields):
    return proposal.propose(
        analyst,
        source=InquirySource.RECURRENCE_ALERT,
        recurrence_alert=alert,
        title="Recurring learning",
        summary_of_concern="The theme recurs.",
        areas=areas,
        today=DAY,
        **fields,
    )


def test_a_second_proposal_from_the_same_alert_is_refused_naming_the_first(analyst, area, alert):
    first = _from_alert(analyst, alert, [area])
    with pytest.raises(ValidationError) as refused:
        _from_alert(analyst, alert, [area])
    assert f"already been proposed as {first.reference}" in refused.value.message_dict["recurrence_alert"][0]
    assert NationalInquiry.objects.count() == 1


def test_once_the_proposal_is_declined_the_alert_may_be_proposed_again(analyst, administrator, area, alert):
    first = _from_alert(analyst, alert, [area])
    decision.decide(administrator, first, first.version, decision=Decision.DECLINE, reasons="Not national")
    second = _from_alert(analyst, alert, [area])
    assert second.reference != first.reference


def test_the_alert_page_links_its_proposal_and_offers_no_second(client, sign_in, analyst, area, alert):
    sign_in(analyst)
    page = client.get(reverse("intelligence:alert", args=[alert.pk])).content.decode()
    assert f"{reverse('nsci:propose')}?alert={alert.pk}" in page
    inquiry = _from_alert(analyst, alert, [area])
    page = client.get(reverse("intelligence:alert", args=[alert.pk])).content.decode()
    assert f'href="{reverse("nsci:inquiry", args=[inquiry.pk])}"' in page and inquiry.reference in page
    assert f"{reverse('nsci:propose')}?alert={alert.pk}" not in page


def test_the_page_refuses_a_second_proposal_naming_the_first(client, sign_in, analyst, area, alert):
    first = _from_alert(analyst, alert, [area])
    sign_in(analyst)
    response = client.get(reverse("nsci:propose"), {"alert": alert.pk}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("nsci:inquiry", args=[first.pk])
    assert f"already been proposed as {first.reference}" in response.content.decode()
    page = client.post(
        reverse("nsci:propose"),
        {
            "source": InquirySource.RECURRENCE_ALERT,
            "recurrence_alert": alert.pk,
            "title": "Again",
            "summary_of_concern": "Again",
            "areas": [area.pk],
        },
    ).content.decode()
    assert "There is a problem" in page and first.reference in page
    assert NationalInquiry.objects.count() == 1


def test_the_areas_offered_are_the_alerts_contributing_areas(client, sign_in, analyst, area, other_area, alert):
    areas, names = proposal.contributing_areas(alert)
    assert areas == [area]
    assert names == ["Cumberland Safeguarding Children Partnership", "Somerset Safeguarding Children Partnership"]
    sign_in(analyst)
    page = client.get(reverse("nsci:propose"), {"alert": alert.pk}).content.decode()
    assert f'value="{area.pk}" checked' in page and f'value="{other_area.pk}" checked' not in page
    assert 'value="Cumberland Safeguarding Children Partnership" checked' in page
    assert 'value="Somerset Safeguarding Children Partnership" checked' in page
    response = client.post(
        reverse("nsci:propose"),
        {
            "source": InquirySource.RECURRENCE_ALERT,
            "recurrence_alert": alert.pk,
            "title": "Recurring learning",
            "summary_of_concern": "The theme recurs.",
            "areas": [area.pk],
            "named_areas": [
                "Cumberland Safeguarding Children Partnership",
                "Somerset Safeguarding Children Partnership",
            ],
        },
    )
    assert response.status_code == 302
    inquiry = NationalInquiry.objects.get()
    assert inquiry.area_count == 3
    assert inquiry.area_names == (
        f"{area.name}, Cumberland Safeguarding Children Partnership, Somerset Safeguarding Children Partnership"
    )
    assert decision.suggested_criteria(inquiry)["crosses_boundaries"]["note"] == "3 safeguarding areas are involved"


def test_only_the_alerts_own_named_areas_are_accepted(analyst, area, alert):
    with pytest.raises(ValidationError) as refused:
        _from_alert(analyst, alert, [area], named_areas=["Made-up Partnership"])
    assert "named_areas" in refused.value.message_dict
    with pytest.raises(ValidationError):
        proposal.propose(
            analyst,
            source=InquirySource.ANALYST,
            title="Own analysis",
            summary_of_concern="A pattern",
            areas=[],
            named_areas=["Somerset Safeguarding Children Partnership"],
            today=DAY,
        )
