"""Releases: built for a year, every published cell disclosure-controlled, nothing for an empty year."""

import csv
import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command

from safeguarding import stats
from safeguarding.core import audit
from safeguarding.mortality.actions.seeding import seed_national
from safeguarding.mortality.factories import MortalityRecordFactory
from safeguarding.mortality.models import Release
from safeguarding.mortality.releases import disclosure

TODAY = datetime.date(2026, 11, 26)


def _cells(text):
    return list(csv.reader(io.StringIO(text)))


def _number(cell):
    return None if cell == disclosure.HIDDEN else int(cell)


@pytest.fixture
def small_year(geography):
    """A tenth of a national year: plenty of small counts to hide."""
    seed_national(audit.Actor.system("tests"), 1, seed=11, today=TODAY, scale=0.1)


def test_a_release_writes_html_csv_and_pdf_and_is_stored(small_year, tmp_path):
    out = io.StringIO()
    call_command("release_statistics", "--year", "2025-26", "--out", str(tmp_path), stdout=out)
    names = {path.name for path in tmp_path.iterdir()}
    assert {"child-deaths-2025-26.html", "child-deaths-2025-26.pdf", "2025-26-age.csv", "2025-26-places.csv"} <= names
    assert (tmp_path / "child-deaths-2025-26.pdf").read_bytes().startswith(b"%PDF")
    release = Release.objects.get(financial_year=2025)
    assert release.title == "Child deaths in England: year ending 31 March 2026"
    assert set(release.tables) == {name for name in names if name.endswith(".csv")}


def test_no_published_count_is_small_or_recoverable(small_year, tmp_path):
    call_command("release_statistics", "--year", "2025-26", "--out", str(tmp_path), stdout=io.StringIO())
    hidden_somewhere = False
    for path in tmp_path.glob("*.csv"):
        rows = _cells(path.read_text())
        header, body = rows[0], rows[1:]
        if path.name.endswith(("-places.csv",)):
            grid = [[_number(cell) for cell in row[1:]] for row in body]
        else:
            # One-way tables publish each count and the total; the row totals equal the cells.
            counts = [_number(row[1]) for row in body]
            width = 4 if path.name.endswith("-modifiable.csv") else 2
            if width == 4:
                grid = [[_number(cell) for cell in row[1:4]] for row in body]
            else:
                grid = [[count, count] for count in counts]
        hidden_somewhere |= any(value is None for row in grid for value in row)
        assert stats.small_counts_shown(grid, 5) == frozenset(), path.name
        assert stats.recoverable_cells(grid) == frozenset(), path.name
        assert stats.small_hidden_sums(grid, 5) == [], path.name
        # A rate or proportion is never shown beside a hidden count.
        for row in body if header[-1] == "95% upper" else []:
            if disclosure.HIDDEN in row[1 : len(header) - 3]:
                assert all(cell in (disclosure.HIDDEN, disclosure.NOT_APPLICABLE, "") for cell in row[-3:]), (
                    path.name,
                    row,
                )
    assert hidden_somewhere, "a tenth of a year should have small counts to hide"


def test_the_html_shows_no_small_count_and_no_free_text(small_year, tmp_path):
    call_command("release_statistics", "--year", "2025-26", "--out", str(tmp_path), stdout=io.StringIO())
    html = (tmp_path / "child-deaths-2025-26.html").read_text()
    cells = re.findall(r'<td class="govuk-table__cell govuk-table__cell--numeric">([^<]*)</td>', html)
    counts = [cell for cell in cells if cell.replace(",", "").isdigit()]
    assert counts and not [cell for cell in counts if 1 <= int(cell.replace(",", "")) <= 4]
    assert "[c]" in html
    assert "unresponsive" not in html and "SYN-" not in html


