"""Every table the dashboard shows (and downloads as CSV), each with its chart, built by slug.

A Table holds display-ready cells; the same cells go to the page and to the CSV, so the download
always says what the page says.
"""

from dataclasses import dataclass, field

from .analysis import breakdowns, funnels, hazards, modifiable, places, timeliness, trends
from .charts import svg


@dataclass
class Table:
    slug: str
    caption: str
    columns: list  # (title, numeric)
    rows: list  # lists of cells (str)
    chart: str = ""
    notes: list = field(default_factory=list)
    # For a chart that singles units out (a funnel plot), the units it singles out, listed beside it:
    # (heading, [names]) for each group that has any; None for a chart that singles none out.
    highlights: list | None = None

    # A table longer than this is collapsed under its chart (the figures stay one click away, in the page).
    COLLAPSE_ABOVE = 20

    @property
    def collapsed(self):
        return len(self.rows) > self.COLLAPSE_ABOVE


def _fmt(value, digits=1):
    return "" if value is None else f"{value:,.{digits}f}"


def _pct(value):
    return "" if value is None else f"{100 * value:.1f}%"


RATE_COLUMNS = [
    ("Deaths", True),
    ("Children (child-years)", True),
    ("Rate per 100,000", True),
    ("95% lower", True),
    ("95% upper", True),
]


def rate_table(slug, caption, heading, rows, *, chart=True):
    cells = [
        [row.label, f"{row.deaths:,}", _fmt(row.population, 0), _fmt(row.rate), _fmt(row.lower), _fmt(row.upper)]
        for row in rows
    ]
    drawing = ""
    if chart:
        drawing = svg.bar_chart(f"chart-{slug}", caption, [(r.label, r.rate, r.lower, r.upper) for r in rows])
    return Table(slug, caption, [(heading, False), *RATE_COLUMNS], cells, drawing)


def share_table(slug, caption, heading, rows):
    cells = [
        [row.label, f"{row.deaths:,}", _pct(row.share), _pct(row.share_lower), _pct(row.share_upper)] for row in rows
    ]
    chart = svg.bar_chart(
        f"chart-{slug}",
        caption,
        [(r.label, 100 * r.share, 100 * r.share_lower, 100 * r.share_upper) for r in rows if r.share is not None],
        unit="% of deaths",
    )
    columns = [(heading, False), ("Deaths", True), ("Share of deaths", True), ("95% lower", True), ("95% upper", True)]
    return Table(
        slug,
        caption,
        columns,
        cells,
        chart,
        ["No population of children by ethnic group is held, so rates are not given: shares of deaths instead."],
    )


def proportion_table(slug, caption, heading, rows):
    cells = [
        [
            row.label,
            f"{row.modifiable:,}",
            f"{row.decided:,}",
            f"{row.insufficient:,}",
            _pct(row.proportion),
            _pct(row.lower),
            _pct(row.upper),
        ]
        for row in rows
    ]
    chart = svg.bar_chart(
        f"chart-{slug}",
        caption,
        [(r.label, 100 * r.proportion, 100 * r.lower, 100 * r.upper) for r in rows if r.proportion is not None],
        unit="% of decided reviews with modifiable factors",
    )
    columns = [
        (heading, False),
        ("Modifiable", True),
        ("Reviews decided", True),
        ("Insufficient information", True),
        ("Proportion", True),
        ("95% lower", True),
        ("95% upper", True),
    ]
    return Table(slug, caption, columns, cells, chart)


def trend_table(slug, caption, heading, rows, complete):
    cells = [
        [
            row.label + ("" if row.key in complete else " (part year)"),
            f"{row.deaths:,}",
            _fmt(row.population, 0),
            _fmt(row.rate),
            _fmt(row.lower),
            _fmt(row.upper),
        ]
        for row in rows
    ]
    whole = [row for row in rows if row.key in complete and row.population]
    chart = svg.line_chart(f"chart-{slug}", caption, [(r.label, r.rate, r.lower, r.upper) for r in whole])
    test = trends.poisson_trend([r.key for r in whole], [r.deaths for r in whole], [r.population for r in whole])
    notes = ["Part years are left out of the chart and of the test for trend."]
    if test:
        notes.append(
            f"Test for trend over {test.years} complete years: {test.direction}; rate changes by "
            f"{100 * test.annual_change:+.1f}% a year (95% CI {100 * test.lower:+.1f}% to {100 * test.upper:+.1f}%), "
            f"p = {test.p_value:.3g} (Poisson regression, dispersion {test.dispersion:.2f})."
        )
    else:
        notes.append("Fewer than three complete years: no test for trend.")
    return Table(slug, caption, [(heading, False), *RATE_COLUMNS], cells, chart, notes)


