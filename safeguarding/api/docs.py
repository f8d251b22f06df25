"""The API reference page: the OpenAPI schema drf-spectacular generates, rendered as a GOV.UK page.

Swagger UI and Redoc need scripts and inline styles that the service's Content-Security-Policy
forbids (and that no CDN may serve here), so the reference is plain server-rendered HTML instead:
it works without JavaScript and passes the same accessibility checks as every other page.
"""

import re
from dataclasses import dataclass, field

from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from drf_spectacular.generators import SchemaGenerator

_METHODS = ("get", "post", "put", "patch", "delete")
_REF_PREFIX = "#/components/schemas/"
_CODE_SPAN = re.compile(r"`([^`]+)`")


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list
    request_schema: str
    responses: list
    anchor: str


@dataclass
class DataShape:
    name: str
    description: str
    fields: list = field(default_factory=list)
    values: list = field(default_factory=list)


def inline_code(text):
    """The schema's descriptions are Markdown; of it, only `code` spans are used, so only they are kept."""
    return mark_safe(_CODE_SPAN.sub(r"<code>\1</code>", escape(text)))  # noqa: S308 (escaped first)


def _ref_name(schema):
    ref = schema.get("$ref") or next((part.get("$ref") for part in schema.get("allOf", ()) if "$ref" in part), None)
    return ref.removeprefix(_REF_PREFIX) if ref else ""


def describe_type(schema):
    """(words, linked shape name): 'string (date-time)', 'list of Area', 'NationEnum'..."""
    name = _ref_name(schema)
    if name:
        return name, name
    if schema.get("type") == "array":
        words, linked = describe_type(schema.get("items", {}))
        return f"list of {words}", linked
    words = schema.get("type", "any")
    if "format" in schema:
        words = f"{words} ({schema['format']})"
    if schema.get("enum"):
        words = f"one of {', '.join(str(value) for value in schema['enum'])}"
    if schema.get("nullable"):
        words = f"{words}, or null"
    return words, ""


def _response_shape(response):
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return describe_type(schema)[1] if schema else ""


def operations(schema):
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=operation.get("summary", ""),
                    description=inline_code(operation.get("description", "")),
                    parameters=[
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "required": parameter.get("required", False),
                            "type": describe_type(parameter.get("schema", {}))[0],
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", ())
                    ],
                    request_schema=describe_type(body["schema"])[1] if body else "",
                    responses=[
                        {
                            "status": status,
                            "description": response.get("description", ""),
                            "shape": _response_shape(response),
                        }
                        for status, response in sorted(operation.get("responses", {}).items())
                    ],
                    anchor=operation.get("operationId", f"{method}-{path}"),
                )
            )
    return found


def data_shapes(schema):
    shapes = []
    for name, shape in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(shape.get("required", ()))
        fields = []
        for field_name, field_schema in shape.get("properties", {}).items():
            words, linked = describe_type(field_schema)
            fields.append(
                {
                    "name": field_name,
                    "type": words,
                    "linked": linked,
                    "required": field_name in required,
                    "description": inline_code(field_schema.get("description", "")),
                }
            )
        shapes.append(
            DataShape(
                name=name,
                description=inline_code(shape.get("description", "")),
                fields=fields,
                values=[str(value) for value in shape.get("enum", ())],
            )
        )
    return shapes


def api_reference(request):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    schemes = schema.get("components", {}).get("securitySchemes", {})
    return render(
        request,
        "api/reference.html",
        {
            "info": schema.get("info", {}),
            "description": inline_code(schema.get("info", {}).get("description", "")),
            "operations": operations(schema),
            "shapes": data_shapes(schema),
            "security_schemes": schemes,
        },
    )
