"""Server-side SVG charts: no script, no inline style (CSP); classes styled by mortality/charts.css.

Bars and whiskers also carry SVG presentation attributes (not style attributes, so CSP allows them)
because WeasyPrint does not apply CSS fill and stroke to SVG: the release PDF draws from these.

Every chart is role="img" labelled by its <title> and <desc>; the numbers sit beside it in a table. A funnel
plot is the exception: its points are reached one by one with the keyboard, and an image may not hold focusable
parts, so it is a labelled group whose drawing is hidden from assistive technology and whose points are named.
"""

import math

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 640
LABEL_WIDTH = 220
ROW_HEIGHT = 22
MARGIN = 10


def _number(value):
    return f"{value:.1f}"


def _frame(chart_id, title, description, height, body, *, role="img"):
    return format_html(
        '<svg class="mortality-chart" viewBox="0 0 {} {}" role="{}" aria-labelledby="{}-title {}-desc" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH,
        height,
        role,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        body,
    )


def bar_chart(chart_id, title, bars, *, unit="per 100,000 children"):
    """Horizontal bars with confidence whiskers. bars: (label, value, lower, upper); None values skipped."""
    shown = [bar for bar in bars if bar[1] is not None]
    if not shown:
        return ""
    top = max(bar[3] if bar[3] is not None else bar[1] for bar in shown) or 1
    plot = WIDTH - LABEL_WIDTH - 2 * MARGIN - 50
    height = ROW_HEIGHT * len(shown) + 2 * MARGIN + 20
    parts = []
    for index, (label, value, lower, upper) in enumerate(shown):
        y = MARGIN + index * ROW_HEIGHT
        width = plot * value / top
        parts.append(
            format_html(
                '<text class="chart-label" x="{}" y="{}" text-anchor="end">{}</text>'
                '<rect class="chart-bar" fill="#1d70b8" x="{}" y="{}" width="{}" height="{}"></rect>'
                '<text class="chart-value" x="{}" y="{}">{}</text>',
                LABEL_WIDTH,
                y + 15,
                str(label)[:34],
                LABEL_WIDTH + MARGIN,
                y + 4,
                _number(width),
                ROW_HEIGHT - 8,
                LABEL_WIDTH + MARGIN + _bar_end(plot, value, upper, top) + 4,
                y + 15,
                _number(value),
            )
        )
        if lower is not None and upper is not None:
            x1 = LABEL_WIDTH + MARGIN + plot * lower / top
            x2 = LABEL_WIDTH + MARGIN + plot * upper / top
            parts.append(
                format_html(
                    '<line class="chart-whisker" stroke="#0b0c0c" stroke-width="2" '
                    'x1="{}" y1="{}" x2="{}" y2="{}"></line>',
                    _number(x1),
                    y + ROW_HEIGHT / 2,
                    _number(x2),
                    y + ROW_HEIGHT / 2,
                )
            )
    axis_y = MARGIN + len(shown) * ROW_HEIGHT + 14
    parts.append(
        format_html(
            '<text class="chart-axis" x="{}" y="{}">{} (lines: 95% confidence interval)</text>',
            LABEL_WIDTH + MARGIN,
            axis_y,
            unit,
        )
    )
    description = "; ".join(f"{label}: {_number(value)}" for label, value, *_ in shown)
    return _frame(chart_id, title, description, height, mark_safe("".join(parts)))  # noqa: S308 (built with format_html)


def _bar_end(plot, value, upper, top):
    return plot * (upper if upper is not None else value) / top


def line_chart(chart_id, title, points, *, unit="per 100,000 children"):
    """A rate over years with its confidence band. points: (label, value, lower, upper)."""
    shown = [point for point in points if point[1] is not None]
    if len(shown) < 2:
        return ""
    height = 240
    left, right, top_margin, bottom = 50, WIDTH - 20, 20, height - 40
    high = max(point[3] or point[1] for point in shown) * 1.1
    step = (right - left) / (len(shown) - 1)

    def y_of(value):
        return bottom - (bottom - top_margin) * value / high

    line = " ".join(f"{left + index * step:.1f},{y_of(point[1]):.1f}" for index, point in enumerate(shown))
    band = [f"{left + i * step:.1f},{y_of(p[3] or p[1]):.1f}" for i, p in enumerate(shown)]
    band += [f"{left + i * step:.1f},{y_of(p[2] or p[1]):.1f}" for i, p in reversed(list(enumerate(shown)))]
    labels = format_html_join(
        "",
        '<text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text>',
        ((f"{left + i * step:.1f}", bottom + 16, point[0]) for i, point in enumerate(shown)),
    )
    body = format_html(
        '<polygon class="chart-band" points="{}"></polygon><polyline class="chart-line" points="{}"></polyline>{}'
        '<line class="chart-axis-line" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<text class="chart-axis" x="{}" y="{}">0</text><text class="chart-axis" x="{}" y="{}">{}</text>'
        '<text class="chart-axis" x="{}" y="{}">{} (band: 95% confidence interval)</text>',
        " ".join(band),
        line,
        labels,
        left,
        bottom,
        right,
        bottom,
        left - 30,
        bottom,
        left - 45,
        top_margin + 4,
        _number(high),
        left,
        height - 6,
        unit,
    )
    description = "; ".join(f"{label}: {_number(value)}" for label, value, *_ in shown)
    return _frame(chart_id, title, description, height, body)


