"""A synthetic national dataset of child deaths on England's real geography (seed_national).

Volumes and shapes follow published national figures, rounded (synthetic data, not a copy):
- NCMD Child Death Review Data Release, year ending 31 March 2024: 3,577 deaths of children aged
  0-17 in England, 29.8 per 100,000 children. Each synthetic year draws its total from 3,300-3,700.
- NHS Digital, Child Death Reviews year ending 31 March 2018: around 4 in 10 deaths from a neonatal
  event; about 65% of reviewed deaths under one year; modifiable factors in about 25% of deaths
  under 28 days and nearly 4 in 10 at 28-364 days and 15-17 years. Here ~60% of deaths are in
  infancy, ~40% under 28 days, and about a third of reviewed deaths have modifiable factors.
- NCMD Child Mortality and Social Deprivation (2021): mortality rises steadily with deprivation,
  roughly doubling from the least to the most deprived; DEPRIVATION_RISK below follows that slope.
Category shares come from CATEGORY_BY_AGE (each row adds to 1): perinatal/neonatal events about a
third of all deaths, chromosomal/genetic/congenital about a fifth, then trauma, SUDI, infection,
acute and chronic conditions, malignancy, suicide (teenagers) and deliberate injury (~2%).
"""

import datetime
from dataclasses import dataclass

import numpy as np
from django.utils import timezone

from safeguarding.child_deaths.models.vocabulary import AgeBand, Category, EthnicityGroup, Modifiable, PlaceOfDeath, Sex
from safeguarding.organisations.models import ChildPopulation

from .geography import SPECIALIST_CENTRES, authorities, children_by_code
from .models import MortalityRecord, Origin, financial_year_of
from .synthetic_text import CIRCUMSTANCES, HAZARDS

DEATHS_PER_YEAR = (3300, 3700)
AGE_BANDS = [
    (AgeBand.UNDER_28_DAYS, 0.40),
    (AgeBand.DAYS_28_TO_364, 0.20),
    (AgeBand.YEARS_1_TO_4, 0.11),
    (AgeBand.YEARS_5_TO_9, 0.07),
    (AgeBand.YEARS_10_TO_14, 0.09),
    (AgeBand.YEARS_15_TO_17, 0.13),
]
CATEGORIES = [
    Category.DELIBERATE_INJURY,
    Category.SUICIDE,
    Category.TRAUMA,
    Category.MALIGNANCY,
    Category.ACUTE,
    Category.CHRONIC,
    Category.CONGENITAL,
    Category.PERINATAL,
    Category.INFECTION,
    Category.SUDDEN_UNEXPLAINED,
]
# Rows: age bands in AGE_BANDS order; columns: CATEGORIES order (1 to 10).
CATEGORY_BY_AGE = np.array(
    [
        [0.005, 0.00, 0.000, 0.00, 0.015, 0.005, 0.22, 0.70, 0.04, 0.015],
        [0.030, 0.00, 0.030, 0.01, 0.080, 0.050, 0.28, 0.18, 0.12, 0.220],
        [0.040, 0.00, 0.120, 0.12, 0.140, 0.120, 0.20, 0.05, 0.13, 0.080],
        [0.030, 0.00, 0.130, 0.25, 0.140, 0.160, 0.15, 0.03, 0.09, 0.020],
        [0.030, 0.12, 0.150, 0.20, 0.130, 0.160, 0.10, 0.02, 0.07, 0.020],
        [0.050, 0.24, 0.260, 0.12, 0.100, 0.110, 0.06, 0.00, 0.04, 0.020],
    ]
)
# Chance a reviewed death of each category has modifiable factors (CATEGORIES order).
MODIFIABLE_BY_CATEGORY = np.array([0.80, 0.65, 0.70, 0.05, 0.25, 0.20, 0.12, 0.35, 0.25, 0.60])
INSUFFICIENT_INFORMATION = 0.03
# Relative risk of death by deprivation quintile of the local authority (1 most deprived).
DEPRIVATION_RISK = {1: 1.45, 2: 1.2, 3: 1.0, 4: 0.85, 5: 0.75, None: 1.0}
SEXES = [(Sex.MALE, 0.555), (Sex.FEMALE, 0.44), (Sex.NOT_KNOWN, 0.005)]
ETHNICITIES = [
    (EthnicityGroup.WHITE, 0.64),
    (EthnicityGroup.ASIAN, 0.15),
    (EthnicityGroup.BLACK, 0.07),
    (EthnicityGroup.MIXED, 0.06),
    (EthnicityGroup.OTHER, 0.03),
    (EthnicityGroup.NOT_STATED, 0.05),
]
# Winter months see more infant infection and SUDI deaths.
SEASON = np.array([1.1, 1.08, 1.02, 0.98, 0.95, 0.93, 0.94, 0.95, 0.97, 1.0, 1.03, 1.08])
SPECIALIST_CATEGORIES = {Category.CONGENITAL, Category.PERINATAL, Category.MALIGNANCY, Category.CHRONIC, Category.ACUTE}
# Emerging hazards: deaths a month nationally before the recent window and during it.
HAZARD_BASELINE_PER_MONTH = 0.25
HAZARD_RECENT_PER_MONTH = 2.0
HAZARD_RECENT_MONTHS = 6
MEDIAN_DAYS_TO_REVIEW = 240
BATCH = 2000


