from functools import cache
from urllib.parse import quote

from django import template
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.http import RFC3986_SUBDELIMS

register = template.Library()
PLACEHOLDER = "REFERENCE-PLACEHOLDER"


@cache
def _entry_url_pattern(script_prefix):
    """The repository page's URL with a placeholder for the reference, resolved once per process and script
    prefix: a page of repeated recommendations links about 1,500 reports, and resolving each took a third of
    its time."""
    try:
        return reverse("repository:entry", kwargs={"reference": PLACEHOLDER})
    except NoReverseMatch:
        return f"/learning/reports/{PLACEHOLDER}/"


@register.simple_tag
def entry_url(reference):
    """The repository page of a report, by its stable reference (the page belongs to the repository app)."""
    quoted = quote(str(reference), safe=RFC3986_SUBDELIMS + "~:@")  # as reverse() quotes
    return _entry_url_pattern(get_script_prefix()).replace(PLACEHOLDER, quoted)
