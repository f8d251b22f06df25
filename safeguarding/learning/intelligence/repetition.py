"""Repeated recommendations: where the same lesson keeps being written across the country.

Two recommendations are near-duplicates when the cosine similarity of their TF-IDF vectors is at least
NEAR_DUPLICATE_SIMILARITY. Each text is represented twice, by its words (single words and pairs, common
English words left out) and by its character 3- to 5-grams within words (so that "share", "shared" and
"sharing" meet), and the two similarities are averaged. Near-duplicates are grouped into clusters: the
connected components of the graph whose edges are near-duplicate pairs.

The repetition index of a theme is the share of its recommendations that have a near-duplicate in a report
written by ANOTHER area. Repeats within one area (a partnership restating its own recommendation) do not
count. A recommendation belongs to the themes of the finding it answers, or, when it answers no particular
finding, to the themes of all its report's findings. Only current editions count.

The similarity graph is built from the sparse TF-IDF matrix in row blocks, so memory stays at
BLOCK_ROWS x n floats however many recommendations there are (about 5,000 take a second or two).
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db.models import F
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from safeguarding.learning.repository.models import FindingTheme, RepositoryRecommendation, Theme

from .analysis import area_key

# Chosen on paraphrases of one banal recommendation ("partners should ensure information is shared between
# agencies in a timely way") against unrelated recommendations: each paraphrase scores at least 0.6 with
# another one, so they join into one cluster, while unrelated ones, even of the same template ("partners
# should ensure that practitioners ..."), stay below 0.46. See tests/test_repetition.py.
NEAR_DUPLICATE_SIMILARITY = 0.55
BLOCK_ROWS = 500


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


def background_texts():
    """What the word weights are learnt from besides the recommendations compared: every current
    recommendation in the repository and the category scheme's definitions and examples. So the similarity of
    two texts does not swing with the period or region chosen, and a handful of texts still gets sensible
    weights (in a tiny corpus every shared word would look common and only the differences would count)."""
    texts = list(RepositoryRecommendation.objects.filter(edition=F("entry__edition")).values_list("text", flat=True))
    for definition, examples in Theme.objects.values_list("definition", "examples"):
        texts.append(definition)
        texts.extend(line for line in examples.splitlines() if line.strip())
    return texts


def vectorise(texts, background=()):
    """L2-normalised rows whose dot products are the averaged word and character cosine similarities.

    The word weights (inverse document frequencies) are learnt from `texts` and `background` together."""
    words = TfidfVectorizer(ngram_range=(1, 2), stop_words="english", sublinear_tf=True)
    characters = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    corpus = [*texts, *background]
    words.fit(corpus)
    characters.fit(corpus)
    # Each part has unit length, so scaling both by sqrt(1/2) gives unit rows whose dot product is the mean.
    combined = sparse.hstack([words.transform(texts), characters.transform(texts)]).tocsr() * np.sqrt(0.5)
    return normalize(combined)


def near_duplicate_pairs(vectors, threshold=NEAR_DUPLICATE_SIMILARITY):
    """(i, j) index pairs with i < j whose similarity reaches `threshold`, computed block by block."""
    rows, columns = [], []
    transposed = vectors.T.tocsc()
    for start in range(0, vectors.shape[0], BLOCK_ROWS):
        block = (vectors[start : start + BLOCK_ROWS] @ transposed).toarray()
        block_rows, block_columns = np.nonzero(block >= threshold)
        block_rows += start
        upper = block_rows < block_columns
        rows.append(block_rows[upper])
        columns.append(block_columns[upper])
    if not rows:
        return np.array([], dtype=int), np.array([], dtype=int)
    return np.concatenate(rows), np.concatenate(columns)


def repetition_index(start=None, end=None, *, region=None, public_only=False, threshold=NEAR_DUPLICATE_SIMILARITY):
    """Near-duplicate recommendations across the country, and the repetition index per theme.

    Recommendations of reports published between `start` and `end` (inclusive; None for no limit).
    """
    loaded = load_recommendations(start, end, region=region, public_only=public_only)
    recommendations = [r for r in loaded if r.text.strip()]
    count = len(recommendations)
    if count < 2:
        return _result(recommendations, set(), [], threshold)
    vectors = vectorise([r.text for r in recommendations], background_texts())
    first, second = near_duplicate_pairs(vectors, threshold)
    repeated = set()
    for i, j in zip(first.tolist(), second.tolist(), strict=True):
        if recommendations[i].area != recommendations[j].area:
            repeated.update((i, j))
    graph = sparse.coo_matrix((np.ones(len(first)), (first, second)), shape=(count, count))
    _components, labels = connected_components(graph, directed=False)
    members = defaultdict(list)
    for index, label in enumerate(labels.tolist()):
        members[label].append(index)
    clusters = [
        _cluster(recommendations, vectors, indices)
        for indices in members.values()
        if len(indices) > 1 and len({recommendations[i].area for i in indices}) > 1
    ]
    clusters.sort(key=lambda cluster: (-cluster.areas, -cluster.reports, -cluster.size, cluster.example.pk))
    return _result(recommendations, repeated, clusters, threshold)


def _cluster(recommendations, vectors, indices):
    chosen = [recommendations[i] for i in indices]
    # The example is the member most similar to the others (the medoid).
    within = vectors[indices] @ vectors[indices].T
    example = chosen[int(np.asarray(within.sum(axis=1)).ravel().argmax())]
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


def _result(recommendations, repeated_indices, clusters, threshold):
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
    )
