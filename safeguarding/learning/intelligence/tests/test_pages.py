"""The intelligence pages through the test client: what national roles see, and the alert's actions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguarding.core.models import AuditEvent
from safeguarding.jobs.models import JobRun
from safeguarding.jobs.testing import run_jobs
from safeguarding.learning.intelligence import similarity
from safeguarding.learning.intelligence.models import AlertStatus, RecurrenceAlert
from safeguarding.learning.intelligence.recurrence import detect
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Region, Role

from .builders import coded_report, reports_across_areas
from .test_repetition import PARAPHRASES

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(sign_in):
    user = person_with_role(Role.NATIONAL_ANALYST)
    sign_in(user)
    return user


@pytest.fixture
def administrator(sign_in):
    user = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    sign_in(user)
    return user


def _recent(days=30):
    return timezone.localdate() - datetime.timedelta(days=days)


def test_every_page_has_an_empty_state(client, analyst):
    dashboard = client.get(reverse("intelligence:dashboard")).content.decode()
    assert "There are no open recurrence alerts." in dashboard
    assert "No coded findings in reports published in this period" in dashboard
    assert "No recommendations in reports published in this period." in dashboard
    assert "There are no recurrence alerts." in client.get(reverse("intelligence:alerts")).content.decode()
    repeated = client.get(reverse("intelligence:repetition")).content.decode()
    assert "No recommendations in reports published in this period." in repeated


def test_the_dashboard_counts_themes_draws_a_chart_and_follows_the_leading_theme(client, analyst):
    for index, text in enumerate(PARAPHRASES):
        coded_report(f"Area {index}", _recent(), "information-sharing", recommendations=(text,))
    coded_report("Area 9", _recent(), "neglect")

    page = client.get(reverse("intelligence:dashboard")).content.decode()

    assert "<svg" in page and 'role="img"' in page
    assert "Information sharing" in page or "information sharing" in page.lower()
    assert "over the years" in page  # the trend of the theme in most reports
    assert "/learning/reports/NLR-" in page  # links to the repository entries
    assert "Repetition index per theme" in page
    assert "have a near-duplicate in another area&#x27;s report" in page or "another area's report" in page


def test_the_region_and_period_filters_apply_and_bad_choices_are_named(client, analyst):
    north = Region.objects.create(code="E12000001", name="North East")
    coded_report("Area A", _recent(), "neglect", region=north)
    coded_report("Area B", _recent(), "domestic-abuse")

    page = client.get(reverse("intelligence:dashboard"), {"region": north.pk}).content.decode()
    assert "Neglect" in page and "Domestic abuse" not in page.split("Themes,")[1].split("over the years")[0]

    old = client.get(reverse("intelligence:dashboard"), {"period": f"year-{_recent().year - 5}"}).content.decode()
    assert "Choose a period from the list" in old  # no coded finding that year, so not offered
    assert client.get(reverse("intelligence:dashboard"), {"period": "all"}).status_code == 200
    followed = client.get(reverse("intelligence:dashboard"), {"theme": "domestic-abuse"}).content.decode()
    assert "Domestic abuse over the years" in followed


def test_an_analyst_checks_for_recurrence_and_dismisses_an_alert(client, analyst):
    reports_across_areas("neglect", reports=5, areas=3, published_on=_recent())

    response = client.post(reverse("intelligence:check"), follow=True)
    assert "1 new recurrence alert, 0 open alerts updated" in response.content.decode()
    alert = RecurrenceAlert.objects.get()

    page = client.get(reverse("intelligence:alert", args=[alert.pk])).content.decode()
    assert f"/national-inquiries/propose/?alert={alert.pk}" in page
    assert f"({alert.window_months} months)" in page
    assert "Why the alert was raised" in page and "No earlier reports" in page and "judged as a new theme" in page
    RecurrenceAlert.objects.filter(pk=alert.pk).update(window_months=1)
    assert "(1 month)" in client.get(reverse("intelligence:alert", args=[alert.pk])).content.decode()
    assert page.count("/learning/reports/NLR-") == 5

    refused = client.post(reverse("intelligence:alert", args=[alert.pk]), {"reason": "", "version": alert.version})
    assert "Enter why this alert needs no national inquiry" in refused.content.decode()

    stale = client.post(reverse("intelligence:alert", args=[alert.pk]), {"reason": "Covered", "version": 9})
    assert "Someone else saved this record" in stale.content.decode()

    done = client.post(
        reverse("intelligence:alert", args=[alert.pk]), {"reason": "Covered", "version": alert.version}, follow=True
    )
    assert "Alert on Neglect dismissed" in done.content.decode()
    alert.refresh_from_db()
    assert alert.status == AlertStatus.DISMISSED
    assert AuditEvent.objects.filter(verb="intelligence.alert_dismissed").count() == 1
    listed = client.get(reverse("intelligence:alerts"), {"status": "dismissed"}).content.decode()
    assert "Neglect" in listed


def test_an_administrator_sees_alerts_but_cannot_check_or_dismiss(client, administrator):
    reports_across_areas("neglect", reports=5, areas=3, published_on=_recent())
    alert = detect(timezone.localdate()).raised[0]

    page = client.get(reverse("intelligence:alert", args=[alert.pk])).content.decode()
    assert "Dismiss the alert" not in page and "Check for recurrence now" not in page
    assert client.post(reverse("intelligence:check")).status_code == 404
    response = client.post(reverse("intelligence:alert", args=[alert.pk]), {"reason": "No", "version": 1})
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["intelligence:dashboard", "intelligence:alerts", "intelligence:repetition"])
def test_area_people_and_anonymous_visitors_are_refused(client, sign_in, area, name):
    assert client.get(reverse(name)).status_code == 302
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area))
    assert client.get(reverse(name)).status_code == 404


def test_the_repeated_recommendations_page_shows_clusters_with_example_areas_and_years(client, analyst):
    for index, text in enumerate(PARAPHRASES):
        coded_report(f"Area {index}", _recent(), "information-sharing", recommendations=(text,))
    similarity.refresh()

    page = client.get(reverse("intelligence:repetition")).content.decode()

    assert "4 recommendations from 4 areas" in page
    assert "Similarities were last computed on 26 November 2026" in page
    assert any(f"“{text}”" in page for text in PARAPHRASES)


def test_before_any_comparison_the_page_says_so_and_starts_one_in_the_background(client, analyst):
    for index, text in enumerate(PARAPHRASES):
        coded_report(f"Area {index}", _recent(), "information-sharing", recommendations=(text,))

    page = client.get(reverse("intelligence:repetition")).content.decode()
    assert "Similarities between recommendations have not been computed yet" in page
    client.get(reverse("intelligence:dashboard"))
    assert JobRun.objects.filter(job=similarity.JOB_NAME).count() == 1  # one waits; a second view adds none

    assert run_jobs() >= 1
    page = client.get(reverse("intelligence:repetition")).content.decode()
    assert "4 recommendations from 4 areas" in page


def test_a_report_arriving_queues_one_comparison(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        coded_report("Area A", _recent(), "information-sharing", recommendations=(PARAPHRASES[0],))
    with django_capture_on_commit_callbacks(execute=True):
        coded_report("Area B", _recent(), "information-sharing", recommendations=(PARAPHRASES[3],))
    assert JobRun.objects.filter(job=similarity.JOB_NAME).count() == 1

    run_jobs()
    comparison = similarity.latest()
    assert (comparison.recommendations, comparison.pairs) == (2, 1)
    run = JobRun.objects.get(job=similarity.JOB_NAME)
    assert run.counts == {"texts": 2, "pairs": 1, "seconds": comparison.seconds}