@dataclass(frozen=True)
class SeedResult:
    created: int
    deleted: int
    first_month: tuple[int, int]
    last_month: tuple[int, int]


def months_ending_before(today, count):
    """The `count` whole months ending with the month before `today`'s, oldest first."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        months.append((year, month))
    return months[::-1]


def _pick(rng, choices, size):
    values, weights = zip(*choices, strict=True)
    return rng.choice(len(values), size=size, p=np.array(weights) / sum(weights)), values


def generate(years, *, seed=2026, today=None, scale=1.0):
    """Unsaved MortalityRecords for `years` twelve-month periods ending last month (`scale` < 1 for demos)."""
    if years < 1:
        raise ValueError(f"years must be at least 1, got {years}")
    if not 0 < scale <= 1:
        raise ValueError(f"scale must be more than 0 and at most 1, got {scale}")
    today = today or timezone.localdate()
    rng = np.random.default_rng(seed)
    places = authorities()
    if not places:
        raise ValueError("no local authorities: run `python manage.py load_reference_data` first")
    months = months_ending_before(today, 12 * years)
    risk = np.array([DEPRIVATION_RISK[place.quintile] for place in places])
    records = []
    serial = 0
    for block in range(years):
        block_months = months[12 * block : 12 * block + 12]
        total = round(int(rng.integers(DEATHS_PER_YEAR[0], DEATHS_PER_YEAR[1] + 1)) * scale)
        season = SEASON[[month - 1 for _, month in block_months]]
        per_month = rng.multinomial(total, season / season.sum())
        for (year, month), count in zip(block_months, per_month, strict=True):
            children = children_by_code(ChildPopulation.Level.LOCAL_AUTHORITY, year)
            weights = np.array([children.get(place.code, 0) for place in places], dtype=float) * risk
            where = rng.choice(len(places), size=count, p=weights / weights.sum())
            for index in range(count):
                serial += 1
                records.append(_record(rng, serial, places[where[index]], year, month, today))
    _add_hazards(rng, records, months)
    return records, months


def _record(rng, serial, place, year, month, today):
    band_index = rng.choice(len(AGE_BANDS), p=[share for _, share in AGE_BANDS])
    band = AGE_BANDS[band_index][0]
    category = CATEGORIES[rng.choice(len(CATEGORIES), p=CATEGORY_BY_AGE[band_index])]
    sex_index, sexes = _pick(rng, SEXES, None)
    ethnicity_index, ethnicities = _pick(rng, ETHNICITIES, None)
    died_on = datetime.date(year, month, int(rng.integers(1, 29)))
    notified_on = died_on + datetime.timedelta(days=int(rng.integers(0, 3)))
    days_to_review = int(rng.lognormal(np.log(MEDIAN_DAYS_TO_REVIEW), 0.45))
    reviewed = notified_on + datetime.timedelta(days=days_to_review) <= today
    modifiable = ""
    if reviewed:
        draw = rng.random()
        if draw < INSUFFICIENT_INFORMATION:
            modifiable = Modifiable.INSUFFICIENT
        elif rng.random() < MODIFIABLE_BY_CATEGORY[CATEGORIES.index(category)]:
            modifiable = Modifiable.YES
        else:
            modifiable = Modifiable.NO
    place_type, place_la, hospital = _place_of_death(rng, place, band, category)
    texts = CIRCUMSTANCES[category]
    return MortalityRecord(
        origin=Origin.SYNTHETIC,
        pseudonym=f"SYN-{serial:07d}",
        year_of_death=year,
        month_of_death=month,
        financial_year=financial_year_of(year, month),
        age_band=band,
        sex=sexes[sex_index],
        ethnicity_group=ethnicities[ethnicity_index],
        region_code=place.region_code,
        la_code=place.code,
        panel=place.panel,
        place_la_code=place_la,
        place_type=place_type,
        hospital=hospital,
        deprivation_quintile=place.quintile,
        # The category is the panel's finding: a death not yet reviewed has none.
        category=category if reviewed else "",
        modifiable=modifiable,
        reviewed=reviewed,
        days_to_review=days_to_review if reviewed else None,
        circumstances=texts[int(rng.integers(len(texts)))],
    )


def _place_of_death(rng, place, band, category):
    infant = band in {AgeBand.UNDER_28_DAYS, AgeBand.DAYS_28_TO_364}
    draw = rng.random()
    if category in {Category.TRAUMA, Category.SUICIDE} and draw < 0.45:
        return PlaceOfDeath.PUBLIC_PLACE, place.code, ""
    if draw < 0.01:
        return PlaceOfDeath.ABROAD, "", ""
    if draw < (0.10 if infant else 0.22):
        return PlaceOfDeath.HOME, place.code, ""
    if category in SPECIALIST_CATEGORIES and rng.random() < 0.4:
        centres = SPECIALIST_CENTRES[place.region_code]
        name, code = centres[int(rng.integers(len(centres)))]
        return PlaceOfDeath.HOSPITAL, code, name
    return PlaceOfDeath.HOSPITAL, place.code, ""


def _add_hazards(rng, records, months):
    """Rewrite some deaths' circumstances into hazard deaths: a few a year, then a rise."""
    by_month = {}
    for record in records:
        by_month.setdefault((record.year_of_death, record.month_of_death), []).append(record)
    recent = set(months[-HAZARD_RECENT_MONTHS:])
    used = set()
    for key in months:
        rate = HAZARD_RECENT_PER_MONTH if key in recent else HAZARD_BASELINE_PER_MONTH
        for _phrase, category, bands, sentence in HAZARDS:
            eligible = [r for r in by_month.get(key, []) if r.age_band in bands and r.pseudonym not in used]
            count = min(int(rng.poisson(rate)), len(eligible))
            for position in rng.choice(len(eligible), size=count, replace=False) if count else []:
                record = eligible[position]
                used.add(record.pseudonym)
                record.circumstances = sentence
                if record.reviewed:
                    record.category = category


def save(records):
    """Replace every synthetic record with `records`, in batches; review-derived records stay."""
    deleted, _ = MortalityRecord.objects.filter(origin=Origin.SYNTHETIC).delete()
    MortalityRecord.objects.bulk_create(records, batch_size=BATCH)
    return deleted
