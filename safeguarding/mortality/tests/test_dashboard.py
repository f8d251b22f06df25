"""The analyst dashboard: national roles only, figures from the analysis, filters, CSV per table."""

import csv
import io

import pytest

from safeguarding.child_deaths.models.vocabulary import AgeBand
from safeguarding.mortality.factories import MortalityRecordFactory
from safeguarding.mortality.views.dashboard import PAGES
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role


@pytest.fixture
def deaths(geography):
    MortalityRecordFactory.create_batch(
        12,
        year_of_death=2023,
        age_band=AgeBand.UNDER_28_DAYS,
        reviewed=True,
        days_to_review=150,
        category="8",
        modifiable="no",
        hospital="Great North Children's Hospital",
    )
    MortalityRecordFactory.create_batch(
        6, year_of_death=2024, region_code="E12000007", la_code="E09000007", circumstances="Blind cord at the window."
    )


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_shows_charts_and_tables_to_national_roles(client, sign_in, national_analyst, deaths, page):
    sign_in(national_analyst)
    response = client.get(f"/mortality/{page}/" if page != "overview" else "/mortality/")
    assert response.status_code == 200
    main = response.content.decode().split("<main")[1].split("</main>")[0]
    assert "<table" in main and " style=" not in main and "<script" not in main


def test_overview_figures_match_the_analysis(client, sign_in, national_administrator, deaths):
    sign_in(national_administrator)
    html = client.get("/mortality/").content.decode()
    assert 'role="img"' in html and 'aria-labelledby="chart-age-band-title chart-age-band-desc"' in html
    assert "<figcaption" in html


def test_filters_narrow_the_deaths_and_bad_values_are_named(client, sign_in, national_analyst, deaths):
    sign_in(national_analyst)
    response = client.get("/mortality/tables/region.csv", {"year": "2024"})
    rows = {row[0]: row for row in csv.reader(io.StringIO(response.content.decode()))}
    assert rows["London"][1] == "6" and rows["North East"][1] == "0"
    bad = client.get("/mortality/", {"year": "1900"})
    assert "Choose a year of death from the list" in bad.content.decode()


def test_unknown_table_or_page_is_404(client, sign_in, national_analyst, deaths):
    sign_in(national_analyst)
    assert client.get("/mortality/tables/shoe-size.csv").status_code == 404
    assert client.get("/mortality/nowhere/").status_code == 404


def test_hazards_list_the_deaths_behind_them_for_national_roles_only(client, sign_in, national_analyst, area, deaths):
    for month in range(1, 13):
        MortalityRecordFactory.create_batch(10, year_of_death=2023, month_of_death=month)
    MortalityRecordFactory.create_batch(
        4, year_of_death=2024, month_of_death=7, circumstances="Caught in a blind cord."
    )
    panel_manager = person_with_role(Role.PANEL_MANAGER, area)
    sign_in(panel_manager)
    assert client.get("/mortality/hazards/").status_code == 404
    sign_in(national_analyst)
    html = client.get("/mortality/hazards/").content.decode()
    assert "blind cord" in html and "Caught in a blind cord." in html


def test_empty_database_says_so(client, sign_in, national_analyst, db):
    sign_in(national_analyst)
    assert "No deaths have reached the national database yet" in client.get("/mortality/").content.decode()


def test_figures_are_computed_once_per_filter_set_until_the_table_changes(
    client, sign_in, national_analyst, deaths, monkeypatch
):
    from safeguarding.mortality import tables

    built = []
    original = tables.tables_for
    monkeypatch.setattr(tables, "tables_for", lambda *args: built.append(args[0]) or original(*args))
    sign_in(national_analyst)

    assert client.get("/mortality/funnels/").status_code == 200
    assert "Funnel plots" in client.get("/mortality/funnels/").content.decode()
    assert len(built) == 1  # the second analyst's request read the stored figures
    client.get("/mortality/funnels/", {"year": "2024"})
    assert len(built) == 2  # another filter set is computed on its own

    MortalityRecordFactory(year_of_death=2024, region_code="E12000007", la_code="E09000007")
    client.get("/mortality/funnels/")
    assert len(built) == 3  # a new record is a new data version
