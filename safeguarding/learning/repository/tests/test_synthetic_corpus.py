"""The synthetic corpus: deterministic, the size the demo and the benchmark need, and not trivially codable."""

from collections import Counter

from safeguarding.learning.repository import synthetic
from safeguarding.learning.repository.taxonomy_data import SCHEME


def test_the_same_seed_gives_the_same_reports_word_for_word():
    first, second = synthetic.generate_corpus(), synthetic.generate_corpus()
    assert [r.incoming.content() for r in first] == [r.incoming.content() for r in second]
    assert [r.intended_codes for r in first] == [r.intended_codes for r in second]
    other = synthetic.generate_corpus(seed=7)
    assert [r.incoming.content() for r in other] != [r.incoming.content() for r in first]


def test_it_has_hundreds_of_reports_and_findings_across_areas_regions_and_years():
    corpus = synthetic.generate_corpus()
    findings = sum(len(r.incoming.findings) for r in corpus)
    assert len(corpus) == 300 and 1000 <= findings <= 1400
    assert len({r.incoming.area_name for r in corpus}) == 40
    assert len({r.region_code for r in corpus}) == 9
    assert {r.incoming.published_on.year for r in corpus} == set(range(2019, 2027))
    assert len({r.incoming.source_key for r in corpus}) == 300


def test_every_theme_of_the_scheme_is_written_and_some_findings_carry_several():
    corpus = synthetic.generate_corpus()
    codes = [codes for r in corpus for codes in r.intended_codes]
    used = {slug for c in codes for slug in c}
    assert used == {theme[0] for group in SCHEME for theme in group[3]}
    sizes = Counter(len(c) for c in codes)
    assert sizes[1] > sizes[2] > sizes[3] > 0


def test_recent_years_cluster_infant_risk_with_unknown_men_across_many_areas():
    corpus = synthetic.generate_corpus()
    areas_by_period = {"old": set(), "recent": set()}
    for report in corpus:
        period = "recent" if report.incoming.published_on.year >= 2024 else "old"
        if any({"risk-to-infants", "unknown-adult-males"} <= set(c) for c in report.intended_codes):
            areas_by_period[period].add(report.incoming.area_name)
    assert len(areas_by_period["recent"]) >= 10
    assert len(areas_by_period["recent"]) > 2 * len(areas_by_period["old"])


def test_banal_recommendations_repeat_across_areas_with_small_changes():
    corpus = synthetic.generate_corpus()
    timely = [
        (r.incoming.area_name, rec.text)
        for r in corpus
        for rec in r.incoming.recommendations
        if "timely" in rec.text and "shared" in rec.text
    ]
    assert len({area for area, _ in timely}) >= 10
    assert len({text for _, text in timely}) >= 3


def test_some_findings_avoid_their_themes_keywords():
    corpus = synthetic.generate_corpus()
    plain = {sentence.split("{")[0][:40] for bank in synthetic.BANKS.values() for sentence in bank[1]}
    texts = [f.what_happened for r in corpus for f in r.incoming.findings]
    assert sum(any(p and p in t for p in plain) for t in texts) > 200
