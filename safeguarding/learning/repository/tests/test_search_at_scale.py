"""What keeps repository search fast at national volume, checked against plain recounts: facet counts from
bitmaps equal a count of each entry's facts, pages equal a plain ORDER BY, what is kept per data version
is dropped when a report or a new edition arrives or a finding is coded, and the number of queries a
search makes does not grow with the number of reports it finds."""

import datetime
from collections import Counter

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from safeguarding.learning.repository.actions import receive
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.learning.repository.models import EntryKind, FindingTheme, RepositoryEntry, RepositoryFinding, Theme
from safeguarding.learning.repository.search import facet_index, facet_sets, search
from safeguarding.learning.repository.search.backends import current_backend
from safeguarding.learning.repository.search.facets import FACETS_BY_KEY, facts_of
from safeguarding.learning.repository.search.query import parse
from safeguarding.learning.repository.synthetic import generate_corpus
from safeguarding.organisations.models import Region

pytestmark = pytest.mark.django_db

REPORTS = 60


@pytest.fixture
def corpus():
    """Sixty synthetic reports received and coded as the benchmark does; every fifth a rapid inquiry
    summary (not public), so scopes differ."""
    themes = dict(Theme.objects.values_list("slug", "pk"))
    for number, report in enumerate(generate_corpus(reports=REPORTS)):
        report.incoming.region = Region.objects.get_or_create(
            code=report.region_code, defaults={"name": f"Region {report.region_code}"}
        )[0]
        if number % 5 == 0:
            report.incoming.is_public, report.incoming.kind = False, EntryKind.RAPID_INQUIRY
        entry, _ = receive(report.incoming, today=report.incoming.published_on)
        findings = RepositoryFinding.objects.filter(entry=entry, edition=F("entry__edition")).order_by("position")
        FindingTheme.objects.bulk_create(
            [
                FindingTheme(finding=finding, theme_id=themes[slug])
                for finding, codes in zip(findings, report.intended_codes, strict=True)
                for slug in codes
                if slug in themes
            ]
        )
    facet_index.refresh(RepositoryEntry.objects.values_list("pk", flat=True))
    return RepositoryEntry.objects.all()


def _every_id(query, entries, **options):
    first = search(query, entries=entries, per_page=10, **options)
    ids = []
    for number in range(1, first.page.paginator.num_pages + 1):
        ids += [hit.entry.id for hit in search(query, entries=entries, per_page=10, page=number, **options).hits]
    return ids


def _recount(query, entries, selected):
    """Each facet's counts the plain way: every entry's facts read, the text matched by the engine, each
    other facet's choices applied (AND across, OR within), and the values counted."""
    rows = facts_of(entries)
    if parse(query):
        matching = set(current_backend().matching_ids(parse(query)).tolist())
        rows = [facts for facts in rows if facts["id"] in matching]

    def passes(facts, except_key=None):
        return all(
            key == except_key or set(values) & set(FACETS_BY_KEY[key].values_of(facts))
            for key, values in selected.items()
        )

    counts = {}
    for key, facet in FACETS_BY_KEY.items():
        counted = [facts for facts in rows if passes(facts, except_key=key)]
        counts[key] = dict(Counter(value for facts in counted for value in facet.values_of(facts)))
    kept = {facts["id"] for facts in rows if passes(facts)}
    return counts, kept


SELECTIONS = [
    ("", {}),
    ("neglect", {}),
    ('"domestic violence"', {}),
    ("school", {"year": ["2024", "2025"]}),
    ("", {"harm": ["death"], "age": ["under_1", "1_4"]}),
    ("hospital", {"theme": ["neglect", "exploitation"], "agency": ["police"]}),
    ("", {"region": ["E12000007"], "harm_kind": ["neglect", "physical"], "kind": ["lli_report"]}),
]


@pytest.mark.parametrize(("query", "selected"), SELECTIONS)
@pytest.mark.parametrize("scope", ["public", "all"])
def test_facet_counts_and_totals_equal_a_plain_recount(corpus, query, selected, scope):
    entries = RepositoryEntry.objects.public() if scope == "public" else RepositoryEntry.objects.all()
    results = search(query, entries=entries, selected=selected)
    expected_counts, kept = _recount(query, entries, selected)
    for facet in results.facets:
        counted = {option.value: option.count for option in facet.options if option.count}
        assert counted == expected_counts[facet.key], facet.key
    assert results.total == len(kept)
    assert set(_every_id(query, entries, selected=selected)) == kept


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_pages_by_date_follow_a_plain_order_by(corpus, sort):
    entries = RepositoryEntry.objects.public()
    order = ("-published_on", "-id") if sort == "newest" else ("published_on", "id")
    expected = list(entries.order_by(*order).values_list("id", flat=True))
    assert _every_id("", entries, sort=sort) == expected
    matching = current_backend().matching_ids(parse("neglect")).tolist()
    expected = list(entries.filter(id__in=matching).order_by(*order).values_list("id", flat=True))
    assert expected and _every_id("neglect", entries, sort=sort) == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ts_rank is PostgreSQL's")
def test_relevance_follows_a_plain_ranked_query_on_postgresql(corpus):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM repository_repositoryentry WHERE is_public AND search_vector @@ "
            "websearch_to_tsquery('english', %s) ORDER BY ts_rank(search_vector, websearch_to_tsquery('english', "
            "%s)) DESC, published_on DESC, id DESC",
            ['"health visitor"'] * 2,
        )
        expected = [row[0] for row in cursor.fetchall()]
    assert expected and _every_id('"health visitor"', RepositoryEntry.objects.public()) == expected


