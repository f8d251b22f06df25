"""The API reads JSON only, and refuses a NUL character anywhere in it before any field sees it.

A NUL byte cannot be stored in PostgreSQL text and has no place in any field; refusing it here, naming
where it is, keeps every endpoint (and every key of a free-form object) safe in one place.
"""

from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser

NUL = "\x00"


def _nul_errors(value, pointer=""):
    if isinstance(value, str):
        return {pointer: "Remove the NUL character: it is not allowed in any text"} if NUL in value else {}
    found = {}
    if isinstance(value, dict):
        for key, item in value.items():
            escaped = str(key).replace("~", "~0").replace("/", "~1")
            if NUL in str(key):
                found[f"{pointer}/{escaped}"] = "Remove the NUL character: it is not allowed in any name"
            found.update(_nul_errors(item, f"{pointer}/{escaped}"))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.update(_nul_errors(item, f"{pointer}/{index}"))
    return found


def _nested(errors):
    """{"/child/family_name": message} as DRF's nested detail, so the problem's pointers come out the same."""
    detail = {}
    for pointer, message in errors.items():
        node, parts = detail, [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1] if parts else "non_field_errors"] = [message]
    return detail


class StrictJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        errors = _nul_errors(data)
        if errors:
            raise ValidationError(_nested(errors), code="null_characters_not_allowed")
        return data
