"""Snippets as safe HTML: the report's text is escaped first, then the engine's hit markers become <mark>."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .backends import HIT_END, HIT_START

PLAIN_SNIPPET_WORDS = 40


def as_html(marked_text):
    """`marked_text` holds the engine's hit markers; anything else in it, markup included, is shown as text."""
    html = escape(marked_text or "")
    html = html.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>")
    # An unpaired marker (text cut mid-hit) must not leave a <mark> open.
    if html.count("<mark>") != html.count("</mark>"):
        html = escape((marked_text or "").replace(HIT_START, "").replace(HIT_END, ""))
    return mark_safe(html)  # noqa: S308 (escaped above; only our own <mark> tags added)


def plain(text):
    """The opening words of a summary, when there is no query to highlight."""
    return Truncator(text or "").words(PLAIN_SNIPPET_WORDS, truncate="…")