def test_the_data_version_changes_with_each_report_edition_and_coding():
    versions = [facet_index.data_version()]
    entry = make_entry(title="First", source_key="import:versions")
    versions.append(facet_index.data_version())
    make_entry(title="First, corrected", source_key="import:versions")
    versions.append(facet_index.data_version())
    code(RepositoryEntry.objects.get(pk=entry.pk).current_findings().first(), "neglect")
    versions.append(facet_index.data_version())
    assert None not in versions and len(set(versions)) == 4


def _public(query="", **options):
    return search(query, entries=RepositoryEntry.objects.public(), **options)


def test_a_report_received_after_a_search_is_found_by_the_same_search():
    make_entry(
        title="Earlier",
        summary="Nothing of note.",
        published_on=datetime.date(2025, 3, 1),
        findings=(("Partners met.", ""),),
    )
    assert _public("hoarding").total == 0
    assert {o.value: o.count for o in {f.key: f for f in _public("").facets}["year"].options} == {"2025": 1}
    make_entry(
        title="Hoarding",
        summary="Hoarding was not recognised.",
        published_on=datetime.date(2024, 2, 1),
        findings=(("Partners met.", ""),),
    )
    assert [hit.entry.title for hit in _public("hoarding").hits] == ["Hoarding"]
    years = {o.value: o.count for o in {f.key: f for f in _public("").facets}["year"].options}
    assert years == {"2025": 1, "2024": 1}


def test_a_new_edition_replaces_what_searches_kept_of_the_old_one():
    make_entry(title="Corrected", summary="About hoarding.", source_key="import:kept", harm_kinds=["neglect"])
    assert _public("hoarding").total == 1
    assert _public("", selected={"harm_kind": ["neglect"]}).total == 1
    make_entry(title="Corrected", summary="About overcrowding.", source_key="import:kept", harm_kinds=["physical"])
    assert _public("hoarding").total == 0
    assert _public("overcrowding").total == 1
    assert _public("", selected={"harm_kind": ["neglect"]}).total == 0
    options = {f.key: f for f in _public("").facets}["harm_kind"].options
    assert [(o.value, o.count) for o in options] == [("physical", 1)]


def test_sets_carried_forward_by_a_change_equal_a_fresh_build(django_capture_on_commit_callbacks):
    make_entry(title="One", harm_kinds=["neglect"], source_key="import:one")
    _public("")  # the sets of this version are now held, so the next change carries them forward
    with django_capture_on_commit_callbacks(execute=True):
        make_entry(title="Two", harm_kinds=["physical"], agencies=["police"])
        make_entry(title="One", harm_kinds=["online"], source_key="import:one")
        entry = RepositoryEntry.objects.get(source_key="import:one")
        code(entry.current_findings().first(), "neglect")
    version = facet_index.data_version()
    carried = facet_sets.load(version)
    fresh = facet_sets._build(version)
    assert carried is not fresh and carried.values == fresh.values
    assert carried.newest.tolist() == fresh.newest.tolist()
    themes = {f.key: f for f in _public("").facets}["theme"].options
    assert [(o.value, o.count) for o in themes] == [("neglect", 1)]


def _queries_of(call):
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)


def test_the_queries_a_search_makes_do_not_grow_with_the_reports_it_finds():
    from django.core.cache import cache

    def searches():
        counts = []
        for query, options in (("neglect", {}), ("", {"selected": {"harm": ["death"]}}), ("neglect", {"page": 2})):
            cache.clear()
            facet_sets._held.clear()
            counts.append(_queries_of(lambda query=query, options=options: _public(query, per_page=2, **options)))
            counts.append(_queries_of(lambda query=query, options=options: _public(query, per_page=2, **options)))
        return counts

    for number in range(3):
        make_entry(title=f"Neglect {number}", harm="death")
    _public("")  # the engine's one-off checks (SQLite's index triggers) out of the way
    few = searches()
    for number in range(3, 30):
        make_entry(title=f"Neglect {number}", harm="death", harm_kinds=["neglect"], agencies=["police", "school"])
    many = searches()
    assert _public("neglect").total == 30
    assert many == few
    assert max(few[1::2]) == 1  # repeated: the data version alone (the test cache is in memory)


def test_a_change_to_many_entries_leaves_the_sets_to_the_next_search(django_capture_on_commit_callbacks, monkeypatch):
    make_entry(title="One", harm_kinds=["neglect"])
    _public("")
    monkeypatch.setattr(facet_sets, "CARRY_FORWARD_AT_MOST", 1)
    with django_capture_on_commit_callbacks(execute=True):
        make_entry(title="Two", harm_kinds=["physical"])  # one entry: carried forward
    assert facet_sets._held["sets"].version == facet_index.data_version()
    with django_capture_on_commit_callbacks(execute=True):
        facet_index.refresh(RepositoryEntry.objects.values_list("pk", flat=True))  # two: not
    assert facet_sets._held["sets"].version != facet_index.data_version()
    options = {f.key: f for f in _public("").facets}["harm_kind"].options
    assert {(o.value, o.count) for o in options} == {("neglect", 1), ("physical", 1)}
    assert facet_sets._held["sets"].version == facet_index.data_version()
