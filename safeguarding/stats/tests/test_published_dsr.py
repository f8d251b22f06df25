"""Directly standardised rates with Dobson limits reproduce a published worked example.

Source: PHEindicatormethods vignette "PHEindicatormethods DSR function" (Georgina Anderson,
2018-04-25; ukhsa-collaboration/PHEindicatormethods, inst/doc/DSR-vignette.html), section "Zero
deaths for a specific age band within a small geography": 19 five-year age bands (0-4 ... 90+) with
the populations and deaths listed below (no deaths at 10-24), standardised to the 2013 European
Standard Population, ``phe_dsr(df3, dths, pop)`` prints value 8283.016, lower 6570.819, upper
10289.65 per 100,000 at 95% (7 significant figures). Tolerance 1e-6 relative.

The European Standard Population 2013 figures are those the package ships (data-raw/LoadTestdata.R).
"""

import pytest

from safeguarding.stats import dsr_with_ci

EUROPEAN_STANDARD_POPULATION_2013 = [
    5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
    7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
]  # fmt: skip
POPULATIONS = [30, 35, 35, 35, 40, 40, 45, 50, 50, 50, 60, 60, 70, 75, 70, 60, 20, 20, 15]
DEATHS = [1, 1, 0, 0, 0, 1, 1, 3, 3, 3, 3, 10, 10, 10, 10, 8, 8, 8, 8]


def test_vignette_example_with_empty_age_bands():
    estimate = dsr_with_ci(DEATHS, POPULATIONS, EUROPEAN_STANDARD_POPULATION_2013)
    assert estimate == pytest.approx((8283.016, 6570.819, 10289.65), rel=1e-6)


def test_undefined_below_ten_events_as_phe_publishes():
    nine_deaths = [0] * 10 + [1] * 9
    assert dsr_with_ci(nine_deaths, POPULATIONS, EUROPEAN_STANDARD_POPULATION_2013) == (None, None, None)
