"""Layout helpers shared by every page.

`{% scrolling_table %}<table class="govuk-table">…</table>{% endscrolling_table %}` puts a data table in its
own scrolling region, so that on a narrow screen (320 CSS px, or 400% zoom) the table scrolls sideways
inside the region and the page itself does not (WCAG 2.2, 1.4.10 Reflow). The region can be reached with
the keyboard (tabindex="0") and is named after the table's caption, so a screen reader announces what
it holds; `{% scrolling_table "Name" %}` names it when the table has no caption.
"""

import html
import re

from django import template
from django.utils.html import format_html, strip_tags

register = template.Library()

_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.DOTALL | re.IGNORECASE)


def region_label(table_html):
    """The caption's text, as a person hears it: tags dropped, entities decoded, spaces collapsed."""
    match = _CAPTION.search(table_html)
    if not match:
        return ""
    return " ".join(html.unescape(strip_tags(match.group(1))).split())


class ScrollingTableNode(template.Node):
    def __init__(self, nodelist, label):
        self.nodelist = nodelist
        self.label = label

    def render(self, context):
        table = self.nodelist.render(context)
        label = (self.label.resolve(context) if self.label else "") or region_label(table)
        if not label:
            raise template.TemplateSyntaxError(
                'scrolling_table needs a table with a <caption>, or a name: {% scrolling_table "Name" %}'
            )
        return format_html(
            '<div class="app-table-scroll" role="region" aria-label="{}" tabindex="0">{}</div>',
            label,
            table,  # rendered by the template inside the tag, so already escaped (a SafeString)
        )


@register.tag
def scrolling_table(parser, token):
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("scrolling_table takes at most one argument, the region's name")
    label = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("endscrolling_table",))
    parser.delete_first_token()
    return ScrollingTableNode(nodelist, label)
