"""Retraining the linkage model on the national table: a new version, audited; no decision changes."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from safeguarding.core.models import AuditEvent

from ..actions.linkage import confirm_link, reject_link
from ..actions.linkage_models import current_model, retrain_linkage_model
from ..factories import notify
from ..linkage import synthetic
from ..models import LinkageModelVersion, LinkCandidate

pytestmark = pytest.mark.django_db

NO_NHS = {"nhs_number": "", "nhs_number_unavailable_reason": "Not known at the scene"}


def _national_table(area, count):
    """`count` synthetic notifications through the real notification action (none with an NHS number)."""
    for _death, raw in synthetic.national_notifications(count, seed=4, years=2):
        if raw["date_of_birth"] is None or raw["date_of_birth"] > raw["date_of_death"]:
            continue
        notify(area, **{**raw, "postcode": raw["postcode"] or "", **NO_NHS})


def test_retraining_adds_a_version_and_changes_no_decision(area, panel_manager):
    default, _model = current_model()
    _national_table(area, 200)
    proposals = list(LinkCandidate.objects.order_by("pk"))
    assert len(proposals) >= 3 and all(p.model_id == default.pk for p in proposals)
    confirmed, rejected = proposals[0], proposals[1]
    confirm_link(panel_manager, confirmed)
    reject_link(panel_manager, rejected, "Different children: the school knows both")
    before = {p.pk: (p.decision, p.model_id, p.score, p.probability, p.reasons) for p in LinkCandidate.objects.all()}

    trained = retrain_linkage_model(minimum=150, max_u_pairs=1e5)

    assert trained.version == default.version + 1 and trained.source == LinkageModelVersion.Source.TRAINED
    assert current_model()[0] == trained
    event = AuditEvent.objects.get(verb="child_death.linkage.model_stored", data__version=trained.version)
    assert event.data["records"] == trained.records > 150
    assert event.data["prior"] == trained.summary["prior"]
    assert "Hartig" not in str(trained.stored.parameters)
    # The batch with the new model leaves every proposal, confirmed and rejected pair as it was.
    call_command("dedupe_death_notifications", stdout=StringIO())
    for candidate in LinkCandidate.objects.filter(pk__in=before):
        assert before[candidate.pk] == (
            candidate.decision,
            candidate.model_id,
            candidate.score,
            candidate.probability,
            candidate.reasons,
        )
    # What it proposes now is recorded as scored by the new version.
    assert all(c.model_id == trained.pk for c in LinkCandidate.objects.exclude(pk__in=before))
    # Newly arriving notifications are scored by it too.
    notify(area, **another_notification_of(rejected))
    newest = LinkCandidate.objects.order_by("-pk").first()
    assert newest.model == trained and newest.reasons["model_version"] == trained.version


def another_notification_of(candidate):
    """The identity of a proposal's notification, notified again (without NHS number)."""
    details = candidate.notification.child.unseal()
    return {
        "given_names": details["given_names"],
        "family_name": details["family_name"],
        "date_of_birth": datetime.date.fromisoformat(details["date_of_birth"]),
        "address": details["address"],
        "postcode": details["postcode"],
        "date_of_death": candidate.notification.date_of_death,
        "sex": candidate.notification.sex,
        **NO_NHS,
    }


def test_retraining_is_refused_while_the_national_table_is_small(area):
    notify(area)
    with pytest.raises(CommandError, match="training needs at least 5000"):
        call_command("train_linkage_model", stdout=StringIO())
    assert LinkageModelVersion.objects.count() == 1  # the shipped default, installed on first use
    assert not AuditEvent.objects.filter(verb="child_death.linkage.model_stored", data__source="trained").exists()


def test_the_monthly_job_retrains_once_the_table_is_big_enough(area, monkeypatch):
    from safeguarding.child_deaths.actions import linkage_models
    from safeguarding.jobs.models import JobRun, RunStatus
    from safeguarding.jobs.runs import start_run
    from safeguarding.jobs.testing import run_jobs

    default, _model = current_model()
    _national_table(area, 200)
    start_run("linkage-model", "2026-11")
    run_jobs()
    too_few = JobRun.objects.get(job="linkage-model", period="2026-11")
    assert too_few.status == RunStatus.SUCCEEDED and too_few.counts["trained"] == 0
    assert current_model()[0] == default  # the model in force stays

    monkeypatch.setattr(linkage_models, "MINIMUM_TRAINING_NOTIFICATIONS", 150)
    start_run("linkage-model", "2026-12")
    run_jobs()
    trained = JobRun.objects.get(job="linkage-model", period="2026-12")
    assert trained.status == RunStatus.SUCCEEDED, trained.error
    assert trained.counts["trained"] == 1 and trained.counts["version"] == default.version + 1
    assert current_model()[0].version == default.version + 1


def test_a_trained_model_the_code_no_longer_fits_gives_way_to_the_shipped_default(area, panel_manager):
    """A release that changes the comparisons leaves a trained model that cannot score: the shipped
    default is stored as the next version and scores, instead of every notification failing."""
    from safeguarding.child_deaths.actions import linkage_models

    _national_table(area, 200)
    trained = retrain_linkage_model(minimum=150, max_u_pairs=1e5)
    parameters = trained.stored.parameters
    address = next(c for c in parameters["splink_settings"]["comparisons"] if c["output_column_name"] == "address")
    address["comparison_levels"] = address["comparison_levels"][:3] + address["comparison_levels"][-1:]
    trained.stored.parameters = parameters
    trained.stored.save(update_fields=["parameters"])
    linkage_models._default_checked.clear()
    linkage_models._cache.clear()

    version, model = current_model()

    assert version.version == trained.version + 1 and version.source == LinkageModelVersion.Source.DEFAULT
    assert model.levels["address"]  # it scores with the code's comparisons
    event = AuditEvent.objects.get(verb="child_death.linkage.model_stored", data__version=version.version)
    assert event.data["replaces_stale_version"] == trained.version
    # A notification still finds its match, scored by the default.
    candidate = LinkCandidate.objects.order_by("pk").first()
    notify(area, **another_notification_of(candidate))
    newest = LinkCandidate.objects.order_by("-pk").first()
    assert newest.model == version
    # Asked again, nothing more is stored: the default in force fits.
    linkage_models._default_checked.clear()
    assert current_model()[0] == version