def funnel_table(slug, caption, heading, funnel, *, x_title, percent):
    if funnel is None:
        return Table(slug, caption, [(heading, False)], [], "", ["No data to compare."])
    scale = 100 if percent else 1
    cells = [
        [
            point.label,
            _fmt(point.x, 0),
            f"{point.events:,}",
            _fmt(point.y * scale),
            _fmt(point.inner[0] * scale),
            _fmt(point.inner[1] * scale),
            _fmt(point.outer[0] * scale),
            _fmt(point.outer[1] * scale),
            point.outside or "within",
        ]
        for point in sorted(funnel.points, key=lambda point: point.label)
    ]
    value_title = "Modifiable %" if percent else "Rate per 100,000"
    columns = [
        (heading, False),
        (x_title, True),
        ("Modifiable" if percent else "Deaths", True),
        (value_title, True),
        ("95% lower limit", True),
        ("95% upper limit", True),
        ("99.8% lower limit", True),
        ("99.8% upper limit", True),
        ("Compared with England", False),
    ]
    chart = svg.funnel_chart(f"chart-{slug}", caption, funnel, x_label=x_title, y_label=value_title, percent=percent)
    outside = ", ".join(f"{point.label} ({point.outside})" for point in funnel.outliers) or "none"
    # Each name beside the chart links to its point, which the link moves to and outlines.
    highlights = [
        (
            f"{where.capitalize()} limit",
            sorted(
                (point.label, f"#{svg.point_id(f'chart-{slug}', point)}")
                for point in funnel.outliers
                if point.outside == where
            ),
        )
        for where in OUTSIDE_ORDER
    ]
    return Table(
        slug,
        caption,
        columns,
        cells,
        chart,
        [f"England {_fmt(funnel.average * scale)}. Outside the limits: {outside}."],
        [(heading, names) for heading, names in highlights if names],
    )


# How far outside the control limits a unit lies, most above first.
OUTSIDE_ORDER = ("above 99.8%", "above 95%", "below 95%", "below 99.8%")


def places_table(queryset):
    result = places.residence_and_place(queryset)
    columns = [("Specialist centre", False), *[(name, True) for _, name in result.regions], ("Total", True)]
    cells = [[hospital, *[f"{n:,}" for n in counts], f"{total:,}"] for hospital, counts, total in result.rows]
    notes = [
        f"{result.away_from_home:,} of {result.total:,} children died outside their home local authority.",
        "Place of death: "
        + "; ".join(f"{label} {count:,} ({_pct(share)})" for label, count, share in result.place_types)
        + ".",
    ]
    return Table("places", "Deaths in specialist centres by the child's region of residence", columns, cells, "", notes)


def timeliness_table(queryset):
    rows = timeliness.by_panel(queryset)
    cells = [
        [
            row.panel,
            f"{row.reviewed:,}",
            _fmt(row.median_days, 0),
            f"{row.quartile_low:.0f} to {row.quartile_high:.0f}",
            f"{row.within_target:,}",
            _pct(row.within_share),
            f"{_pct(row.within_lower)} to {_pct(row.within_upper)}",
        ]
        for row in rows
    ]
    columns = [
        ("Panel", False),
        ("Reviews", True),
        ("Median days", True),
        ("Middle half (days)", True),
        ("Within six months", True),
        ("Share within six months", True),
        ("95% interval", True),
    ]
    chart = svg.bar_chart(
        "chart-timeliness",
        "Share of reviews within six months of notification",
        [(r.panel, 100 * r.within_share, 100 * r.within_lower, 100 * r.within_upper) for r in rows],
        unit="% reviewed within six months",
    )
    return Table("timeliness", "Days from notification to panel review, by panel", columns, cells, chart)


def hazards_list(queryset):
    return hazards.emerging_hazards(queryset)


