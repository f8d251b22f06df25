"""Reading England's reference data files into plain rows, checking every value on the way.

Nothing here touches the database: load_reference_data parses every file first, so one bad row stops
the load before anything is written. Each problem is a ReferenceDataError naming the file, the line
(the header is line 1) and what is wrong, so that whoever refreshes the files can find and fix it.
The files and their sources are described in reference_data/README.md.
"""

import csv
import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

REGIONS_FILE = "dfe_qa_regions.csv"
POLICE_FORCE_AREAS_FILE = "dfe_qa_police-force-areas.csv"
LOCAL_AUTHORITIES_FILE = "derived_la153_region_pfa_icb_children.csv"
CHILD_POPULATIONS_FILE = "dfe_csc_ons_mye_children_0_17_2012_2024.csv"

ONS_CODE = re.compile(r"[A-Z]\d{8}")
REGION_PREFIX = "E12"
LONDON_SUB_REGION_PREFIX = "E13"  # Inner and Outer London: statistical groupings inside the London region
POLICE_FORCE_AREA_PREFIX = "E23"
ICB_PREFIX = "E54"
ENGLAND_PREFIX = "E92"
# Unitary authorities, metropolitan districts, London boroughs (with the City) and counties.
LOCAL_AUTHORITY_PREFIXES = ("E06", "E08", "E09", "E10")

# Shares are rounded to four places, so an authority split three ways may add up to 0.9999.
SHARE_TOLERANCE = Decimal("0.001")
SHARE_DECIMAL_PLACES = 4  # LocalAuthorityIcbShare.share keeps four

# DfE's symbol for "not available"; this series uses it for Bournemouth, Poole and the old Dorset before 2019.
NOT_AVAILABLE = "x"
CHILDREN_AGED_0_TO_17 = "Children aged 0 to 17 years"
# The file's geographic_level, translated to ChildPopulation.Level values.
POPULATION_LEVELS = {"National": "national", "Regional": "regional", "Local authority": "local_authority"}


class ReferenceDataError(Exception):
    """A reference data file is missing, malformed or inconsistent; the message says where."""


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str


@dataclass(frozen=True)
class PoliceForceAreaRow:
    code: str
    name: str


@dataclass(frozen=True)
class IntegratedCareBoardRow:
    code: str
    name: str


@dataclass(frozen=True)
class IcbShareRow:
    icb_code: str
    share: Decimal


@dataclass(frozen=True)
class LocalAuthorityRow:
    code: str
    old_code: str
    name: str
    code_2024: str  # differs from code only where ONS recoded the authority after mid-2024
    region_code: str
    police_force_area_code: str
    icb_shares: tuple[IcbShareRow, ...]
    children_mid2024: int
    line: int


@dataclass(frozen=True)
class ChildPopulationRow:
    level: str
    code: str
    name: str
    year: int
    children: int | None  # None where DfE marks the figure not available
    line: int


@dataclass(frozen=True)
class ReferenceData:
    regions: list[RegionRow]
    police_force_areas: list[PoliceForceAreaRow]
    integrated_care_boards: list[IntegratedCareBoardRow]
    local_authorities: list[LocalAuthorityRow]
    child_populations: list[ChildPopulationRow]
    notes: list[str]  # what was left out or recoded, and why, for the command's report


def _error_at(filename, line_number, problem):
    return ReferenceDataError(f"{filename} line {line_number}: {problem}")


class _Line:
    """One data row of a file, able to say where it came from when one of its values is wrong."""

    def __init__(self, filename, number, values):
        self.filename = filename
        self.number = number
        self.values = values

    def error(self, problem):
        return _error_at(self.filename, self.number, problem)

    def text(self, column):
        value = self.values[column].strip()
        if not value:
            raise self.error(f"{column} is empty")
        return value

    def ons_code(self, column, prefixes=None, kind=None):
        value = self.text(column)
        return _checked_code(self, column, value, prefixes, kind)

    def whole_number(self, column, *, not_available_allowed=False):
        value = self.text(column)
        if not_available_allowed and value == NOT_AVAILABLE:
            return None
        if not re.fullmatch(r"-?\d+", value):
            raise self.error(f"{column} {value!r} is not a whole number")
        if int(value) < 0:
            raise self.error(f"{column} {value!r} is negative")
        return int(value)


