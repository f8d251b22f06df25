"""The national deadline by which every area in England must publish its arrangements (rec 2)."""

from django.conf import settings
from django.db import models


class TransitionDeadline(models.Model):
    """A deadline set by a national administrator. Rows are added, never edited: the latest is in force."""

    deadline = models.DateField()
    set_at = models.DateTimeField(auto_now_add=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-set_at", "-pk"]
        get_latest_by = ["set_at", "pk"]

    def __str__(self):
        return f"Arrangements due by {self.deadline:%d %B %Y}"

    @classmethod
    def current(cls):
        return cls.objects.order_by("-set_at", "-pk").first()
