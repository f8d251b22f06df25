"""Repeated recommendations: where the same lesson keeps being written across the country.

Two recommendations are near-duplicates when the cosine similarity of their TF-IDF vectors is at least
NEAR_DUPLICATE_SIMILARITY. Each text is represented twice, by its words (single words and pairs, common
English words left out) and by its character 4- and 5-grams within words (so that "share", "shared" and
"sharing" meet), and the two similarities are averaged. Near-duplicates are grouped into clusters: the
connected components of the graph whose edges are near-duplicate pairs.

The repetition index of a theme is the share of its recommendations that have a near-duplicate in a report
written by ANOTHER area. Repeats within one area (a partnership restating its own recommendation) do not
count. A recommendation belongs to the themes of the finding it answers, or, when it answers no particular
finding, to the themes of all its report's findings. Only current editions count.

The similarity graph is built from the sparse TF-IDF matrix in row blocks, so memory stays at
BLOCK_ROWS x n floats however many recommendations there are. It is built by a background job over every
current recommendation and stored (similarity.py); the pages read the stored pairs for the period and
region they show, so no request pays for the comparison.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.db.models import Count, F, Max
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from safeguarding.learning.repository.models import FindingTheme, RepositoryEntry, RepositoryRecommendation, Theme

from . import similarity
from .analysis import area_key
from .models import SimilarityComparison

# Chosen on paraphrases of one banal recommendation ("partners should ensure information is shared between
# agencies in a timely way") against unrelated recommendations: each paraphrase scores at least 0.6 with
# another one, so they join into one cluster, while unrelated ones, even of the same template ("partners
# should ensure that practitioners ..."), stay below 0.46. See tests/test_repetition.py.
NEAR_DUPLICATE_SIMILARITY = 0.55
BLOCK_ROWS = 500
COMMON_SHARE, COMMON_SHARE_FROM = 0.25, 200
CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class Recommendation:
    pk: int
    text: str
    entry_id: int
    reference: str
    area: tuple
    area_name: str
    year: int
    theme_ids: frozenset


@dataclass(frozen=True)
class Cluster:
    """Near-duplicate recommendations, with the most typical one as the example."""

    example: Recommendation
    members: tuple
    reports: int
    areas: int
    first_year: int
    last_year: int
    references: tuple
    theme_ids: frozenset

    @property
    def size(self):
        return len(self.members)

    @property
    def years(self):
        return str(self.first_year) if self.first_year == self.last_year else f"{self.first_year} to {self.last_year}"


@dataclass(frozen=True)
class ThemeRepetition:
    theme: Theme
    recommendations: int
    repeated: int

    @property
    def index(self):
        """Share (0 to 1) of the theme's recommendations with a near-duplicate in another area's report."""
        return self.repeated / self.recommendations if self.recommendations else 0.0

    @property
    def percent(self):
        return round(100 * self.index)


@dataclass(frozen=True)
class Repetition:
    recommendations: int
    # Recommendations with a near-duplicate in another area's report.
    repeated: int
    by_theme: list
    # Clusters spanning at least two areas, largest spread first.
    clusters: list
    threshold: float
    # When the stored similarities were computed (None: never yet), and how many of these recommendations
    # arrived after that comparison (they count as having no near-duplicate until the next one).
    compared_at: object = None
    not_compared: int = 0

    @property
    def index(self):
        return self.repeated / self.recommendations if self.recommendations else 0.0

    @property
    def percent(self):
        return round(100 * self.index)


def load_recommendations(start=None, end=None, *, region=None, public_only=False):
    """The current editions' recommendations of reports published between `start` and `end`, with themes."""
    rows = RepositoryRecommendation.objects.filter(edition=F("entry__edition"))
    if start is not None:
        rows = rows.filter(entry__published_on__gte=start)
    if end is not None:
        rows = rows.filter(entry__published_on__lte=end)
    if region is not None:
        rows = rows.filter(entry__region=region)
    if public_only:
        rows = rows.filter(entry__is_public=True)
    rows = list(
        rows.order_by("pk").values_list(
            "pk",
            "text",
            "finding_id",
            "entry_id",
            "entry__reference",
            "entry__area_id",
            "entry__area_name",
            "entry__published_on",
        )
    )
    entry_ids = {row[3] for row in rows}
    themes_of_finding, themes_of_entry = defaultdict(set), defaultdict(set)
    codes = FindingTheme.objects.filter(
        finding__entry_id__in=entry_ids, finding__edition=F("finding__entry__edition")
    ).values_list("finding_id", "finding__entry_id", "theme_id")
    for finding_id, entry_id, theme_id in codes.iterator(chunk_size=2000):
        themes_of_finding[finding_id].add(theme_id)
        themes_of_entry[entry_id].add(theme_id)
    return [
        Recommendation(
            pk=pk,
            text=text,
            entry_id=entry_id,
            reference=reference,
            area=area_key(area_id, area_name),
            area_name=area_name,
            year=published_on.year,
            theme_ids=frozenset(themes_of_finding[finding_id] if finding_id else themes_of_entry[entry_id]),
        )
        for pk, text, finding_id, entry_id, reference, area_id, area_name, published_on in rows
    ]


