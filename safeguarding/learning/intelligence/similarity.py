"""The stored similarity graph of recommendations: computed by a background job, read by the pages.

Comparing every recommendation with every other (TF-IDF vectors, see repetition.vectorise) takes seconds to
minutes at national volume, far too long for a request, and each web process would pay it again. So a job
compares the current recommendations' distinct texts once, when they change and nightly, and stores the
near-duplicate pairs (TextSimilarity) with a record of the comparison (SimilarityComparison). The pages and
the annual report read the stored pairs for whatever period or region they show, and say when the
comparison was made and how many recommendations have arrived since.
"""

import hashlib
import time

from django.db import transaction
from django.db.models import Count, F, Max
from django.utils import timezone

from safeguarding.learning.repository.models import RepositoryRecommendation, Theme

from .models import SimilarityComparison, TextSimilarity

JOB_NAME = "recommendation-similarity"
WRITE_BATCH = 2000


def normalised(text):
    return " ".join(text.lower().split())


def text_key(text):
    """The name of a text in the stored graph: the same words, however spaced or capitalised, share it."""
    return hashlib.sha256(normalised(text).encode()).hexdigest()


def current_recommendations():
    return RepositoryRecommendation.objects.filter(edition=F("entry__edition")).exclude(text="")


def current_state():
    """(count, newest pk) of the current recommendations: what a comparison is fresh against."""
    found = current_recommendations().aggregate(count=Count("pk"), last=Max("pk"))
    return found["count"], found["last"] or 0


def latest():
    return SimilarityComparison.objects.order_by("-computed_at", "-pk").first()


def is_fresh(comparison):
    return comparison is not None and (comparison.recommendations, comparison.last_recommendation) == current_state()


def scheme_texts():
    """The category scheme's definitions and examples: background that gives a small repository sensible
    word weights (in a tiny corpus every shared word would look common and only the differences would count)."""
    texts = []
    for definition, examples in Theme.objects.values_list("definition", "examples"):
        texts.append(definition)
        texts.extend(line for line in examples.splitlines() if line.strip())
    return texts


def refresh(progress=None):
    """Compares every current recommendation's text with every other and replaces the stored pairs.

    The stored graph is replaced in one transaction, so a reader sees either the old comparison or the new
    one, never half of each. Returns the SimilarityComparison written."""
    from .repetition import NEAR_DUPLICATE_SIMILARITY, near_duplicate_scores, vectorise

    started = time.monotonic()
    count, last = current_state()
    texts = {}
    for text in current_recommendations().filter(pk__lte=last).values_list("text", flat=True).iterator(chunk_size=5000):
        if text.strip():
            texts.setdefault(text_key(text), text)
    keys = list(texts)
    if progress:
        progress.total(3, f"Comparing {len(keys):,} distinct texts")
    pairs = []
    if len(keys) >= 2:
        vectors = vectorise([texts[key] for key in keys], scheme_texts())
        if progress:
            progress.advance(1, "Texts turned into vectors")
        first, second, scores = near_duplicate_scores(vectors, NEAR_DUPLICATE_SIMILARITY)
        for i, j, similarity in zip(first.tolist(), second.tolist(), scores.tolist(), strict=True):
            a, b = sorted((keys[i], keys[j]))
            pairs.append(TextSimilarity(first_text=a, second_text=b, similarity=round(similarity, 4)))
    if progress:
        progress.advance(2, f"{len(pairs):,} near-duplicate pairs found")
    with transaction.atomic():
        TextSimilarity.objects.all().delete()
        TextSimilarity.objects.bulk_create(pairs, batch_size=WRITE_BATCH)
        comparison = SimilarityComparison.objects.create(
            computed_at=timezone.now(),
            recommendations=count,
            distinct_texts=len(keys),
            pairs=len(pairs),
            last_recommendation=last,
            seconds=round(time.monotonic() - started, 3),
        )
        # Only the newest comparison is read; older ones are kept a while as a record of the runs.
        old = SimilarityComparison.objects.order_by("-computed_at", "-pk").values_list("pk", flat=True)[50:]
        SimilarityComparison.objects.filter(pk__in=list(old)).delete()
    if progress:
        progress.advance(3, "Stored")
    return comparison


def ensure_fresh():
    """The newest comparison, made now if the recommendations changed since (for work already in a job)."""
    comparison = latest()
    return comparison if is_fresh(comparison) else refresh()


def pairs_among(keys):
    """{(first, second): similarity} for the stored pairs whose two texts are both in `keys`."""
    keys = set(keys)
    found = {}
    rows = TextSimilarity.objects.values_list("first_text", "second_text", "similarity")
    for first, second, similarity in rows.iterator(chunk_size=10000):
        if first in keys and second in keys:
            found[(first, second)] = similarity
    return found


def request_refresh(requested_by=None):
    """Starts a comparison in the background unless one is already waiting or running. Returns the run or None."""
    from safeguarding.jobs.models import JobRun, RunStatus, Trigger
    from safeguarding.jobs.runs import manual_period, start_run

    if JobRun.objects.filter(job=JOB_NAME, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).exists():
        return None
    return start_run(JOB_NAME, manual_period(), trigger=Trigger.REQUEST, requested_by=requested_by)


def similarity_job(run, progress):
    """The scheduled and on-change job: compares again only when the recommendations changed."""
    comparison = latest()
    if is_fresh(comparison):
        return {"unchanged": 1, "pairs": comparison.pairs}
    comparison = refresh(progress)
    return {"texts": comparison.distinct_texts, "pairs": comparison.pairs, "seconds": comparison.seconds}