def _checked_code(line, column, value, prefixes=None, kind=None):
    if not ONS_CODE.fullmatch(value):
        raise line.error(f"{column} {value!r} is not a 9-character ONS code")
    if prefixes and not value.startswith(prefixes):
        raise line.error(f"{column} {value!r} is not {kind} ({', '.join(prefixes)}…)")
    return value


def _read(path, required_columns):
    """Yield each data row of a CSV file; utf-8-sig because DfE's police force area file starts with a BOM."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [column for column in required_columns if column not in header]
            if missing:
                raise ReferenceDataError(f"{path.name} line 1: missing column(s) {', '.join(missing)}")
            for values in reader:
                line = _Line(path.name, reader.line_num, values)
                if None in values or None in values.values():  # DictReader's marks for too many or too few fields
                    raise line.error(f"does not have the header's {len(header)} fields")
                yield line
    except FileNotFoundError:
        raise ReferenceDataError(f"{path.name}: file not found in {path.parent}") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise ReferenceDataError(f"{path.name}: not a readable UTF-8 CSV file ({error})") from None


class _FirstSeen:
    """Remembers the line each key first appeared on, so a repeat can point back to it."""

    def __init__(self):
        self.lines = {}

    def check(self, line, description, key):
        if key in self.lines:
            raise line.error(f"{description} repeats line {self.lines[key]}")
        self.lines[key] = line.number


def parse_regions(path):
    """England's nine regions, and London's two sub-regions apart (the population file uses them too)."""
    regions, london_sub_regions, seen = [], [], _FirstSeen()
    for line in _read(path, ["region_code", "region_name"]):
        code = line.ons_code("region_code", (REGION_PREFIX, LONDON_SUB_REGION_PREFIX), "an English region code")
        seen.check(line, f"region_code {code}", code)
        row = RegionRow(code, line.text("region_name"))
        (london_sub_regions if code.startswith(LONDON_SUB_REGION_PREFIX) else regions).append(row)
    return regions, london_sub_regions


def parse_police_force_areas(path):
    """England's police force areas; the file also lists Wales, Scotland, Northern Ireland and pseudo-areas."""
    in_england, elsewhere, seen = [], [], _FirstSeen()
    for line in _read(path, ["pfa_code", "pfa_name", "status"]):
        code = line.ons_code("pfa_code")
        seen.check(line, f"pfa_code {code}", code)
        row = PoliceForceAreaRow(code, line.text("pfa_name"))
        if code.startswith("E"):
            _checked_code(line, "pfa_code", code, (POLICE_FORCE_AREA_PREFIX,), "a police force area code")
        if code.startswith(POLICE_FORCE_AREA_PREFIX) and line.text("status") == "active":
            in_england.append(row)
        else:
            elsewhere.append(row)
    return in_england, elsewhere


