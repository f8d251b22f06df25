"""The coding classifier as trained by the background job, stored as plain numbers rather than a pickle.

Loading a pickle runs whatever it holds, so the fitted model is kept as data: the vectoriser's vocabulary
and inverse document frequencies, and the stacked regressions' weights and intercepts (float32 arrays as
bytes). Every web process reads the newest row once and keeps it until a newer one appears.
"""

from django.db import models


class TrainedClassifier(models.Model):
    trained_at = models.DateTimeField()
    # The coded findings it learnt from, and the count of codes then (a retrain is due after enough change).
    trained_on = models.PositiveIntegerField()
    codes_seen = models.PositiveIntegerField()
    training_seconds = models.FloatField()
    # The active themes of the category scheme when it was trained, and the labels it learnt (a subset).
    themes = models.JSONField(default=list)
    labels = models.JSONField(default=list)
    vocabulary = models.JSONField(default=dict)
    idf = models.BinaryField()
    weights = models.BinaryField()
    intercepts = models.BinaryField()

    class Meta:
        ordering = ["-trained_at", "-pk"]

    def __str__(self):
        return f"Classifier of {self.trained_at:%Y-%m-%d %H:%M} ({self.trained_on} findings, {len(self.labels)} themes)"
