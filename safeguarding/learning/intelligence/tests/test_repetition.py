"""Repeated recommendations: near-duplicates across areas, clusters and the repetition index per theme."""

import datetime

import numpy as np
import pytest

from safeguarding.learning.intelligence import repetition, similarity
from safeguarding.learning.repository.factories import code, make_entry

from .builders import coded_report

pytestmark = pytest.mark.django_db

PARAPHRASES = [
    "Partners should ensure that information is shared between agencies in a timely way.",
    "Partner agencies should ensure information is shared between them in a timely manner.",
    "The partnership should ensure that agencies share information in a timely way.",
    "All agencies should ensure that information is shared with partners in a timely way.",
]
UNRELATED = [
    "Partners should agree a neglect screening tool by March 2027.",
    "The local authority should review its training on domestic abuse for social workers.",
    "Health visitors should record the voice of the child at every contact.",
    "The police should review how they respond to missing children reports at weekends.",
    "Schools should be included in strategy discussions when a child is at risk.",
    "Partners should ensure that practitioners are supported by regular supervision.",
    "GP practices should flag unknown adult males in the household when known.",
    "Agencies should ensure that records of information shared by telephone are kept.",
    "Housing providers should be told when a family with a child protection plan moves.",
]
PUBLISHED = datetime.date(2026, 3, 1)


def _report(area, text, *themes, published_on=PUBLISHED):
    return coded_report(area, published_on, *themes, recommendations=(text,))


def test_paraphrases_of_one_banal_recommendation_form_one_cluster_and_unrelated_ones_do_not():
    for index, text in enumerate(PARAPHRASES):
        _report(f"Area {index}", text, "information-sharing", published_on=datetime.date(2023 + index, 3, 1))
    for index, text in enumerate(UNRELATED):
        _report(f"Area {10 + index}", text, "neglect")
    similarity.refresh()  # what the background job does when reports arrive

    found = repetition.repetition_index()

    assert len(found.clusters) == 1
    cluster = found.clusters[0]
    assert {member.text for member in cluster.members} == set(PARAPHRASES)
    assert (cluster.reports, cluster.areas, cluster.years) == (4, 4, "2023 to 2026")
    assert cluster.example.text in PARAPHRASES
    by_theme = {row.theme.slug: row for row in found.by_theme}
    assert (by_theme["information-sharing"].recommendations, by_theme["information-sharing"].percent) == (4, 100)
    assert (by_theme["neglect"].recommendations, by_theme["neglect"].repeated) == (9, 0)
    assert (found.recommendations, found.repeated) == (13, 4)


def test_every_pair_of_paraphrases_is_closer_than_any_paraphrase_and_unrelated_pair():
    vectors = repetition.vectorise(PARAPHRASES + UNRELATED, repetition.background_texts())
    similarity = (vectors @ vectors.T).toarray()
    count = len(PARAPHRASES)
    unrelated = similarity[:count, count:].max()
    assert unrelated < repetition.NEAR_DUPLICATE_SIMILARITY
    # Each paraphrase is a near-duplicate of at least one other, so the cluster holds together.
    within = similarity[:count, :count] - np.eye(count)
    assert (within.max(axis=1) >= repetition.NEAR_DUPLICATE_SIMILARITY).all()


def test_the_same_area_repeating_itself_does_not_count_towards_the_index():
    _report("Area A", PARAPHRASES[0], "information-sharing")
    _report("Area A", PARAPHRASES[3], "information-sharing", published_on=datetime.date(2026, 9, 1))
    _report("Area B", UNRELATED[0], "information-sharing")
    similarity.refresh()

    found = repetition.repetition_index()

    assert found.repeated == 0
    assert found.clusters == []  # a group written by one area only is not shown
    assert found.by_theme[0].recommendations == 3 and found.by_theme[0].index == 0


def test_a_recommendation_takes_its_findings_themes_or_else_its_reports():
    entry = make_entry(
        area_name="Area A",
        published_on=PUBLISHED,
        findings=(("Baby often hungry.", ""), ("Father not known to services.", "")),
        recommendations=("Answers the first finding.", "Answers the second.", "Answers no finding in particular."),
    )
    first, second = entry.current_findings()
    code(first, "neglect")
    code(second, "unknown-adult-males")

    themes = {r.text: r.theme_ids for r in repetition.load_recommendations()}
    slugs = {text: {theme for theme in ids} for text, ids in themes.items()}

    neglect, males = first.themes.get().pk, second.themes.get().pk
    assert slugs["Answers the first finding."] == {neglect}
    assert slugs["Answers the second."] == {males}
    assert slugs["Answers no finding in particular."] == {neglect, males}


