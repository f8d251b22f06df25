"""Populations and deprivation from the reference files in reference_data/ (see its README)."""

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

from safeguarding.child_deaths.models.vocabulary import AgeBand, Sex

DIRECTORY = Path(__file__).resolve().parent / "reference_data"
ENGLAND = "E92000001"
# Ages (years) each band covers; both infant bands are measured against the population aged 0.
BAND_AGES = {
    AgeBand.UNDER_28_DAYS: range(0, 1),
    AgeBand.DAYS_28_TO_364: range(0, 1),
    AgeBand.YEARS_1_TO_4: range(1, 5),
    AgeBand.YEARS_5_TO_9: range(5, 10),
    AgeBand.YEARS_10_TO_14: range(10, 15),
    AgeBand.YEARS_15_TO_17: range(15, 18),
}
# The population files still use the codes from before Barnsley and Sheffield were recoded in 2025.
RECODED = {"E08000016": "E08000038", "E08000019": "E08000039"}


def _england_ages(kind):
    with open(DIRECTORY / f"ons_mye2023_ew_mye2_{kind}_single_year_of_age.csv", newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["Code"] == ENGLAND:
                return {age: int(row[str(age)]) for age in range(18)}
    raise ValueError(f"no England row in the {kind} population file")


@cache
def england_children_2023():
    """England's children aged 0-17 at mid-2023 by single year: {'persons'|'females'|'males': {age: n}}."""
    return {kind: _england_ages(kind) for kind in ("persons", "females", "males")}


@cache
def age_band_shares():
    """Each age band's denominator as a share of all children 0-17 (mid-2023)."""
    persons = england_children_2023()["persons"]
    total = sum(persons.values())
    return {band: sum(persons[age] for age in ages) / total for band, ages in BAND_AGES.items()}


@cache
def sex_shares():
    ages = england_children_2023()
    total = sum(ages["persons"].values())
    return {Sex.FEMALE: sum(ages["females"].values()) / total, Sex.MALE: sum(ages["males"].values()) / total}


@cache
def deprivation_quintiles():
    """{children's services LA code: quintile 1 (most deprived) to 5} from IMD 2025 district scores."""
    with open(DIRECTORY / "geographr_lookup_ltla23_utla23.csv", newline="", encoding="utf-8") as file:
        upper_of = {row["ltla23_code"]: row["utla23_code"] for row in csv.DictReader(file)}
    scores = defaultdict(list)
    with open(DIRECTORY / "humaniverse_IMD_imd2025_england_ltla24.csv", newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            district = row["ltla24_code"]
            upper = upper_of.get(district, district)  # the 2023 lookup misses districts created since
            scores[RECODED.get(upper, upper)].append(float(row["imd_average_score"]))
    mean = {code: sum(values) / len(values) for code, values in scores.items()}
    return _quintiles(mean)


def _quintiles(score_by_code):
    # Higher IMD score = more deprived, so the highest scores form quintile 1.
    ranked = sorted(score_by_code, key=lambda code: (-score_by_code[code], code))
    count = len(ranked)
    return {code: 1 + (5 * position) // count for position, code in enumerate(ranked)}