# Rate tables: slug -> (page, dimension, caption, first column, with a chart)
RATE_TABLES = {
    "age-band": ("overview", "age_band", "Deaths by age at death", "Age at death", True),
    "sex": ("overview", "sex", "Deaths by sex", "Sex", True),
    "category": ("overview", "category", "Deaths by category (reviewed deaths)", "Category", True),
    "deprivation": ("overview", "quintile", "Deaths by deprivation quintile of the home authority", "Quintile", True),
    "region": ("geography", "region", "Deaths by region of residence", "Region", True),
    "panel": ("geography", "panel", "Deaths by child death overview panel", "Panel", False),
    "local-authority": ("geography", "la", "Deaths by local authority of residence", "Local authority", False),
}


def _rates(slug):
    _, dimension, caption, heading, chart = RATE_TABLES[slug]
    return lambda q, f: rate_table(slug, caption, heading, breakdowns.rates_by(q, dimension, f), chart=chart)


def _ethnicity(q, f):
    return share_table("ethnicity", "Deaths by ethnic group", "Ethnic group", breakdowns.rates_by(q, "ethnicity", f))


def _years(slug, dimension, caption, heading):
    def build(q, f):
        return trend_table(slug, caption, heading, breakdowns.rates_by(q, dimension, f), _complete(q, dimension))

    return build


def _complete(q, dimension):
    return breakdowns.complete_years(q, dimension)


def _modifiable_category(q, f):
    rows = [modifiable.overall(q), *modifiable.by(q, "category")]
    return proportion_table(
        "modifiable-category", "Reviewed deaths with modifiable factors, by category", "Category", rows
    )


def _modifiable_age(q, f):
    rows = modifiable.by(q, "age_band")
    return proportion_table("modifiable-age", "Reviewed deaths with modifiable factors, by age", "Age at death", rows)


def _rate_funnel(slug, dimension, caption, heading):
    def build(q, f):
        funnel = funnels.rate_funnel(breakdowns.rates_by(q, dimension, f))
        return funnel_table(slug, caption, heading, funnel, x_title="Children (child-years)", percent=False)

    return build


def _proportion_funnel(slug, field_name, caption, heading):
    def build(q, f):
        funnel = funnels.proportion_funnel(funnels.modifiable_by_unit(q, field_name))
        return funnel_table(slug, caption, heading, funnel, x_title="Reviews decided", percent=True)

    return build


# slug -> (page, builder(queryset, filters)), in page order
BUILDERS = {
    **{slug: (spec[0], _rates(slug)) for slug, spec in RATE_TABLES.items() if spec[0] == "overview"},
    "ethnicity": ("overview", _ethnicity),
    **{slug: (spec[0], _rates(slug)) for slug, spec in RATE_TABLES.items() if spec[0] == "geography"},
    "calendar-year": ("trends", _years("calendar-year", "year", "Deaths by year of death", "Year")),
    "financial-year": (
        "trends",
        _years("financial-year", "financial_year", "Deaths by financial year of death", "Financial year"),
    ),
    "modifiable-category": ("modifiable", _modifiable_category),
    "modifiable-age": ("modifiable", _modifiable_age),
    "funnel-panel-rate": (
        "funnels",
        _rate_funnel("funnel-panel-rate", "panel", "Panels: death rate against children covered", "Panel"),
    ),
    "funnel-la-rate": (
        "funnels",
        _rate_funnel("funnel-la-rate", "la", "Local authorities: death rate against children", "Local authority"),
    ),
    "funnel-panel-modifiable": (
        "funnels",
        _proportion_funnel(
            "funnel-panel-modifiable", "panel", "Panels: share of reviews with modifiable factors", "Panel"
        ),
    ),
    "funnel-la-modifiable": (
        "funnels",
        _proportion_funnel(
            "funnel-la-modifiable",
            "la_code",
            "Local authorities: share of reviews with modifiable factors",
            "Local authority",
        ),
    ),
    "places": ("places", lambda q, f: places_table(q)),
    "timeliness": ("timeliness", lambda q, f: timeliness_table(q)),
}


def tables_for(page, queryset, filters):
    return [build(queryset, filters) for slug, (where, build) in BUILDERS.items() if where == page]


def table(slug, queryset, filters):
    if slug not in BUILDERS:
        raise ValueError(f"table must be one of {', '.join(BUILDERS)}, got {slug!r}")
    return BUILDERS[slug][1](queryset, filters)
