from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    name = "safeguarding.onboarding"
    label = "onboarding"
    verbose_name = "Forming areas and panels, adding agencies, people in bulk and historic imports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions  # noqa: F401 (registers this app's rules)
