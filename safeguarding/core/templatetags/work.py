from django import template

from ..work.tasks import open_tasks

register = template.Library()


@register.simple_tag(takes_context=True)
def open_task_count(context):
    """How many tasks wait for the signed-in person (worked out once per request, shared with the home page)."""
    request = context.get("request")
    return len(open_tasks(request)) if request is not None else 0
