"""Suggested codes for a finding, from its text, each with a confidence from 0 to 1, best first.

Two strategies behind `suggest_themes`:
- the keyword baseline: each theme's keywords (the category scheme's data) found in the text as whole
  words or phrases; used until enough findings have been coded to learn from;
- the classifier: TF-IDF of words and word pairs with one logistic regression per theme (one-vs-rest, so
  a finding can carry several codes), trained on the coded findings; its confidence is the regression's
  probability.

The classifier is trained by a background job (the "coding-classifier" job: nightly, and queued when the
coding has moved on) and stored as plain numbers (models/classifiers.py), never trained in a request: each
web process loads the newest stored model once. Not a pickle, because loading a pickle runs whatever it holds.
"""

import re
import threading
import time
from dataclasses import dataclass, field

import numpy as np
from django.db import transaction
from django.db.models import Count, F
from scipy.special import expit

from ..models import FindingTheme, RepositoryFinding, Theme, TrainedClassifier

KEYWORDS = "keywords"
CLASSIFIER = "classifier"
STRATEGY_LABELS = {KEYWORDS: "the keyword baseline", CLASSIFIER: "the classifier"}

# The classifier takes over once this many findings are coded...
MIN_CODED_FINDINGS = 200
# ...and learns only the themes with at least this many coded examples.
MIN_EXAMPLES_PER_THEME = 3
# Suggestions at or above this confidence are ticked in advance on the coding page.
PRE_TICK_THRESHOLD = 0.5
# Suggestions below this are not worth showing.
SHOW_THRESHOLD = 0.1
MAX_SUGGESTIONS = 8
# The stored classifier is retrained (by a background job) once this many codes have been added or removed.
RETRAIN_AFTER_NEW_CODES = 25
VECTORISER_SETTINGS = {"ngram_range": (1, 2), "sublinear_tf": True, "strip_accents": "unicode"}
# Baseline: each distinct keyword found adds evidence; a phrase of several words is stronger evidence.
WORD_WEIGHT, PHRASE_WEIGHT = 0.4, 0.55


@dataclass(frozen=True)
class Suggestion:
    slug: str
    confidence: float
    strategy: str

    @property
    def percent(self):
        return round(self.confidence * 100)

    @property
    def strategy_label(self):
        return STRATEGY_LABELS[self.strategy]


@dataclass
class Suggestions:
    strategy: str
    items: list = field(default_factory=list)

    def as_dict(self):
        return {item.slug: round(item.confidence, 4) for item in self.items}

    def pre_ticked(self):
        return {item.slug for item in self.items if item.confidence >= PRE_TICK_THRESHOLD}


# --- keyword baseline -------------------------------------------------------------------------------------


def _pattern(keyword):
    # Whole words or phrases, with a plain plural ("drug" finds "drugs", not "drugstore").
    return re.compile(r"(?<!\w)" + re.escape(keyword) + r"(?:s|es)?(?!\w)")


@dataclass(frozen=True)
class KeywordBaseline:
    # [(slug, [(compiled pattern, weight)])]
    themes: tuple

    @classmethod
    def from_themes(cls, themes):
        """`themes`: [(slug, [keyword, ...])]."""
        return cls(
            tuple(
                (slug, tuple((_pattern(k), PHRASE_WEIGHT if " " in k else WORD_WEIGHT) for k in keywords))
                for slug, keywords in themes
            )
        )

    def suggest(self, text):
        text = text.lower()
        found = []
        for slug, patterns in self.themes:
            doubt = 1.0
            for pattern, weight in patterns:
                if pattern.search(text):
                    doubt *= 1 - weight
            if doubt < 1.0:
                found.append(Suggestion(slug, 1 - doubt, KEYWORDS))
        return _best_first(found)


# --- classifier -------------------------------------------------------------------------------------------