def parse_local_authorities(path, region_codes, police_force_area_codes):
    """The 153 children's services authorities, and the ICBs they name (there is no separate ICB file)."""
    columns = ["new_la_code", "old_la_code", "la_name", "la_code_2024", "region24_code", "pfa_code"]
    columns += ["icb24_codes", "icb24_names", "icb24_lsoa_shares", "children_0_17_mid2024"]
    authorities, icbs = [], {}  # icbs: code -> (name, line it was first named on)
    seen_code, seen_code_2024 = _FirstSeen(), _FirstSeen()
    for line in _read(path, columns):
        code = line.ons_code("new_la_code", LOCAL_AUTHORITY_PREFIXES, "a children's services authority code")
        code_2024 = line.ons_code("la_code_2024", LOCAL_AUTHORITY_PREFIXES, "a children's services authority code")
        seen_code.check(line, f"new_la_code {code}", code)
        seen_code_2024.check(line, f"la_code_2024 {code_2024}", code_2024)
        old_code = line.text("old_la_code")
        if not re.fullmatch(r"\d{3}", old_code):
            raise line.error(f"old_la_code {old_code!r} is not DfE's three-digit LA number")
        region_code = line.ons_code("region24_code", (REGION_PREFIX,), "an English region code")
        if region_code not in region_codes:
            raise line.error(f"region24_code {region_code!r} is not a known region ({REGIONS_FILE})")
        pfa_code = line.ons_code("pfa_code", (POLICE_FORCE_AREA_PREFIX,), "a police force area code")
        if pfa_code not in police_force_area_codes:
            raise line.error(f"pfa_code {pfa_code!r} is not a known police force area ({POLICE_FORCE_AREAS_FILE})")
        icb_codes = _icb_codes(line)
        for icb_code, icb_name in _icb_names(line, icb_codes):
            first_name, first_line = icbs.setdefault(icb_code, (icb_name, line.number))
            if icb_name != first_name:
                raise line.error(
                    f"icb24_names calls {icb_code} {icb_name!r}, but line {first_line} calls it {first_name!r}"
                )
        authorities.append(
            LocalAuthorityRow(
                code=code,
                old_code=old_code,
                name=line.text("la_name"),
                code_2024=code_2024,
                region_code=region_code,
                police_force_area_code=pfa_code,
                icb_shares=_icb_shares(line, icb_codes),
                children_mid2024=line.whole_number("children_0_17_mid2024"),
                line=line.number,
            )
        )
    return authorities, [IntegratedCareBoardRow(code, name) for code, (name, _) in icbs.items()]


def _icb_codes(line):
    codes = [
        _checked_code(line, "icb24_codes", code.strip(), (ICB_PREFIX,), "an ICB code")
        for code in line.text("icb24_codes").split("|")
    ]
    repeated = [code for code, count in Counter(codes).items() if count > 1]
    if repeated:
        raise line.error(f"icb24_codes names {repeated[0]} more than once")
    return codes


def _icb_names(line, codes):
    names = [name.strip() for name in line.text("icb24_names").split("|")]
    if len(names) != len(codes) or not all(names):
        raise line.error(f"icb24_names has {len(names)} names for {len(codes)} ICB codes")
    return zip(codes, names, strict=True)


def _icb_shares(line, codes):
    raw_shares = line.text("icb24_lsoa_shares").split("|")
    if len(raw_shares) != len(codes):
        raise line.error(f"icb24_lsoa_shares has {len(raw_shares)} shares for {len(codes)} ICB codes")
    shares = tuple(IcbShareRow(code, _share(line, raw.strip())) for code, raw in zip(codes, raw_shares, strict=True))
    total = sum(share.share for share in shares)
    if abs(total - 1) > SHARE_TOLERANCE:
        raise line.error(f"icb24_lsoa_shares add up to {total}, not 1")
    return shares


def _share(line, raw):
    try:
        share = Decimal(raw)
    except InvalidOperation:
        raise line.error(f"icb24_lsoa_shares {raw!r} is not a number") from None
    if not share.is_finite() or not 0 < share <= 1:
        raise line.error(f"icb24_lsoa_shares {raw!r} is not more than 0 and at most 1")
    if -share.as_tuple().exponent > SHARE_DECIMAL_PLACES:
        raise line.error(f"icb24_lsoa_shares {raw!r} has more than {SHARE_DECIMAL_PLACES} decimal places")
    return share


