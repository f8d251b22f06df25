from django import template

from ..models import Notification

register = template.Library()


@register.simple_tag
def unread_notifications(user):
    """How many of the person's notifications are unread (one small indexed count, only where the header shows)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.for_user(user).unread().count()
