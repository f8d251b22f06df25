"""A statistical release for one financial year: HTML, CSV tables and PDF, every cell disclosure-controlled.

Tables are built from the national records of deaths in the year (April to March) and published only
through releases.disclosure. No free text (circumstances) and no pseudonym reaches a release.
"""

import csv
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from safeguarding import stats
from safeguarding.child_deaths.models.vocabulary import AgeBand, Category, Modifiable, Sex

from ..analysis.denominators import populations
from ..charts import svg
from ..geography import region_names
from ..models import MortalityRecord, financial_year_label
from ..reference import age_band_shares, sex_shares
from . import disclosure

PER = 100_000
QUINTILES = {1: "1 (most deprived)", 2: "2", 3: "3", 4: "4", 5: "5 (least deprived)", None: "Not known"}


class NoDataError(ValueError):
    """The year has no deaths recorded: nothing is published."""


@dataclass
class ReleaseContent:
    financial_year: int
    title: str
    body: str  # the release's HTML inside the site's page
    document: str  # a standalone HTML file
    tables: dict  # file name -> CSV text
    pdf: bytes
    deaths: int


def _counts(records, field, keys):
    found = {}
    for value in records.values_list(field, flat=True).iterator():
        found[value] = found.get(value, 0) + 1
    return [found.get(key, 0) for key in keys]


def _rates(counts, denominators):
    estimates = [
        stats.rate_with_ci(count, people) if people else (None, None, None)
        for count, people in zip(counts, denominators, strict=True)
    ]
    return {
        "rate": [estimate[0] for estimate in estimates],
        "lower": [estimate[1] for estimate in estimates],
        "upper": [estimate[2] for estimate in estimates],
    }


RATE_TITLES = ("Rate per 100,000", "95% lower", "95% upper")


# What the run's page says while a release is built; publish_release adds the last stage.
RELEASE_STAGES = (
    "Counting the year's deaths",
    "Deaths by age and sex",
    "Deaths by region and deprivation",
    "Reviewed deaths by category and modifiable factors",
    "Deaths in specialist centres",
    "Drawing the charts and writing the HTML",
    "Writing the PDF",
    "Publishing the release",
)


def stage_teller(progress, stages=RELEASE_STAGES):
    """A function that tells `progress` the next stage each time it is called (or does nothing without one)."""
    position = iter(range(len(stages)))

    def tell():
        index = next(position)
        if progress is not None:
            progress(index, len(stages), stages[index])

    return tell


