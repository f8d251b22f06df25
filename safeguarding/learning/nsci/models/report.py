"""The national report's findings and recommendations. Each recommendation is addressed to a national body
or a government department (Wood Report rec 24: the national body reports lessons for government)."""

from django.db import models

from .inquiry import NationalInquiry


class NationalFinding(models.Model):
    inquiry = models.ForeignKey(NationalInquiry, on_delete=models.PROTECT, related_name="findings")
    position = models.PositiveSmallIntegerField()
    what_happened = models.TextField()
    why = models.TextField(blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return f"Finding {self.position} of {self.inquiry.reference}"


class NationalRecommendation(models.Model):
    inquiry = models.ForeignKey(NationalInquiry, on_delete=models.PROTECT, related_name="recommendations")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    # Free text: a national body or government department, e.g. "Department for Education".
    addressee = models.CharField(max_length=200)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return f"Recommendation {self.position} of {self.inquiry.reference}"
