"""Server-side SVG bar charts of counts, drawn the way the mortality analysis draws its charts (no script,
no inline style; the classes come from mortality/charts.css). The numbers sit beside each chart in a table."""

from django.utils.html import format_html, format_html_join

WIDTH = 640
LABEL_WIDTH = 250
ROW_HEIGHT = 22
MARGIN = 10


def count_bars(chart_id, title, bars, *, unit):
    """Horizontal bars. bars: (label, count) pairs, drawn in the order given; '' when there is nothing."""
    bars = [(str(label), count) for label, count in bars]
    if not bars:
        return ""
    top = max(count for _label, count in bars) or 1
    plot = WIDTH - LABEL_WIDTH - 2 * MARGIN - 40
    height = ROW_HEIGHT * len(bars) + 2 * MARGIN + 20
    rows = format_html_join(
        "",
        '<text class="chart-label" x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect class="chart-bar" fill="#1d70b8" x="{}" y="{}" width="{}" height="{}"></rect>'
        '<text class="chart-value" x="{}" y="{}">{}</text>',
        (
            (
                LABEL_WIDTH,
                MARGIN + index * ROW_HEIGHT + 15,
                label[:38],
                LABEL_WIDTH + MARGIN,
                MARGIN + index * ROW_HEIGHT + 4,
                f"{plot * count / top:.1f}",
                ROW_HEIGHT - 8,
                f"{LABEL_WIDTH + MARGIN + plot * count / top + 4:.1f}",
                MARGIN + index * ROW_HEIGHT + 15,
                count,
            )
            for index, (label, count) in enumerate(bars)
        ),
    )
    axis = format_html('<text class="chart-axis" x="{}" y="{}">{}</text>', LABEL_WIDTH + MARGIN, height - MARGIN, unit)
    description = "; ".join(f"{label}: {count}" for label, count in bars)
    return format_html(
        '<svg class="mortality-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}{}</svg>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        rows,
        axis,
    )
