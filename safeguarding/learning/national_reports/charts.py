"""A server-side SVG column chart of counts by year, as the mortality charts are drawn: no script, no
inline style (CSP), presentation attributes so that WeasyPrint draws it too, and the numbers in a table
beside it. A hidden count has no column: the chart says "fewer than 5" in its place, never its height."""

from django.utils.html import format_html, format_html_join

from . import disclosure

WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 40, 20, 20, 40


def column_chart(chart_id, title, points, *, unit):
    """points: (label, count or None when hidden), in order."""
    if not points:
        return ""
    shown = [value for _label, value in points if value is not None]
    top = max(shown, default=0) or 1
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    slot = plot_width / len(points)
    bar_width = slot * 0.6
    columns = []
    for index, (label, value) in enumerate(points):
        x = LEFT + index * slot + (slot - bar_width) / 2
        centre = f"{x + bar_width / 2:.1f}"
        if value is None:
            columns.append(
                format_html(
                    '<text class="chart-value" x="{}" y="{}" text-anchor="middle">{}</text>',
                    centre,
                    TOP + plot_height - 6,
                    disclosure.HIDDEN,
                )
            )
        else:
            height = plot_height * value / top
            columns.append(
                format_html(
                    '<rect class="chart-bar" fill="#1d70b8" x="{}" y="{}" width="{}" height="{}"></rect>'
                    '<text class="chart-value" x="{}" y="{}" text-anchor="middle">{}</text>',
                    f"{x:.1f}",
                    f"{TOP + plot_height - height:.1f}",
                    f"{bar_width:.1f}",
                    f"{height:.1f}",
                    centre,
                    f"{TOP + plot_height - height - 4:.1f}",
                    f"{value:,}",
                )
            )
        columns.append(
            format_html(
                '<text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text>',
                centre,
                TOP + plot_height + 16,
                label,
            )
        )
    description = "; ".join(f"{label}: {disclosure.count(value)}" for label, value in points)
    return format_html(
        '<svg class="mortality-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '<line class="chart-axis-line" stroke="#505a5f" x1="{}" y1="{}" x2="{}" y2="{}"></line>{}'
        '<text class="chart-axis" x="{}" y="{}">{}</text></svg>',
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        LEFT,
        TOP + plot_height,
        WIDTH - RIGHT,
        TOP + plot_height,
        format_html_join("", "{}", ((column,) for column in columns)),
        LEFT,
        HEIGHT - 6,
        unit,
    )
