"""What the annual report page and its PDF show: the snapshot's figures as published text.

Preview, public page and PDF all read the report through `report_context`, so what the national body
previews is what is published, and every count has been through `disclosure`.
"""

import datetime
import re

from safeguarding.arrangements.richtext import to_html

from . import disclosure

INCIDENT_LINES = (
    ("notifications", "Serious incidents notified"),
    ("rapid_inquiries", "Rapid inquiries started"),
    ("rapid_inquiry_decisions", "Rapid inquiry decisions made"),
    ("llis_begun", "Decisions to hold a local learning inquiry"),
    ("referrals_for_nsci", "Referrals for a national serious case inquiry"),
    ("llis_completed", "Local learning inquiries completed"),
    ("lli_reports_published", "Local learning inquiry reports published"),
)
NSCI_LINES = (
    ("proposed", "National serious case inquiries proposed"),
    ("accepted", "National serious case inquiries begun (proposals accepted)"),
    ("published", "National serious case inquiry reports published"),
)


# A list item: "- ", "* ", "+ " or "1. " at the start of a line.
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")


def section_html(text):
    """A written section as sanitised GOV.UK HTML, rendered as the arrangements' sections are (Markdown).

    Sections were first shown a paragraph per line, and people write them so: a line on its own is still a
    paragraph (Markdown would join it to the next), while consecutive list items stay one list.
    """
    lines, previous = [], ""
    for line in text.splitlines():
        if line.strip() and previous.strip() and not (LIST_ITEM.match(line) and LIST_ITEM.match(previous)):
            lines.append("")
        lines.append(line)
        previous = line
    return to_html("\n".join(lines))


def _date(text):
    day = datetime.date.fromisoformat(text)
    return f"{day.day} {day:%B %Y}"


def _lines(figures, labels):
    return [(label, disclosure.count(figures.get(key, 0))) for key, label in labels]


def report_context(report):
    data = report.data or {}
    incidents = data.get("incidents") or {}
    national = data.get("national_inquiries")
    repository = data.get("repository") or {}
    themes = [
        {**theme, "reports_text": disclosure.count(theme["reports"]), "areas_text": disclosure.count(theme["areas"])}
        for theme in data.get("themes") or []
    ]
    alerts = [
        {
            **alert,
            "raised_text": _date(alert["raised_on"]),
            "window_text": f"{_date(alert['window_start'])} to {_date(alert['window_end'])}",
            "reports_text": disclosure.count(alert["reports"]),
            "areas_text": disclosure.count(alert["areas"]),
        }
        for alert in data.get("alerts") or []
    ]
    repetition = _repetition(data.get("repetition"))
    return {
        "report": report,
        "title": report.title,
        "assembled_on": _date(data["assembled_on"]) if data.get("assembled_on") else "",
        "sections": [(heading, section_html(text)) for heading, text in report.sections()],
        "incident_lines": _lines(incidents, INCIDENT_LINES),
        "nsci_lines": _lines(national, NSCI_LINES) if national is not None else None,
        "repository_lines": [
            ("Reports added to the national repository", disclosure.count(repository.get("reports", 0))),
            ("Of which published for everyone to read", disclosure.count(repository.get("public_reports", 0))),
        ],
        "timeliness": [disclosure.timeliness_row(row) for row in data.get("timeliness") or []],
        "themes": themes,
        "alerts": alerts,
        "repetition": repetition,
        "hidden_text": disclosure.HIDDEN,
    }


def _index_text(recommendations, repeated, index):
    """The index is a share of two counts: shown only when both are."""
    if disclosure.is_hidden(recommendations) or disclosure.is_hidden(repeated):
        return ""
    return f"{100 * index:.0f}%"


def _repetition(figures):
    if figures is None:
        return None
    return {
        "recommendations_text": disclosure.count(figures["recommendations"]),
        "repeated_text": disclosure.count(figures["repeated"]),
        "index_text": _index_text(
            figures["recommendations"],
            figures["repeated"],
            figures["repeated"] / figures["recommendations"] if figures["recommendations"] else 0,
        ),
        "themes": [
            {
                **row,
                "recommendations_text": disclosure.count(row["recommendations"]),
                "repeated_text": disclosure.count(row["repeated"]),
                "index_text": _index_text(row["recommendations"], row["repeated"], row["index"]),
            }
            for row in figures["themes"]
        ],
        "clusters": [
            {
                **cluster,
                "recommendations_text": disclosure.count(cluster["recommendations"]),
                "reports_text": disclosure.count(cluster["reports"]),
                "areas_text": disclosure.count(cluster["areas"]),
            }
            for cluster in figures["clusters"]
        ],
    }
