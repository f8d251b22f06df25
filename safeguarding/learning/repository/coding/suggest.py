"""Suggested codes for a finding, from its text, each with a confidence from 0 to 1, best first.

Two strategies behind `suggest_themes`:
- the keyword baseline: each theme's keywords (the category scheme's data) found in the text as whole
  words or phrases; used until enough findings have been coded to learn from;
- the classifier: TF-IDF of words and word pairs with one logistic regression per theme (one-vs-rest, so
  a finding can carry several codes), trained on the coded findings; its confidence is the regression's
  probability.

The fitted classifier is cached in this process's memory, keyed by how many findings are coded and when
the last was coded: a new code retrains it on the next suggestion (about a second for the demo corpus).
Kept in memory rather than pickled under MEDIA_ROOT because loading a pickle runs whatever it holds, a
file anyone able to write media could replace, and a stale file would need its own invalidation.
"""

import re
import threading
import time
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, F
from scipy.special import expit

from ..models import FindingTheme, RepositoryFinding, Theme

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
# The fitted classifier is reused until this many codes have been added or changed, or for this long.
RETRAIN_AFTER_NEW_CODES = 25
RETRAIN_AFTER_SECONDS = 15 * 60
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
        vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode")
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


def current_classifier():
    """The classifier for the coding as it stands, trained if need be; None while too few are coded.

    A fitted model is reused until RETRAIN_AFTER_NEW_CODES more findings have been coded or coded again, or
    it is RETRAIN_AFTER_SECONDS old: retraining after every single code made each save cost a few seconds
    on the next page, and one more example barely moves the suggestions.
    """
    coded = coded_findings()
    count = coded.count()
    if count < MIN_CODED_FINDINGS:
        return None
    themes = tuple(Theme.objects.filter(is_active=True).values_list("slug", flat=True))
    changed = FindingTheme.objects.aggregate(n=Count("pk"))["n"]
    with _lock:
        cached = _cache.get("classifier")
        if cached is not None:
            model, trained_at, trained_on_themes, trained_changes = cached
            fresh = time.monotonic() - trained_at < RETRAIN_AFTER_SECONDS
            if fresh and trained_on_themes == themes and abs(changed - trained_changes) < RETRAIN_AFTER_NEW_CODES:
                return model
        model = ThemeClassifier.train(training_examples())
        _cache["classifier"] = (model, time.monotonic(), themes, changed)
        return model


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
    """Drops the cached models (tests, and after the category scheme changes)."""
    with _lock:
        _cache.clear()
