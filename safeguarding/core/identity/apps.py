from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "safeguarding.core.identity"
    label = "identity"
    verbose_name = "Children's identity"