def test_a_year_with_no_data_says_so_and_writes_nothing(db, tmp_path):
    MortalityRecordFactory(year_of_death=2024, month_of_death=6)
    out_dir = tmp_path / "release"
    with pytest.raises(CommandError, match="No deaths are recorded for 2030-31: nothing was written"):
        call_command("release_statistics", "--year", "2030-31", "--out", str(out_dir), stdout=io.StringIO())
    assert not out_dir.exists()
    assert not Release.objects.exists()


@pytest.mark.parametrize("year", ["2025", "2025-27", "twenty"])
def test_a_badly_written_year_is_refused(db, tmp_path, year):
    with pytest.raises(CommandError, match="year must"):
        call_command("release_statistics", "--year", year, "--out", str(tmp_path), stdout=io.StringIO())


def test_one_way_tables_hide_rates_with_their_counts():
    table, _ = disclosure.one_way(
        "t", "T", "Group", ["a", "b", "c"], [2, 40, 50], {"rate": [1.0, 2.0, 3.0]}, derived_titles=("Rate",)
    )
    assert table.rows[0] == ["a", "[c]", "[c]"]
    # The smallest other count is hidden too, so "a" cannot be had from the total.
    assert table.rows[1] == ["b", "[c]", "[c]"]
    assert table.rows[2] == ["c", "50", "3.0"]
    assert table.rows[3] == ["All", "92", ""]


def test_a_rate_with_no_population_is_not_applicable_not_confidential():
    table, _ = disclosure.one_way(
        "t", "T", "Sex", ["Female", "Not known"], [40, 50], {"rate": [1.0, None]}, derived_titles=("Rate",)
    )
    assert table.rows[1] == ["Not known", "50", "[z]"]
    assert [symbol for symbol, _ in table.symbols()] == ["[z]"]


def test_the_release_names_its_period_explains_its_symbols_and_gives_the_total_once(small_year, tmp_path):
    call_command("release_statistics", "--year", "2025-26", "--out", str(tmp_path), stdout=io.StringIO())
    html = (tmp_path / "child-deaths-2025-26.html").read_text()
    assert "in the year from 1 April 2025 to 31 March 2026 (2025-26)." in html
    headline = html.split('id="release-headline"')[1].split("</section>")[0]
    assert "All children 0-17" in headline and '<th scope="row" class="govuk-table__header">All</th>' not in headline
    sex = html.split('id="release-sex"')[1].split("</section>")[0]
    assert re.search(r"Not known</th>.*\[z\]", sex, re.S)
    assert "[z] not applicable" in sex
    assert ("[c] confidential" in sex) == ("[c]</td>" in sex)


def test_public_pages_serve_published_releases_without_sign_in(small_year, tmp_path, client):
    call_command("release_statistics", "--year", "2025-26", "--out", str(tmp_path), stdout=io.StringIO())
    listing = client.get("/statistics/")
    assert "Child deaths in England: year ending 31 March 2026" in listing.content.decode()
    page = client.get("/statistics/child-deaths/2025-26/")
    assert page.status_code == 200 and "Methodology" in page.content.decode()
    assert client.get("/statistics/child-deaths/2025-26/release.pdf").content.startswith(b"%PDF")
    assert client.get("/statistics/child-deaths/2025-26/tables/2025-26-age.csv").status_code == 200
    assert client.get("/statistics/child-deaths/2019-20/").status_code == 404
    assert client.get("/statistics/child-deaths/nonsense/").status_code == 404
    # Emerging hazards and the dashboard are never public.
    assert client.get("/mortality/hazards/").status_code == 302


def test_publishing_is_audited_and_republishing_replaces(small_year, tmp_path):
    from safeguarding.core.models import AuditEvent

    call_command("release_statistics", "--year", "2025-26", "--out", str(tmp_path), stdout=io.StringIO())
    call_command("release_statistics", "--year", "2025-26", "--out", str(tmp_path), stdout=io.StringIO())
    assert Release.objects.count() == 1
    assert AuditEvent.objects.filter(verb="mortality.release.published").count() == 2