def background_texts(leave_out=()):
    """What the word weights are learnt from besides the recommendations compared: the other current
    recommendations in the repository (all but the pks in `leave_out`) and the category scheme's texts."""
    leave_out = set(leave_out)
    rows = RepositoryRecommendation.objects.filter(edition=F("entry__edition")).values_list("pk", "text")
    texts = [text for pk, text in rows.iterator(chunk_size=2000) if pk not in leave_out]
    return texts + similarity.scheme_texts()


def vectorise(texts, background=()):
    """L2-normalised rows whose dot products are the averaged word and character cosine similarities.

    The word weights (inverse document frequencies) are learnt from `texts` and `background` together."""
    corpus = [*texts, *background]
    # Pieces found in a large share of a big corpus ("should ensure") say little about which texts are alike
    # but make the similarity search cost grow with the square of their frequency; small corpora keep them.
    max_df = COMMON_SHARE if len(corpus) >= COMMON_SHARE_FROM else 1.0
    words = TfidfVectorizer(ngram_range=(1, 2), stop_words="english", sublinear_tf=True, max_df=max_df)
    characters = TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 5), sublinear_tf=True, max_df=max_df)
    # Fitted and transformed in one pass over the corpus; the rows of `texts` come first.
    by_words = words.fit_transform(corpus)[: len(texts)]
    by_characters = characters.fit_transform(corpus)[: len(texts)]
    # Each part has unit length, so scaling both by sqrt(1/2) gives unit rows whose dot product is the mean.
    combined = sparse.hstack([by_words, by_characters]).tocsr() * np.sqrt(0.5)
    return normalize(combined).astype(np.float32)


def near_duplicate_pairs(vectors, threshold=NEAR_DUPLICATE_SIMILARITY):
    """(i, j) index pairs with i < j whose similarity reaches `threshold`, computed block by block."""
    first, second, _scores = near_duplicate_scores(vectors, threshold)
    return first, second


def near_duplicate_scores(vectors, threshold=NEAR_DUPLICATE_SIMILARITY):
    """near_duplicate_pairs with each pair's similarity: (firsts, seconds, similarities)."""
    rows, columns, scores = [], [], []
    transposed = vectors.T.tocsc()
    for start in range(0, vectors.shape[0], BLOCK_ROWS):
        block = (vectors[start : start + BLOCK_ROWS] @ transposed).toarray()
        block_rows, block_columns = np.nonzero(block >= threshold)
        upper = block_rows + start < block_columns
        rows.append(block_rows[upper] + start)
        columns.append(block_columns[upper])
        scores.append(block[block_rows[upper], block_columns[upper]])
    if not rows:
        return np.array([], dtype=int), np.array([], dtype=int), np.array([], dtype=np.float32)
    return np.concatenate(rows), np.concatenate(columns), np.concatenate(scores)