def build_release(financial_year, *, published_on=None, progress=None):
    """The release's content, built in memory: nothing is stored here. `progress(done, total, stage)` hears
    each stage."""
    tell = stage_teller(progress)
    tell()
    records = MortalityRecord.objects.filter(financial_year=financial_year).order_by()
    deaths = records.count()
    label = financial_year_label(financial_year)
    if not deaths:
        raise NoDataError(f"No deaths are recorded for {label}: nothing was written.")
    population = populations([financial_year])
    children = population.national
    tables = []

    overall = stats.rate_with_ci(deaths, children)
    headline, _ = disclosure.one_way(
        "headline", "Deaths of children aged 0 to 17", "Children", ["All children 0-17"], [deaths],
        _rates([deaths], [children]), derived_titles=RATE_TITLES, total=False,
    )  # fmt: skip
    tables.append(headline)

    tell()
    bands = list(AgeBand)
    band_counts = _counts(records, "age_band", bands)
    age, _ = disclosure.one_way(
        "age", "Deaths by age at death", "Age at death", [band.label for band in bands], band_counts,
        _rates(band_counts, [children * age_band_shares()[band] for band in bands]), derived_titles=RATE_TITLES,
    )  # fmt: skip
    tables.append(age)

    sexes = [Sex.FEMALE, Sex.MALE, Sex.INDETERMINATE, Sex.NOT_KNOWN]
    sex_counts = _counts(records, "sex", sexes)
    sex, _ = disclosure.one_way(
        "sex", "Deaths by sex", "Sex", [item.label for item in sexes], sex_counts,
        _rates(sex_counts, [children * sex_shares().get(item, 0) for item in sexes]), derived_titles=RATE_TITLES,
    )  # fmt: skip
    tables.append(sex)

    tell()
    regions = sorted(region_names().items(), key=lambda item: item[1])
    region_counts = _counts(records, "region_code", [code for code, _ in regions])
    region, _ = disclosure.one_way(
        "region", "Deaths by region of residence", "Region", [name for _, name in regions], region_counts,
        _rates(region_counts, [population.region.get(code) for code, _ in regions]), derived_titles=RATE_TITLES,
    )  # fmt: skip
    tables.append(region)

    quintile_keys = list(QUINTILES)
    quintile_counts = _counts(records, "deprivation_quintile", quintile_keys)
    quintile, _ = disclosure.one_way(
        "deprivation", "Deaths by deprivation quintile of the home local authority", "Quintile",
        list(QUINTILES.values()), quintile_counts,
        _rates(quintile_counts, [population.quintile.get(key) for key in quintile_keys]), derived_titles=RATE_TITLES,
    )  # fmt: skip
    tables.append(quintile)

    tell()
    reviewed = records.filter(reviewed=True)
    categories = list(Category)
    category_counts = _counts(reviewed, "category", categories)
    category, _ = disclosure.one_way(
        "category", "Reviewed deaths by category", "Category", [item.label for item in categories], category_counts
    )
    tables.append(category)

    yes = _counts(reviewed.filter(modifiable=Modifiable.YES), "category", categories)
    no = _counts(reviewed.filter(modifiable=Modifiable.NO), "category", categories)
    modifiable, _ = disclosure.proportions_by_row(
        "modifiable", "Reviewed deaths with modifiable factors, by category", "Category",
        [item.label for item in categories], yes, no,
    )  # fmt: skip
    tables.append(modifiable)

    tell()
    hospitals = sorted(set(records.exclude(hospital="").values_list("hospital", flat=True)))
    if hospitals:
        grid = [[0] * len(regions) for _ in hospitals]
        region_index = {code: index for index, (code, _) in enumerate(regions)}
        for hospital, code in records.exclude(hospital="").values_list("hospital", "region_code").iterator():
            if code in region_index:
                grid[hospitals.index(hospital)][region_index[code]] += 1
        places, _ = disclosure.two_way(
            "places", "Deaths in specialist centres by the child's region of residence", "Specialist centre",
            hospitals, [name for _, name in regions], grid,
        )  # fmt: skip
        tables.append(places)

    tell()
    charts = {
        "age": _chart("release-age", "Death rate by age at death", age, rate_column=2),
        "region": _chart("release-region", "Death rate by region of residence", region, rate_column=2),
        "deprivation": _chart("release-deprivation", "Death rate by deprivation quintile", quintile, rate_column=2),
    }
    title = f"Child deaths in England: year ending 31 March {financial_year + 1}"
    context = {
        "title": title,
        "label": label,
        "first_year": financial_year,
        "last_year": financial_year + 1,
        "deaths": headline.rows[0][1],
        "rate": None if overall.value is None else f"{overall.value:.1f}",
        "lower": f"{overall.lower:.1f}",
        "upper": f"{overall.upper:.1f}",
        "reviewed": reviewed.count(),
        "tables": tables,
        "charts": charts,
        "published_on": published_on or timezone.localdate(),
        "population_year": min(financial_year, 2024),
    }
    body = render_to_string("mortality/release/body.html", context)
    document = render_to_string("mortality/release/document.html", {**context, "body": body, "css": _css()})
    csv_files = {f"{label}-{table.slug}.csv": _csv(table) for table in tables}
    tell()
    pdf = _pdf(document)
    return ReleaseContent(financial_year, title, body, document, csv_files, pdf, deaths)


def _chart(chart_id, title, table, *, rate_column):
    bars = []
    for row in table.rows[:-1]:
        value = row[rate_column]
        if value in (disclosure.HIDDEN, disclosure.NOT_APPLICABLE, ""):
            continue
        bars.append((row[0], float(value), float(row[rate_column + 1]), float(row[rate_column + 2])))
    return svg.bar_chart(chart_id, title, bars)


def _csv(table):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in table.csv_rows():
        writer.writerow([str(cell).replace(",", "") if index else cell for index, cell in enumerate(row)])
    return buffer.getvalue()


def _css():
    from pathlib import Path

    return (Path(__file__).resolve().parent.parent / "static" / "mortality" / "charts.css").read_text()


def _pdf(document):
    from weasyprint import HTML  # loads Pango: only when a release is built

    return HTML(string=document).write_pdf()
