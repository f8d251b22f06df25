"""load_reference_data: the shipped files load completely, a second run changes nothing, a bad file changes nothing."""

import re
import shutil
from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from safeguarding.organisations import reference_data_writer
from safeguarding.organisations.models import (
    ChildPopulation,
    IntegratedCareBoard,
    LocalAuthority,
    LocalAuthorityIcbShare,
    Organisation,
    OrganisationKind,
    PoliceForceArea,
    Region,
)

ALL_MODELS = [Region, PoliceForceArea, IntegratedCareBoard, LocalAuthority, LocalAuthorityIcbShare, ChildPopulation]
ALL_MODELS += [Organisation]


def load(directory=None):
    out = StringIO()
    options = {"directory": directory} if directory else {}
    call_command("load_reference_data", stdout=out, **options)
    return out.getvalue()


def snapshot():
    """Every row of every table the command writes, to prove a failed run left them exactly as they were."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in ALL_MODELS}


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the shipped files that a test may corrupt."""
    directory = tmp_path / "reference_data"
    shutil.copytree(settings.REFERENCE_DATA_DIR, directory)
    return directory


def corrupt(directory, filename, line_number, old, new):
    path = directory / filename
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    assert old in lines[line_number - 1], f"{old!r} is not on line {line_number} of {filename}"
    lines[line_number - 1] = lines[line_number - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.django_db
def test_the_shipped_files_give_every_english_body():
    load()

    assert Region.objects.count() == 9
    assert PoliceForceArea.objects.count() == 39
    assert IntegratedCareBoard.objects.count() == 42
    assert LocalAuthority.objects.count() == 153
    assert Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY).count() == 153
    assert Organisation.objects.filter(kind=OrganisationKind.POLICE).count() == 39
    assert Organisation.objects.filter(kind=OrganisationKind.HEALTH).count() == 42
    assert ChildPopulation.objects.filter(level="national").count() == 13
    assert ChildPopulation.objects.filter(level="regional").count() == 9 * 13


@pytest.mark.django_db
def test_hartlepool_is_in_the_north_east_policed_by_cleveland_with_21090_children_in_2024():
    load()

    hartlepool = LocalAuthority.objects.get(code="E06000001")
    assert hartlepool.name == "Hartlepool"
    assert hartlepool.old_code == "805"
    assert hartlepool.region.name == "North East"
    assert hartlepool.police_force_area.name == "Cleveland"
    assert ChildPopulation.objects.get(code="E06000001", year=2024).children == 21090
    assert hartlepool.organisation.kind == OrganisationKind.LOCAL_AUTHORITY
    assert hartlepool.police_force_area.organisation.name == "Cleveland Police"


@pytest.mark.django_db
def test_buckinghamshire_is_shared_between_two_icbs():
    load()

    shares = LocalAuthorityIcbShare.objects.filter(local_authority__name="Buckinghamshire")

    assert {share.integrated_care_board.code: share.share for share in shares} == {
        "E54000044": Decimal("0.988"),
        "E54000024": Decimal("0.012"),
    }


@pytest.mark.django_db
def test_police_organisations_are_named_as_the_forces_call_themselves():
    load()

    police = Organisation.objects.filter(kind=OrganisationKind.POLICE)

    assert police.get(code="E23000001").name == "Metropolitan Police"
    assert police.get(code="E23000034").name == "City of London Police"
    assert police.get(code="E23000029").name == "Thames Valley Police"


@pytest.mark.django_db
def test_barnsley_and_sheffield_populations_are_filed_under_their_2025_codes():
    load()

    assert ChildPopulation.objects.filter(code="E08000038").count() == 13
    assert ChildPopulation.objects.get(code="E08000039", year=2024).children == 116279
    assert not ChildPopulation.objects.filter(code__in=["E08000016", "E08000019"]).exists()


@pytest.mark.django_db
def test_abolished_authorities_and_london_sub_regions_are_left_out():
    output = load()

    assert not ChildPopulation.objects.filter(code="E10000002").exists()  # Buckinghamshire county, before 2020
    assert not ChildPopulation.objects.filter(code__startswith="E13").exists()
    assert not Region.objects.filter(code__startswith="E13").exists()
    assert "left out 21 rows of 3 abolished authorities" in output


@pytest.mark.django_db
def test_the_counties_replaced_in_2020_to_2023_are_filed_under_their_successors():
    output = load()

    # Buckinghamshire county's figure for 2019 is the unitary authority's, which began in 2020.
    assert ChildPopulation.objects.get(code="E06000060", year=2019).children == 122137
    # Northamptonshire's 170,089 children of 2019, shared as North and West Northamptonshire's in 2021.
    north, west = (ChildPopulation.objects.get(code=code, year=2019).children for code in ("E06000061", "E06000062"))
    assert north + west == 170089 and (north, west) == (78656, 91433)
    assert "11 rows of Cumbria E10000006 (2012-2022) filed under E06000063 and E06000064" in output
    for year in range(2012, 2025):
        england = ChildPopulation.objects.get(level="national", year=year).children
        authorities = ChildPopulation.objects.filter(level="local_authority", year=year)
        assert authorities.count() == 153
        assert sum(authorities.values_list("children", flat=True)) == england


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    first = load()
    rows_before = snapshot()

    second = load()

    assert "Regions: 9 (9 created, 0 updated, 0 unchanged)" in first
    count_lines = [line for line in second.splitlines() if "created" in line and "updated" in line]
    assert len(count_lines) == 10
    assert all("(0 created, 0 updated" in line for line in count_lines[:-1]), second
    assert "Local authorities: 153 (0 created, 0 updated, 153 unchanged)" in second
    assert second.splitlines()[-1].endswith("0 created, 0 updated, 0 removed.")
    assert snapshot() == rows_before