def parse_child_populations(path, known_region_codes):
    """Every row of the DfE 0-17 series: England, regions, and authorities past and present."""
    columns = ["time_period", "geographic_level", "country_code", "region_code", "region_name", "new_la_code"]
    columns += ["la_name", "age_group", "population_estimate"]
    rows = []
    for line in _read(path, columns):
        year = line.text("time_period")
        if not re.fullmatch(r"\d{4}", year):
            raise line.error(f"time_period {year!r} is not a year")
        level = POPULATION_LEVELS.get(line.text("geographic_level"))
        if level is None:
            raise line.error(
                f"geographic_level {line.values['geographic_level']!r} is not one of {list(POPULATION_LEVELS)}"
            )
        if line.text("age_group") != CHILDREN_AGED_0_TO_17:
            raise line.error(f"age_group {line.values['age_group']!r} is not {CHILDREN_AGED_0_TO_17!r}")
        if level == "national":
            code, name = line.ons_code("country_code", (ENGLAND_PREFIX,), "England's code"), "England"
        else:
            code, name = line.ons_code("region_code"), line.values["region_name"].strip()
            if code not in known_region_codes:
                raise line.error(f"region_code {code!r} is not a known region ({REGIONS_FILE})")
        if level == "local_authority":
            code = line.ons_code("new_la_code", LOCAL_AUTHORITY_PREFIXES, "a children's services authority code")
            name = line.values["la_name"].strip()
        children = line.whole_number("population_estimate", not_available_allowed=True)
        rows.append(ChildPopulationRow(level, code, name, int(year), children, line.number))
    return rows


@dataclass(frozen=True)
class Succession:
    """A county council abolished by reorganisation, and the unitary authorities that took its area."""

    predecessor: str
    name: str
    successors: tuple[str, ...]


# The ONS codes' history (dfe_qa_las.csv of the shared reference: each county's date of termination, each
# unitary authority's date of operation). Each successor covers part of the county and nothing else, so
# the county's children are the successors' children in the years before they existed.
SUCCESSIONS = (
    Succession("E10000002", "Buckinghamshire county", ("E06000060",)),  # Buckinghamshire, 1 April 2020
    # North Northamptonshire and West Northamptonshire, 1 April 2021
    Succession("E10000021", "Northamptonshire", ("E06000061", "E06000062")),
    # Cumberland and Westmorland and Furness, 1 April 2023
    Succession("E10000006", "Cumbria", ("E06000063", "E06000064")),
    Succession("E10000023", "North Yorkshire county", ("E06000065",)),  # North Yorkshire, 1 April 2023
    Succession("E10000027", "Somerset county", ("E06000066",)),  # Somerset, 1 April 2023
)


# Bournemouth, Christchurch and Poole and Dorset replaced Bournemouth, Poole and Dorset county on 1 April 2019.
# The series marks the old three not available before then; together they covered exactly the new two, so
# their children are England's less every other authority's, shared as the new two's children in 2019.
RESIDUAL_SUCCESSORS = ("E06000058", "E06000059")
RESIDUAL_PREDECESSORS = "Bournemouth, Poole and Dorset county"