def repetition_index(start=None, end=None, *, region=None, public_only=False, threshold=NEAR_DUPLICATE_SIMILARITY):
    """Near-duplicate recommendations across the country, and the repetition index per theme.

    Recommendations of reports published between `start` and `end` (inclusive; None for no limit), read
    against the stored similarity graph (similarity.py: compared by a background job, not in the request).
    The answer is cached until the repository, its codes or the stored comparison change.
    """
    choice = (start, end, getattr(region, "pk", region), public_only, threshold)
    key = "intelligence:repetition:" + hashlib.sha256(repr((_fingerprint(), choice)).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = find_repetition(start, end, region=region, public_only=public_only, threshold=threshold)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _fingerprint():
    """Changes whenever a recommendation, an entry (a new edition), a finding's codes or the comparison change."""
    return (
        RepositoryRecommendation.objects.aggregate(count=Count("pk"), last=Max("pk")),
        RepositoryEntry.objects.aggregate(count=Count("pk"), changed=Max("updated_at")),
        FindingTheme.objects.aggregate(count=Count("pk"), last=Max("pk"), coded=Max("coded_at")),
        SimilarityComparison.objects.aggregate(last=Max("pk")),
    )


def find_repetition(start=None, end=None, *, region=None, public_only=False, threshold=NEAR_DUPLICATE_SIMILARITY):
    """repetition_index without the cache."""
    if threshold < NEAR_DUPLICATE_SIMILARITY:
        raise ValueError(f"the stored similarities start at {NEAR_DUPLICATE_SIMILARITY}; {threshold} is lower")
    comparison = similarity.latest()
    loaded = load_recommendations(start, end, region=region, public_only=public_only)
    recommendations = [r for r in loaded if r.text.strip()]
    not_compared = sum(1 for r in recommendations if comparison is None or r.pk > comparison.last_recommendation)
    if len(recommendations) < 2:
        return _result(recommendations, set(), [], threshold, comparison, not_compared)
    # The same wording written many times is one text of the graph: one row per distinct text.
    writers = defaultdict(list)
    for index, recommendation in enumerate(recommendations):
        writers[similarity.text_key(recommendation.text)].append(index)
    keys = list(writers)
    members_of = list(writers.values())
    position = {key: i for i, key in enumerate(keys)}
    scored = [
        (position[first], position[second], score)
        for (first, second), score in similarity.pairs_among(keys).items()
        if score >= threshold
    ]
    # The areas that wrote each distinct text, and those that wrote it or a near-duplicate of it.
    areas_of = [{recommendations[i].area for i in members} for members in members_of]
    reachable = [set(areas) for areas in areas_of]
    for i, j, _score in scored:
        reachable[i] |= areas_of[j]
        reachable[j] |= areas_of[i]
    repeated = {
        index
        for text_index, members in enumerate(members_of)
        for index in members
        if reachable[text_index] - {recommendations[index].area}
    }
    first = np.array([i for i, _j, _s in scored], dtype=int)
    second = np.array([j for _i, j, _s in scored], dtype=int)
    graph = sparse.coo_matrix((np.ones(len(scored)), (first, second)), shape=(len(keys), len(keys)))
    _components, labels = connected_components(graph, directed=False)
    groups = defaultdict(list)
    for text_index, label in enumerate(labels.tolist()):
        groups[label].append(text_index)
    neighbours = defaultdict(dict)
    for i, j, score in scored:
        neighbours[i][j] = score
        neighbours[j][i] = score
    clusters = [
        _cluster(recommendations, neighbours, text_indices, members_of)
        for text_indices in groups.values()
        if len(set().union(*(areas_of[t] for t in text_indices))) > 1
    ]
    clusters.sort(key=lambda cluster: (-cluster.areas, -cluster.reports, -cluster.size, cluster.example.pk))
    return _result(recommendations, repeated, clusters, threshold, comparison, not_compared)


def _cluster(recommendations, neighbours, text_indices, members_of):
    writers = {t: len(members_of[t]) for t in text_indices}
    chosen = [recommendations[i] for t in text_indices for i in members_of[t]]

    # The example is the text most alike to all the cluster's recommendations (the medoid over the stored
    # similarities): its own writers count in full, each near-duplicate's writers by their similarity.
    def typicality(t):
        return writers[t] + sum(score * writers[u] for u, score in neighbours[t].items() if u in writers)

    example_text = max(text_indices, key=lambda t: (typicality(t), -t))
    example = recommendations[members_of[example_text][0]]
    years = [r.year for r in chosen]
    return Cluster(
        example=example,
        members=tuple(chosen),
        reports=len({r.entry_id for r in chosen}),
        areas=len({r.area for r in chosen}),
        first_year=min(years),
        last_year=max(years),
        references=tuple(sorted({r.reference for r in chosen})),
        theme_ids=frozenset().union(*(r.theme_ids for r in chosen)),
    )


def _result(recommendations, repeated_indices, clusters, threshold, comparison, not_compared):
    totals, repeats = defaultdict(int), defaultdict(int)
    for index, recommendation in enumerate(recommendations):
        for theme_id in recommendation.theme_ids:
            totals[theme_id] += 1
            repeats[theme_id] += index in repeated_indices
    themes = Theme.objects.filter(pk__in=totals.keys()).select_related("group")
    by_theme = [ThemeRepetition(theme, totals[theme.pk], repeats[theme.pk]) for theme in themes]
    by_theme.sort(key=lambda row: (-row.index, -row.recommendations, row.theme.name))
    return Repetition(
        recommendations=len(recommendations),
        repeated=len(repeated_indices),
        by_theme=by_theme,
        clusters=clusters,
        threshold=threshold,
        compared_at=comparison.computed_at if comparison else None,
        not_compared=not_compared,
    )
