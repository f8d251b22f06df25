from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def entry_url(reference):
    """The repository page of a report, by its stable reference (the page belongs to the repository app)."""
    try:
        return reverse("repository:entry", kwargs={"reference": reference})
    except NoReverseMatch:
        return f"/learning/reports/{reference}/"
