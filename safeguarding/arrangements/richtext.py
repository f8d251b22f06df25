"""Section bodies are written in Markdown and shown as sanitised HTML with GOV.UK classes.

The Markdown is the stored text (what people edit and what version diffs compare); the HTML is
made on display, so a change to the allowed tags applies to every document at once.
"""

import markdown
import nh3
from django.utils.safestring import mark_safe

# Headings start at level 3: the page already has its h1 and each section's h2.
ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code", "pre"}
GOVUK_CLASSES = {
    "p": {"class": "govuk-body"},
    "ul": {"class": "govuk-list govuk-list--bullet"},
    "ol": {"class": "govuk-list govuk-list--number"},
    "a": {"class": "govuk-link"},
    "h3": {"class": "govuk-heading-s"},
    "h4": {"class": "govuk-heading-s"},
    "blockquote": {"class": "govuk-inset-text"},
}


def to_html(text):
    """Safe HTML for Markdown `text`: raw HTML in the text is escaped, then the result sanitised."""
    if not text:
        return mark_safe("")
    rendered = markdown.markdown(text.replace("<", "&lt;"), extensions=["sane_lists"], output_format="html")
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        set_tag_attribute_values=GOVUK_CLASSES,
    )
    return mark_safe(cleaned)  # noqa: S308 — sanitised by nh3 just above
