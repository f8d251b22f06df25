from django import template

from ..richtext import to_html

register = template.Library()


@register.filter
def markdown(text):
    """A section body as sanitised GOV.UK HTML."""
    return to_html(text)