@dataclass
class ThemeClassifier:
    vectoriser: object
    # One row of weights and one intercept per label: the fitted regressions, stacked so that one matrix
    # product scores every theme (predict_proba of the one-vs-rest wrapper loops over them, ten times slower).
    weights: object
    intercepts: object
    labels: list
    trained_on: int
    training_seconds: float

    @classmethod
    def train(cls, examples):
        """`examples`: [(text, [slug, ...])]. Learns the themes with enough examples; None if under two do."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.preprocessing import MultiLabelBinarizer

        started = time.perf_counter()
        counts = {}
        for _text, slugs in examples:
            for slug in set(slugs):
                counts[slug] = counts.get(slug, 0) + 1
        learnable = sorted(slug for slug, n in counts.items() if MIN_EXAMPLES_PER_THEME <= n < len(examples))
        if len(learnable) < 2:
            return None
        binarizer = MultiLabelBinarizer(classes=learnable)
        targets = binarizer.fit_transform([[s for s in slugs if s in learnable] for _text, slugs in examples])
        vectoriser = TfidfVectorizer(**VECTORISER_SETTINGS)
        features = vectoriser.fit_transform([text for text, _slugs in examples])
        # liblinear: six times faster than lbfgs here for the same accuracy (benchmarks/coding_suggestions.py).
        regressions = OneVsRestClassifier(LogisticRegression(C=10.0, class_weight="balanced", solver="liblinear"))
        regressions.fit(features, targets)
        weights = np.vstack([estimator.coef_ for estimator in regressions.estimators_])
        intercepts = np.concatenate([estimator.intercept_ for estimator in regressions.estimators_])
        return cls(vectoriser, weights, intercepts, learnable, len(examples), time.perf_counter() - started)

    def suggest(self, text):
        return self.suggest_many([text])[0]

    def suggest_many(self, texts):
        """One list of suggestions per text, in one pass (the queue suggests for a whole page at once)."""
        if not texts:
            return []
        return [
            _best_first(
                [
                    Suggestion(slug, float(p), CLASSIFIER)
                    for slug, p in zip(self.labels, probabilities, strict=True)
                    if p >= SHOW_THRESHOLD
                ]
            )
            for probabilities in self.probabilities(texts)
        ]

    def probabilities(self, texts):
        """The regressions' probability of each label (what predict_proba gives, computed in one product)."""
        scores = self.vectoriser.transform(list(texts)) @ self.weights.T + self.intercepts
        return expit(np.asarray(scores))


def _best_first(found):
    return sorted(found, key=lambda s: (-s.confidence, s.slug))[:MAX_SUGGESTIONS]


# --- what the platform uses -------------------------------------------------------------------------------

JOB_NAME = "coding-classifier"
_lock = threading.Lock()
_cache = {}


def coded_findings():
    """The coded findings of current editions: what the classifier learns from."""
    return RepositoryFinding.objects.filter(coded_at__isnull=False, edition=F("entry__edition"))


def training_examples(findings=None):
    findings = coded_findings() if findings is None else findings
    codes = {}
    for finding_id, slug in findings.filter(codes__theme__is_active=True).values_list("pk", "codes__theme__slug"):
        codes.setdefault(finding_id, []).append(slug)
    texts = findings.values_list("pk", "what_happened", "why")
    return [(f"{what}\n{why}".strip(), codes[pk]) for pk, what, why in texts if pk in codes]


def keyword_baseline():
    themes = Theme.objects.filter(is_active=True).order_by("group__position", "position")
    key = ("baseline", tuple(themes.values_list("slug", "keywords")))
    with _lock:
        if key not in _cache:
            _cache[key] = KeywordBaseline.from_themes([(slug, Theme(keywords=k).keyword_list) for slug, k in key[1]])
        return _cache[key]


def _active_themes():
    return list(Theme.objects.filter(is_active=True).order_by("slug").values_list("slug", flat=True))


def _codes_now():
    return FindingTheme.objects.aggregate(n=Count("pk"))["n"]


def _is_stale(stored, themes, codes):
    """A retrain is due once RETRAIN_AFTER_NEW_CODES codes have been added or removed since, or the scheme's
    active themes changed: one more example barely moves the suggestions, and training takes seconds."""
    return stored.themes != themes or abs(codes - stored.codes_seen) >= RETRAIN_AFTER_NEW_CODES


def current_classifier():
    """The newest classifier the background job trained; None while too few findings are coded, before the
    first training, or while the scheme's themes differ from those it learnt (the keyword baseline serves).

    Training runs in a job (train_and_store), never in a request: when the coding has moved on, a retrain is
    queued and the stored model serves until it is done. Each process loads a stored model once.
    """
    if coded_findings().count() < MIN_CODED_FINDINGS:
        return None
    themes, codes = _active_themes(), _codes_now()
    newest = TrainedClassifier.objects.only("pk", "themes", "codes_seen").order_by("-trained_at", "-pk").first()
    if newest is None or _is_stale(newest, themes, codes):
        request_training()
    if newest is None or newest.themes != themes:
        return None
    with _lock:
        cached = _cache.get("classifier")
        if cached is not None and cached[0] == newest.pk:
            return cached[1]
    model = load_classifier(TrainedClassifier.objects.get(pk=newest.pk))
    with _lock:
        _cache["classifier"] = (newest.pk, model)
    return model