def _split(children, weights):
    """`children` shared in proportion to `weights`, as whole numbers that add up to `children` exactly
    (largest remainders)."""
    total = sum(weights)
    exact = [children * weight / total for weight in weights]
    parts = [int(share) for share in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in by_remainder[: children - sum(parts)]:
        parts[i] += 1
    return parts


def _file_under_successors(predecessor_rows, kept, local_authorities):
    """Rows of the successors for the years before they existed: a county's figure, whole when one
    authority succeeded it, else shared by the successors' children in their first year."""
    names = {la.code: la.name for la in local_authorities}
    by_code_year = {(row.code, row.year): row for row in kept if row.level == "local_authority"}
    filed, notes = [], []
    for succession in SUCCESSIONS:
        rows = sorted(predecessor_rows.get(succession.predecessor, []), key=lambda row: row.year)
        if not rows:
            continue
        first_years = [
            min((year for code, year in by_code_year if code == successor), default=None)
            for successor in succession.successors
        ]
        if None in first_years or len(set(first_years)) != 1:
            problem = f"the successors of {succession.name} ({', '.join(succession.successors)}) do not start together"
            raise _error_at(CHILD_POPULATIONS_FILE, rows[0].line, problem)
        first_year = first_years[0]
        weights = [by_code_year[(successor, first_year)].children for successor in succession.successors]
        for row in rows:
            if row.year >= first_year:
                problem = f"{succession.name} has a population in {row.year}, when its successors already existed"
                raise _error_at(CHILD_POPULATIONS_FILE, row.line, problem)
            for successor, children in zip(succession.successors, _split(row.children, weights), strict=True):
                filed.append(replace(row, code=successor, name=names.get(successor, successor), children=children))
        how = "" if len(succession.successors) == 1 else f", shared as their children in {first_year}"
        notes.append(
            f"Child populations: {len(rows)} rows of {succession.name} {succession.predecessor} "
            f"({rows[0].year}-{rows[-1].year}) filed under {' and '.join(succession.successors)}{how}"
        )
    return filed, notes


def _file_residual(kept, local_authorities):
    """Rows of Bournemouth, Christchurch and Poole and of Dorset for the years the series leaves them out."""
    names = {la.code: la.name for la in local_authorities}
    others = {la.code for la in local_authorities} - set(RESIDUAL_SUCCESSORS)
    england = {row.year: row for row in kept if row.level == "national"}
    by_year = {}
    for row in kept:
        if row.level == "local_authority":
            by_year.setdefault(row.year, {})[row.code] = row
    first_year = min(
        (year for year, rows in by_year.items() if all(code in rows for code in RESIDUAL_SUCCESSORS)), default=None
    )
    if first_year is None:
        return [], []
    weights = [by_year[first_year][code].children for code in RESIDUAL_SUCCESSORS]
    filed, years = [], []
    for year, rows in sorted(by_year.items()):
        if year not in england or any(code in rows for code in RESIDUAL_SUCCESSORS) or not others <= set(rows):
            continue
        residual = england[year].children - sum(rows[code].children for code in others)
        if residual <= 0:
            continue
        for code, children in zip(RESIDUAL_SUCCESSORS, _split(residual, weights), strict=True):
            filed.append(
                replace(
                    england[year], level="local_authority", code=code, name=names.get(code, code), children=children
                )
            )
        years.append(year)
    if not years:
        return [], []
    note = (
        f"Child populations: {RESIDUAL_PREDECESSORS} ({years[0]}-{years[-1]}, not available in the series) filed "
        f"under {' and '.join(RESIDUAL_SUCCESSORS)} as England's children less every other authority's, shared as "
        f"their children in {first_year}"
    )
    return filed, [note]


def select_child_populations(rows, local_authorities, regions):
    """The rows to store: England, its nine regions and today's authorities, filed under today's codes.

    Barnsley and Sheffield were recoded in 2025; the series still uses their old codes, so their rows
    are filed under the new ones (the authorities file gives both). The counties that unitary authorities
    replaced in 2020-23 (SUCCESSIONS) are filed under their successors, so that England's children are the
    sum of today's authorities' in every year. Bournemouth, Poole and Dorset county, which the series marks
    not available before 2019, are left out and their successors given England's children less every other
    authority's. London's sub-regions have no place in the tables and are left out; the notes say how many
    rows and why.
    """
    predecessors = {succession.predecessor for succession in SUCCESSIONS}
    predecessor_rows = {}
    new_code_for = {la.code_2024: la.code for la in local_authorities if la.code_2024 != la.code}
    current_codes = {la.code for la in local_authorities}
    region_codes = {region.code for region in regions}
    kept, recoded, abolished, sub_regions, not_available = [], Counter(), Counter(), 0, 0
    first_line = {}
    for row in rows:
        if row.level == "local_authority" and row.code in new_code_for:
            recoded[row.code] += 1
            row = replace(row, code=new_code_for[row.code])
        if row.level == "local_authority" and row.code in predecessors and row.children is not None:
            predecessor_rows.setdefault(row.code, []).append(row)
            continue
        if row.level == "local_authority" and row.code not in current_codes:
            abolished[f"{row.name} {row.code}"] += 1
            continue
        if row.level == "regional" and row.code not in region_codes:
            sub_regions += 1
            continue
        key = (row.code, row.year)
        if key in first_line:
            problem = f"population of {row.code} in {row.year} repeats line {first_line[key]}"
            raise _error_at(CHILD_POPULATIONS_FILE, row.line, problem)
        first_line[key] = row.line
        if row.children is None:
            not_available += 1
            continue
        kept.append(row)
    filed, succession_notes = _file_under_successors(predecessor_rows, kept, local_authorities)
    for row in filed:
        key = (row.code, row.year)
        if key in first_line:
            problem = f"population of {row.code} in {row.year} repeats line {first_line[key]}"
            raise _error_at(CHILD_POPULATIONS_FILE, row.line, problem)
        first_line[key] = row.line
    kept.extend(filed)
    residual, residual_notes = _file_residual(kept, local_authorities)
    kept.extend(residual)
    notes = [
        f"Child populations: {n} rows of {old} filed under its 2025 code {new_code_for[old]}"
        for old, n in recoded.items()
    ]
    notes.extend(succession_notes + residual_notes)
    if abolished:
        codes = ", ".join(sorted(abolished))
        notes.append(
            f"Child populations: left out {abolished.total()} rows of {len(abolished)} abolished authorities ({codes})"
        )
    if sub_regions:
        notes.append(f"Child populations: left out {sub_regions} rows of London's sub-regions (Inner, Outer London)")
    if not_available:
        notes.append(f"Child populations: left out {not_available} rows marked not available ({NOT_AVAILABLE!r})")
    return kept, notes


def _check_children_mid2024(local_authorities, populations):
    """The authorities file copies the mid-2024 figure from the series; a difference means a bad join."""
    mid2024 = {row.code: row for row in populations if row.level == "local_authority" and row.year == 2024}
    for la in local_authorities:
        population = mid2024.get(la.code)
        if population is not None and population.children != la.children_mid2024:
            raise _error_at(
                LOCAL_AUTHORITIES_FILE,
                la.line,
                f"children_0_17_mid2024 {la.children_mid2024} differs from {CHILD_POPULATIONS_FILE} "
                f"line {population.line} ({population.children})",
            )


def read_reference_data(directory):
    """Parse and cross-check every file in the directory; raises ReferenceDataError at the first problem."""
    directory = Path(directory)
    regions, london_sub_regions = parse_regions(directory / REGIONS_FILE)
    police_force_areas, other_police_areas = parse_police_force_areas(directory / POLICE_FORCE_AREAS_FILE)
    local_authorities, icbs = parse_local_authorities(
        directory / LOCAL_AUTHORITIES_FILE,
        region_codes={region.code for region in regions},
        police_force_area_codes={area.code for area in police_force_areas},
    )
    all_populations = parse_child_populations(
        directory / CHILD_POPULATIONS_FILE, known_region_codes={region.code for region in regions + london_sub_regions}
    )
    populations, population_notes = select_child_populations(all_populations, local_authorities, regions)
    _check_children_mid2024(local_authorities, populations)
    notes = [
        f"Regions: left out {len(london_sub_regions)} London sub-regions ({_names(london_sub_regions)})",
        f"Police force areas: left out {len(other_police_areas)} not in England or not active "
        f"({_names(other_police_areas)})",
        *population_notes,
    ]
    return ReferenceData(regions, police_force_areas, icbs, local_authorities, populations, notes)


def _names(rows):
    return ", ".join(row.name for row in rows) or "none"
