"""Forms of child death review. They check shape; the actions check the rules and name the fields."""

from django.core.exceptions import ValidationError

__all__ = ["ValidationError"]
