"""Forms of child death review. They check shape; the actions check the rules and name the fields."""

from django.core.exceptions import ValidationError


def apply_errors(form, error):
    """Puts an action's ValidationError on the form's fields (or the form when no field matches)."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


__all__ = ["ValidationError", "apply_errors"]
