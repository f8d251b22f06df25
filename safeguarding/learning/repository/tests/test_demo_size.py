"""The demo repository's default size is large enough that public counts are real: at `make run`'s size, every
theme, area, region and year of the corpus, and every recent month of the digest, holds at least the
disclosure threshold of reports, so the public search and digest show numbers rather than "fewer than 5".

Counted from the generator (a full seed at this size is too slow for the suite); the facets count the same
reports, less the latest findings the demo leaves uncoded (demo.UNCODED)."""

import datetime
from collections import Counter

from config.settings import base
from safeguarding.learning.repository import demo, synthetic
from safeguarding.learning.repository.taxonomy_data import SCHEME
from safeguarding.stats.suppression import DEFAULT_THRESHOLD


def _corpus():
    return synthetic.generate_corpus(reports=base.DEMO_REPOSITORY_REPORTS)


def test_the_demo_size_is_national_volume_and_the_tests_use_a_smaller_one():
    from django.conf import settings

    assert 1000 <= base.DEMO_REPOSITORY_REPORTS <= 1500
    assert settings.DEMO_REPOSITORY_REPORTS < base.DEMO_REPOSITORY_REPORTS


def test_every_theme_area_region_and_year_holds_real_counts_at_the_demo_size():
    corpus = _corpus()
    # Findings left for the coding queue carry no codes yet: leave them out, as the theme facet does.
    coded = [codes for report in corpus for codes in report.intended_codes][: -demo.UNCODED]
    reports_per_theme = Counter()
    position = 0
    for report in corpus:
        report_codes = coded[position : position + len(report.intended_codes)]
        position += len(report.intended_codes)
        reports_per_theme.update({slug for codes in report_codes for slug in codes})
    every_theme = {theme[0] for group in SCHEME for theme in group[3]}
    assert set(reports_per_theme) == every_theme
    assert min(reports_per_theme.values()) >= DEFAULT_THRESHOLD * 10

    for fact in (
        lambda report: report.incoming.area_name,
        lambda report: report.region_code,
        lambda report: report.incoming.published_on.year,
        lambda report: report.incoming.age_band,
        lambda report: report.incoming.kind,
    ):
        assert min(Counter(fact(report) for report in corpus).values()) >= DEFAULT_THRESHOLD


def test_every_month_of_the_digest_before_the_last_report_lists_real_counts_at_the_demo_size():
    # A report reaches the repository DAYS_TO_REPOSITORY days after publication; the digest lists the 12
    # latest months of additions. The month of the last addition is complete in the corpus.
    added = Counter(
        (report.incoming.published_on + datetime.timedelta(days=demo.DAYS_TO_REPOSITORY)).replace(day=1)
        for report in _corpus()
    )
    latest = sorted(added)[-12:]
    assert min(added[month] for month in latest) >= DEFAULT_THRESHOLD
