from django.apps import AppConfig


class ReviewersConfig(AppConfig):
    name = "safeguarding.learning.reviewers"
    label = "reviewers"
    verbose_name = "Reviewer register and accreditation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions  # noqa: F401 (registers this app's rules)
