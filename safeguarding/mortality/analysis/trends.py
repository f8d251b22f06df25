"""Rates over years and a test for a linear trend in the log rate.

The test fits a Poisson regression of deaths on year with the population as exposure,
log(expected deaths) = log(population) + a + b * year, by iteratively reweighted least squares in
numpy (no statsmodels: two parameters need only a 2x2 solve). b is the log of the yearly rate
ratio. Its standard error is scaled up by the Pearson dispersion when the counts vary more than a
Poisson would allow (quasi-Poisson), so year-to-year noise is not mistaken for a trend. The p-value
is from the Wald z statistic b / se(b), two-sided, against the normal distribution.
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

MINIMUM_YEARS = 3


@dataclass(frozen=True)
class TrendTest:
    annual_change: float  # rate ratio per year minus 1 (0.02 = 2% a year)
    lower: float
    upper: float
    z: float
    p_value: float
    dispersion: float
    years: int

    @property
    def significant(self):
        return self.p_value < 0.05

    @property
    def direction(self):
        if not self.significant:
            return "no significant trend"
        return "rising" if self.annual_change > 0 else "falling"


def poisson_trend(years, deaths, populations, confidence=0.95):
    """The trend test over yearly counts; None with fewer than three years or no deaths."""
    if not len(years) == len(deaths) == len(populations):
        raise ValueError("years, deaths and populations must have one figure per year each")
    if any(population is None or population <= 0 for population in populations):
        raise ValueError("populations must all be greater than zero")
    if any(count < 0 for count in deaths):
        raise ValueError("deaths must not be negative")
    if len(years) < MINIMUM_YEARS or sum(deaths) == 0:
        return None
    x = np.asarray(years, dtype=float) - float(np.mean(years))
    y = np.asarray(deaths, dtype=float)
    offset = np.log(np.asarray(populations, dtype=float))
    design = np.column_stack([np.ones_like(x), x])
    beta = np.array([math.log(y.sum() / np.exp(offset).sum()), 0.0])
    for _ in range(50):
        mu = np.exp(offset + design @ beta)
        # Newton step for the Poisson log-likelihood (IRLS with weights mu).
        information = design.T @ (design * mu[:, None])
        step = np.linalg.solve(information, design.T @ (y - mu))
        beta = beta + step
        if np.max(np.abs(step)) < 1e-10:
            break
    mu = np.exp(offset + design @ beta)
    information = design.T @ (design * mu[:, None])
    covariance = np.linalg.inv(information)
    degrees = len(years) - 2
    dispersion = float(np.sum((y - mu) ** 2 / mu) / degrees) if degrees > 0 else 1.0
    scale = max(dispersion, 1.0)
    se = math.sqrt(covariance[1, 1] * scale)
    slope = float(beta[1])
    z = slope / se
    critical = norm.ppf(1 - (1 - confidence) / 2)
    return TrendTest(
        annual_change=math.exp(slope) - 1,
        lower=math.exp(slope - critical * se) - 1,
        upper=math.exp(slope + critical * se) - 1,
        z=z,
        p_value=float(2 * norm.sf(abs(z))),
        dispersion=dispersion,
        years=len(years),
    )