@pytest.mark.django_db
def test_a_refreshed_file_updates_rows_in_place(data_copy):
    load()
    hartlepool_pk = LocalAuthority.objects.get(code="E06000001").pk
    corrupt(data_copy, "dfe_qa_regions.csv", 2, "North East", "North East England")

    output = load(data_copy)

    assert "Regions: 9 (0 created, 1 updated, 8 unchanged)" in output
    assert Region.objects.get(code="E12000001").name == "North East England"
    assert LocalAuthority.objects.get(code="E06000001").pk == hartlepool_pk


BAD_ROWS = [
    pytest.param(
        ("dfe_qa_regions.csv", 5, "E12000004", "X12"),
        "dfe_qa_regions.csv line 5: region_code 'X12' is not a 9-character ONS code",
        id="bad-region-code",
    ),
    pytest.param(
        ("dfe_csc_ons_mye_children_0_17_2012_2024.csv", 2, "12183016", "lots"),
        "dfe_csc_ons_mye_children_0_17_2012_2024.csv line 2: population_estimate 'lots' is not a whole number",
        id="non-numeric-population",
    ),
    pytest.param(
        ("derived_la153_region_pfa_icb_children.csv", 2, "E12000001", "E12000099"),
        "derived_la153_region_pfa_icb_children.csv line 2: region24_code 'E12000099' is not a known region",
        id="unknown-region",
    ),
    pytest.param(
        ("derived_la153_region_pfa_icb_children.csv", 2, "E23000013", "E23000099"),
        "derived_la153_region_pfa_icb_children.csv line 2: pfa_code 'E23000099' is not a known police force area",
        id="unknown-police-force-area",
    ),
    pytest.param(
        ("derived_la153_region_pfa_icb_children.csv", 2, "E06000001,805", "E07000001,805"),
        "line 2: new_la_code 'E07000001' is not a children's services authority code",
        id="district-not-children's-services-authority",
    ),
    pytest.param(
        ("dfe_qa_police-force-areas.csv", 3, "E23000002", "E2300002"),
        "dfe_qa_police-force-areas.csv line 3: pfa_code 'E2300002' is not a 9-character ONS code",
        id="short-police-force-area-code-after-bom",
    ),
    pytest.param(
        ("derived_la153_region_pfa_icb_children.csv", 1, "icb24_lsoa_shares", "shares"),
        "derived_la153_region_pfa_icb_children.csv line 1: missing column(s) icb24_lsoa_shares",
        id="missing-column",
    ),
    pytest.param(
        ("derived_la153_region_pfa_icb_children.csv", 2, "1.0,21090", "-0.5,21090"),
        "line 2: icb24_lsoa_shares '-0.5' is not more than 0 and at most 1",
        id="share-out-of-range",
    ),
    pytest.param(
        ("derived_la153_region_pfa_icb_children.csv", 2, "1.0,21090", "0.9,21090"),
        "line 2: icb24_lsoa_shares add up to 0.9, not 1",
        id="shares-not-adding-up",
    ),
    pytest.param(
        ("derived_la153_region_pfa_icb_children.csv", 2, ",21090", ",21091"),
        "line 2: children_0_17_mid2024 21091 differs from dfe_csc_ons_mye_children_0_17_2012_2024.csv line",
        id="children-disagree-between-files",
    ),
    pytest.param(
        ("dfe_csc_ons_mye_children_0_17_2012_2024.csv", 3, "E12000001", "E12000010"),
        "dfe_csc_ons_mye_children_0_17_2012_2024.csv line 3: region_code 'E12000010' is not a known region",
        id="population-of-unknown-region",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("corruption", "message"), BAD_ROWS)
def test_a_bad_row_into_an_empty_database_writes_nothing(data_copy, corruption, message):
    corrupt(data_copy, *corruption)

    with pytest.raises(CommandError, match="Nothing loaded: .*" + re.escape(message)):
        load(data_copy)

    assert all(not rows for rows in snapshot().values())


@pytest.mark.django_db
@pytest.mark.parametrize(("corruption", "message"), BAD_ROWS)
def test_a_bad_row_leaves_loaded_data_as_it_was(data_copy, corruption, message):
    load()
    rows_before = snapshot()
    corrupt(data_copy, *corruption)

    with pytest.raises(CommandError, match=re.escape(message)):
        load(data_copy)

    assert snapshot() == rows_before


@pytest.mark.django_db
def test_a_failure_while_writing_rolls_back_everything(data_copy, monkeypatch):
    load()
    rows_before = snapshot()
    corrupt(data_copy, "dfe_qa_regions.csv", 2, "North East", "North East England")

    def fail(*args):
        raise RuntimeError("the database went away")

    # Organisations are written last, so by then the region has been renamed inside the transaction.
    monkeypatch.setattr(reference_data_writer, "_write_organisations", fail)
    with pytest.raises(RuntimeError):
        load(data_copy)

    assert snapshot() == rows_before


@pytest.mark.django_db
def test_a_quiet_load_prints_nothing_but_loads_everything():
    out = StringIO()
    call_command("load_reference_data", stdout=out, verbosity=0)
    assert out.getvalue() == ""
    assert LocalAuthority.objects.count() == 153
