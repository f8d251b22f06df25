from django import template

from ..work import tasks

register = template.Library()


@register.simple_tag(takes_context=True)
def open_task_count(context):
    """How many tasks wait for the signed-in person; None when they could not be worked out."""
    request = context.get("request")
    return tasks.open_task_count(request) if request is not None else None
