"""Who may do what in this app (django-rules)."""

import rules  # noqa: F401