def train_and_store(progress=None):
    """Trains the classifier on the coding as it stands and stores it; None when too little is coded."""
    from django.utils import timezone

    themes, codes = _active_themes(), _codes_now()
    if progress:
        progress.total(2, "Reading the coded findings")
    examples = training_examples()
    if len(examples) < MIN_CODED_FINDINGS:
        return None
    if progress:
        progress.advance(1, f"Training on {len(examples):,} coded findings")
    model = ThemeClassifier.train(examples)
    if model is None:
        return None
    with transaction.atomic():
        stored = TrainedClassifier.objects.create(
            trained_at=timezone.now(),
            trained_on=model.trained_on,
            codes_seen=codes,
            training_seconds=round(model.training_seconds, 3),
            themes=themes,
            labels=list(model.labels),
            vocabulary={term: int(index) for term, index in model.vectoriser.vocabulary_.items()},
            idf=np.asarray(model.vectoriser.idf_, dtype=np.float64).tobytes(),
            weights=np.ascontiguousarray(model.weights, dtype=np.float32).tobytes(),
            intercepts=np.asarray(model.intercepts, dtype=np.float32).tobytes(),
        )
        # The newest is the one used; a few older ones are kept as a record of the training runs.
        older = TrainedClassifier.objects.order_by("-trained_at", "-pk").values_list("pk", flat=True)[5:]
        TrainedClassifier.objects.filter(pk__in=list(older)).delete()
    if progress:
        progress.advance(2, "Stored")
    return stored


def load_classifier(stored):
    """A ThemeClassifier from its stored numbers: scores exactly as the fitted one did."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(**VECTORISER_SETTINGS, vocabulary=stored.vocabulary)
    vectoriser.idf_ = np.frombuffer(bytes(stored.idf), dtype=np.float64)
    labels = list(stored.labels)
    weights = np.frombuffer(bytes(stored.weights), dtype=np.float32).reshape(len(labels), len(stored.vocabulary))
    intercepts = np.frombuffer(bytes(stored.intercepts), dtype=np.float32)
    return ThemeClassifier(vectoriser, weights, intercepts, labels, stored.trained_on, stored.training_seconds)


def request_training(requested_by=None):
    """Queues a training run unless one is already waiting or running. Returns the run or None."""
    from safeguarding.jobs.models import JobRun, RunStatus, Trigger
    from safeguarding.jobs.runs import manual_period, start_run

    if JobRun.objects.filter(job=JOB_NAME, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).exists():
        return None
    return start_run(JOB_NAME, manual_period(), trigger=Trigger.REQUEST, requested_by=requested_by)


def classifier_job(run, progress):
    """The scheduled and on-demand job: trains only when the coding has moved on since the stored model."""
    coded = coded_findings().count()
    if coded < MIN_CODED_FINDINGS:
        return {"coded findings": coded, "trained": 0}
    newest = TrainedClassifier.objects.only("pk", "themes", "codes_seen").order_by("-trained_at", "-pk").first()
    if newest is not None and not _is_stale(newest, _active_themes(), _codes_now()):
        return {"unchanged": 1}
    stored = train_and_store(progress)
    if stored is None:
        return {"coded findings": coded, "trained": 0}
    return {"trained on": stored.trained_on, "themes": len(stored.labels), "seconds": stored.training_seconds}


def suggest_themes(text):
    """Suggestions for a finding's text (what happened and why), best first."""
    classifier = current_classifier()
    if classifier is not None:
        return Suggestions(CLASSIFIER, classifier.suggest(text))
    return Suggestions(KEYWORDS, keyword_baseline().suggest(text))


def suggest_for_many(texts):
    """Suggestions for several texts at once, in the same order."""
    classifier = current_classifier()
    if classifier is not None:
        return [Suggestions(CLASSIFIER, items) for items in classifier.suggest_many(texts)]
    baseline = keyword_baseline()
    return [Suggestions(KEYWORDS, baseline.suggest(text)) for text in texts]


def forget_trained_models():
    """Drops the models this process holds (tests, and after the category scheme changes)."""
    with _lock:
        _cache.clear()