def test_the_period_chooses_the_recommendations_and_nothing_gives_an_empty_answer():
    assert repetition.repetition_index().recommendations == 0
    _report("Area A", PARAPHRASES[0], "information-sharing", published_on=datetime.date(2020, 1, 1))
    _report("Area B", PARAPHRASES[3], "information-sharing")
    similarity.refresh()

    assert repetition.repetition_index().repeated == 2
    recent = repetition.repetition_index(datetime.date(2025, 1, 1), datetime.date(2026, 12, 31))
    assert (recent.recommendations, recent.repeated, recent.clusters) == (1, 0, [])


def test_blocks_find_the_same_pairs_as_one_whole_matrix(monkeypatch):
    texts = PARAPHRASES + UNRELATED + PARAPHRASES
    vectors = repetition.vectorise(texts, repetition.background_texts())
    whole = set(zip(*repetition.near_duplicate_pairs(vectors), strict=True))
    monkeypatch.setattr(repetition, "BLOCK_ROWS", 3)
    blocked = set(zip(*repetition.near_duplicate_pairs(vectors), strict=True))
    assert whole == blocked
    assert (0, len(PARAPHRASES) + len(UNRELATED)) in whole  # the same text twice


def test_the_same_text_counts_for_each_area_that_wrote_it():
    text = "Partners should ensure that information is shared between agencies in a timely way."
    _report("Area A", text, "information-sharing")
    _report("Area A", f"  {text.upper()} ", "information-sharing")  # the same words, once more by the same area
    _report("Area B", UNRELATED[0], "information-sharing")
    similarity.refresh()
    assert repetition.find_repetition().repeated == 0

    _report("Area C", text, "information-sharing")
    similarity.refresh()
    found = repetition.find_repetition()
    assert found.repeated == 3
    assert [(cluster.size, cluster.areas, cluster.reports) for cluster in found.clusters] == [(3, 2, 3)]


def test_the_answer_is_cached_until_the_repository_changes():
    _report("Area A", PARAPHRASES[0], "information-sharing")
    _report("Area B", PARAPHRASES[3], "information-sharing")
    assert repetition.repetition_index().recommendations == 2
    assert repetition.repetition_index() == repetition.repetition_index()

    _report("Area C", UNRELATED[0], "neglect")
    assert repetition.repetition_index().recommendations == 3


def test_recommendations_added_after_the_comparison_wait_for_the_next_one():
    _report("Area A", PARAPHRASES[0], "information-sharing")
    _report("Area B", PARAPHRASES[3], "information-sharing")
    assert repetition.find_repetition().compared_at is None
    assert repetition.find_repetition().repeated == 0  # nothing compared yet: nothing counts as repeated

    similarity.refresh()
    _report("Area C", PARAPHRASES[1], "information-sharing")
    found = repetition.find_repetition()
    assert (found.repeated, found.not_compared) == (2, 1)

    similarity.refresh()
    found = repetition.find_repetition()
    assert (found.repeated, found.not_compared) == (3, 0)


def test_a_comparison_replaces_the_stored_pairs_and_records_itself():
    _report("Area A", PARAPHRASES[0], "information-sharing")
    _report("Area B", PARAPHRASES[3], "information-sharing")
    first = similarity.refresh()
    assert (first.recommendations, first.distinct_texts, first.pairs) == (2, 2, 1)
    assert similarity.is_fresh(first)

    _report("Area C", UNRELATED[0], "neglect")
    assert not similarity.is_fresh(similarity.latest())
    second = similarity.refresh()
    assert (second.recommendations, second.distinct_texts, second.pairs) == (3, 3, 1)
    assert similarity.TextSimilarity.objects.count() == 1


def test_the_same_words_are_one_text_of_the_graph():
    assert similarity.text_key("Share  information.") == similarity.text_key(" share information. ")
    assert similarity.text_key("Share information.") != similarity.text_key("Share information")


def test_a_threshold_below_the_stored_one_is_refused():
    with pytest.raises(ValueError, match="stored similarities start at"):
        repetition.find_repetition(threshold=0.3)