def nice_ticks(low, high, count=5):
    """Round values for an axis from `low` to `high`: steps of 1, 2 or 5 times a power of ten."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low]
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def log_ticks(low, high):
    """Values for a log axis from `low` to `high`: 1, 2 and 5 times powers of ten, or the powers alone when
    the axis spans more than two of them."""
    if low <= 0 or high <= low:
        return []
    multiples = (1,) if math.log10(high / low) > 2 else (1, 2, 5)
    ticks = []
    for power in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for multiple in multiples:
            value = multiple * 10**power
            if low <= value <= high:
                ticks.append(value)
    return ticks


def _count(value):
    return f"{value:,.0f}"


def _tick_value(value, step):
    """A tick's label with as many decimals as the step between ticks needs."""
    decimals = 0 if step >= 1 else min(3, -math.floor(math.log10(step)))
    return f"{value:,.{decimals}f}"


def funnel_chart(chart_id, title, funnel, *, x_label, y_label, percent=False):
    """Points with 95% and 99.8% control limits around the average; x on a log scale.

    Both axes carry ticks and values; each point has a <title> (shown on hover) naming the unit and its
    figures, and the description names the units outside the limits, as the list beside the chart does.
    Each point is reached with Tab, left to right, and read by its name and figures; `point_id` gives its id,
    which the list of units outside the limits links to.
    """
    if funnel is None or not funnel.points:
        return ""
    height = 360
    left, right, top_margin, bottom = 70, WIDTH - 20, 30, height - 55
    xs = [point.x for point in funnel.points]
    low_x, high_x = min(xs) * 0.9, max(xs) * 1.1
    finite = [value for row in funnel.curve for value in row[1:] if math.isfinite(value)]
    high_y = max([point.y for point in funnel.points] + finite) * 1.05 or 1
    low_y = max(0.0, min([point.y for point in funnel.points] + finite) * 0.9)
    scale = 100 if percent else 1

    def x_of(value):
        if high_x <= low_x:
            return (left + right) / 2
        return left + (right - left) * math.log(value / low_x) / math.log(high_x / low_x)

    def y_of(value):
        return bottom - (bottom - top_margin) * (value - low_y) / ((high_y - low_y) or 1)

    curves = []
    for column, css in ((1, "chart-limit-95"), (2, "chart-limit-95"), (3, "chart-limit-998"), (4, "chart-limit-998")):
        points = " ".join(
            f"{x_of(row[0]):.1f},{y_of(min(max(row[column], low_y), high_y)):.1f}" for row in funnel.curve
        )
        curves.append(format_html('<polyline class="{}" points="{}"></polyline>', css, points))
    average = format_html(
        '<line class="chart-average" x1="{}" y1="{}" x2="{}" y2="{}"></line>',
        left,
        f"{y_of(funnel.average):.1f}",
        right,
        f"{y_of(funnel.average):.1f}",
    )
    dots = format_html_join(
        "",
        '<circle id="{}" class="{}" cx="{}" cy="{}" r="4" tabindex="0" role="img" aria-label="{}"><title>{}</title>'
        "</circle>",
        (
            (
                point_id(chart_id, point),
                "chart-point chart-point--outside" if point.outside else "chart-point",
                f"{x_of(point.x):.1f}",
                f"{y_of(point.y):.1f}",
                name,
                name,
            )
            for point in sorted(funnel.points, key=lambda point: (point.x, point.label))
            for name in [
                f"{point.label}: {y_label.lower()} {point.y * scale:,.1f}; {x_label.lower()} {_count(point.x)}; "
                + (f"{point.outside} limit" if point.outside else "within the limits")
            ]
        ),
    )
    y_ticks = nice_ticks(low_y * scale, high_y * scale, count=6)
    y_step = (y_ticks[1] - y_ticks[0]) if len(y_ticks) > 1 else 1
    y_axis = format_html_join(
        "",
        '<line class="chart-grid" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<text class="chart-axis chart-axis--y" x="{}" y="{}">{}</text>',
        (
            (left, y, right, y, left - 6, f"{float(y) + 4:.1f}", _tick_value(tick, y_step))
            for tick in y_ticks
            for y in [f"{y_of(tick / scale):.1f}"]
        ),
    )
    x_axis = format_html_join(
        "",
        '<line class="chart-axis-line" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<text class="chart-axis chart-axis--x" x="{}" y="{}">{}</text>',
        (
            (x, bottom, x, bottom + 5, x, bottom + 18, _count(tick))
            for tick in log_ticks(low_x, high_x)
            for x in [f"{x_of(tick):.1f}"]
        ),
    )
    axes = format_html(
        '<line class="chart-axis-line" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<line class="chart-axis-line" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<text class="chart-axis chart-axis--title" x="{}" y="{}">{} (log scale)</text>'
        '<text class="chart-axis" x="{}" y="{}">{}</text>',
        left,
        bottom,
        right,
        bottom,
        left,
        top_margin,
        left,
        bottom,
        (left + right) / 2,
        bottom + 42,
        x_label,
        10,
        16,
        y_label,
    )
    outside = ", ".join(f"{point.label} ({point.outside})" for point in funnel.outliers) or "none"
    description = (
        f"{y_label} against {x_label.lower()} for {len(funnel.points)} units. Average {funnel.average * scale:.1f}. "
        f"Solid lines: 95% limits; dashed: 99.8%. Outside the limits: {outside}."
    )
    # The axes and lines are read from the description; only the points are for assistive technology.
    drawing = format_html('<g aria-hidden="true">{}</g>', mark_safe("".join([y_axis, x_axis, *curves, average, axes])))  # noqa: S308
    return _frame(chart_id, title, description, height, drawing + dots, role="group")


def point_id(chart_id, point):
    """The id of a unit's point in a funnel plot: the chart's id and the unit's code, made safe for an id."""
    return f"{chart_id}-point-{''.join(c if c.isalnum() else '-' for c in str(point.key))}"


def escape_text(value):
    return escape(value)
