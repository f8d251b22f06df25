from django.apps import AppConfig


class RepositoryConfig(AppConfig):
    name = "safeguarding.learning.repository"
    label = "repository"
    verbose_name = "National repository of learning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions  # noqa: F401 (registers the repository's rules)
