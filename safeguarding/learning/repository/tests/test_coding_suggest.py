"""Coding suggestions: the keyword baseline until enough findings are coded, then the classifier."""

import numpy as np
import pytest

from safeguarding.jobs.models import JobRun
from safeguarding.jobs.testing import run_jobs
from safeguarding.learning.repository.coding import suggest
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.learning.repository.models import Theme, TrainedClassifier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_models():
    suggest.forget_trained_models()
    yield
    suggest.forget_trained_models()


def _coded(*findings):
    """Each (text, slugs) becomes a coded finding of its own entry."""
    for text, slugs in findings:
        entry = make_entry(findings=[(text, "")])
        code(entry.current_findings().get(), *slugs)


def test_with_nothing_coded_the_keyword_baseline_suggests_from_whole_words():
    result = suggest.suggest_themes("Police knew of coercive control. The father drank alcohol and took drugs.")
    assert result.strategy == suggest.KEYWORDS
    by_slug = {s.slug: s for s in result.items}
    assert {"domestic-abuse", "parental-substance-misuse"} <= set(by_slug)
    # A phrase of several words is stronger evidence than one word; two keywords stronger than one.
    assert by_slug["domestic-abuse"].confidence == pytest.approx(suggest.PHRASE_WEIGHT)
    assert by_slug["parental-substance-misuse"].confidence == pytest.approx(1 - (1 - suggest.WORD_WEIGHT) ** 2)
    assert all(s.strategy_label == "the keyword baseline" for s in result.items)


def test_the_baseline_does_not_match_inside_other_words():
    result = suggest.suggest_themes("They met at the drugstore near the mapping office.")
    assert "parental-substance-misuse" not in {s.slug for s in result.items}


def test_suggestions_come_best_first_with_confidences_between_0_and_1():
    result = suggest.suggest_themes(
        "Neglect: home conditions were poor and the child was hungry. A new partner had moved in."
    )
    confidences = [s.confidence for s in result.items]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0 < c <= 1 for c in confidences)
    assert result.items[0].slug == "neglect"


@pytest.fixture
def small_threshold(monkeypatch):
    monkeypatch.setattr(suggest, "MIN_CODED_FINDINGS", 8)


def _teach_a_made_up_word():
    _coded(
        *[(f"The zorblat was missing from the file on visit {n}.", ["recording"]) for n in range(4)],
        *[(f"Nobody checked the quintalope at meeting {n}.", ["training"]) for n in range(4)],
        *[
            (f"The zorblat and the quintalope were both forgotten, time {n}.", ["recording", "training"])
            for n in range(3)
        ],
        *[(f"The weather was mild and the bus was late on day {n}.", ["workload"]) for n in range(4)],
    )


def _trained():
    """What the background job does once enough is coded."""
    suggest.train_and_store()


def test_after_enough_coding_the_classifier_learns_a_made_up_word(small_threshold):
    _teach_a_made_up_word()
    _trained()
    result = suggest.suggest_themes("A zorblat appeared again.")
    assert result.strategy == suggest.CLASSIFIER
    assert result.items[0].slug == "recording"
    assert result.items[0].strategy_label == "the classifier"
    assert "recording" in result.pre_ticked()


def test_the_classifier_suggests_several_codes_for_one_finding(small_threshold):
    _teach_a_made_up_word()
    _trained()
    result = suggest.suggest_themes("The zorblat and the quintalope.")
    assert {"recording", "training"} <= result.pre_ticked()
    assert "workload" not in result.pre_ticked()


def test_below_the_minimum_the_baseline_stays_in_use(small_threshold, monkeypatch):
    monkeypatch.setattr(suggest, "MIN_CODED_FINDINGS", 100)
    _teach_a_made_up_word()
    assert suggest.train_and_store() is None
    assert suggest.suggest_themes("A zorblat appeared again.").strategy == suggest.KEYWORDS
    assert not JobRun.objects.filter(job=suggest.JOB_NAME).exists()


def test_no_request_trains_the_classifier_it_queues_the_job_instead(small_threshold):
    _teach_a_made_up_word()
    assert suggest.suggest_themes("A zorblat appeared again.").strategy == suggest.KEYWORDS
    suggest.suggest_themes("Another zorblat.")
    assert JobRun.objects.filter(job=suggest.JOB_NAME).count() == 1  # one waits; nothing trained yet
    assert not TrainedClassifier.objects.exists()

    run_jobs()
    assert TrainedClassifier.objects.count() == 1
    assert suggest.suggest_themes("A zorblat appeared again.").strategy == suggest.CLASSIFIER


def test_the_stored_model_scores_exactly_as_the_fitted_one(small_threshold):
    _teach_a_made_up_word()
    fitted = suggest.ThemeClassifier.train(suggest.training_examples())
    stored = suggest.load_classifier(suggest.train_and_store())
    texts = ["The zorblat and the quintalope.", "The bus was late.", "Nothing in common."]
    assert stored.labels == fitted.labels
    np.testing.assert_allclose(stored.probabilities(texts), fitted.probabilities(texts), rtol=1e-5, atol=1e-6)


def test_the_trained_model_is_kept_until_enough_codes_change(small_threshold, monkeypatch):
    monkeypatch.setattr(suggest, "RETRAIN_AFTER_NEW_CODES", 2)
    _teach_a_made_up_word()
    _trained()
    first = suggest.current_classifier()
    assert suggest.current_classifier() is first  # loaded once per process
    _coded(("Another zorblat went astray.", ["recording"]))
    assert suggest.classifier_job(None, None) == {"unchanged": 1}  # one new code: not worth retraining yet
    _coded(("A third zorblat went astray.", ["recording"]))
    counts = suggest.classifier_job(None, None)
    assert counts["trained on"] == first.trained_on + 2
    assert suggest.current_classifier().trained_on == first.trained_on + 2


def test_after_the_scheme_changes_the_baseline_serves_until_the_retrain(small_threshold):
    _teach_a_made_up_word()
    _trained()
    assert suggest.suggest_themes("A zorblat.").strategy == suggest.CLASSIFIER
    Theme.objects.filter(slug="workload").update(is_active=False)
    assert suggest.suggest_themes("A zorblat.").strategy == suggest.KEYWORDS
    run_jobs()
    retrained = suggest.current_classifier()
    assert retrained is not None and "workload" not in retrained.labels


def test_themes_with_too_few_examples_are_not_learned(small_threshold):
    _teach_a_made_up_word()
    _coded(("Something about radicalisation once.", ["radicalisation"]))
    _trained()
    assert "radicalisation" not in suggest.current_classifier().labels


def test_the_stacked_regressions_give_what_predict_proba_gives():
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer

    examples = [
        *[(f"zorblat record {n}", ["recording"]) for n in range(4)],
        *[(f"quintalope course {n}", ["training"]) for n in range(4)],
        *[(f"zorblat quintalope {n}", ["recording", "training"]) for n in range(3)],
    ]
    classifier = suggest.ThemeClassifier.train(examples)
    features = classifier.vectoriser.transform([text for text, _ in examples])
    targets = MultiLabelBinarizer(classes=classifier.labels).fit_transform([slugs for _, slugs in examples])
    reference = OneVsRestClassifier(LogisticRegression(C=10.0, class_weight="balanced", solver="liblinear"))
    reference.fit(features, targets)
    texts = ["a zorblat", "the quintalope and the zorblat", "nothing known"]
    expected = reference.predict_proba(classifier.vectoriser.transform(texts))
    assert classifier.probabilities(texts) == pytest.approx(expected)
