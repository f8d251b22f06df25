"""One error format for the whole API: RFC 9457 problem details (`application/problem+json`).

Every error under /api/ answers this shape, whether DRF raised it (validation, authentication, scope,
throttling), Django did (a path that does not exist, a crash) or a view did:

    {"type": "/api/docs/#problem-invalid-request", "title": "Your request has invalid fields", "status": 400,
     "detail": "...", "instance": "/api/v1/...", "request_id": "...",
     "errors": [{"pointer": "/child/family_name", "code": "max_length", "detail": "..."}]}

`errors` names each problem with a JSON Pointer into the body (`pointer`), or the `header` or query
`parameter` it concerns, and a machine-readable `code`.
"""

import logging

from django.http import JsonResponse
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

CONTENT_TYPE = "application/problem+json"
API_PREFIX = "/api/"

logger = logging.getLogger("safeguarding.api")

# status: (type slug, title). The type URIs lead to the API reference page, which explains each.
PROBLEMS = {
    400: ("invalid-request", "Your request has invalid fields"),
    401: ("not-authenticated", "No valid API token"),
    403: ("forbidden", "This API token may not do this"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "The API answers JSON only"),
    409: ("conflict", "The request conflicts with an earlier one"),
    413: ("too-large", "The request body is too large"),
    415: ("unsupported-media-type", "The API accepts JSON only"),
    429: ("rate-limited", "Too many requests"),
    500: ("server-error", "Sorry, there is a problem with the service"),
    503: ("unavailable", "The service is unavailable for a moment"),
}


def problem_type(status_code):
    slug = PROBLEMS.get(status_code, ("error", ""))[0]
    return f"{API_PREFIX}docs/#problem-{slug}"


def problem(request, status_code, detail, *, errors=None, headers=None):
    """A problem+json response for `request`, with its request id so that support can find the log line."""
    body = {
        "type": problem_type(status_code),
        "title": PROBLEMS.get(status_code, ("error", "Error"))[1],
        "status": status_code,
        "detail": str(detail),
        "instance": request.path,
        "request_id": getattr(request, "request_id", None) or "-",
        "errors": errors or [],
    }
    response = JsonResponse(
        body, status=status_code, content_type=CONTENT_TYPE, json_dumps_params={"ensure_ascii": False}
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def is_api_request(request):
    return request.path.startswith(API_PREFIX) and not request.path.startswith(f"{API_PREFIX}docs/")


def field_errors(detail, pointer=""):
    """DRF's nested error detail as a flat list of {pointer, code, detail}, one per problem."""
    if isinstance(detail, dict):
        found = []
        for key, value in detail.items():
            if key in {"non_field_errors", "__all__"}:
                found.extend(field_errors(value, pointer))
            elif isinstance(key, str) and key.startswith("header:"):
                found.extend({**error, "header": key[7:], "pointer": None} for error in field_errors(value))
            elif isinstance(key, str) and key.startswith("parameter:"):
                found.extend({**error, "parameter": key[10:], "pointer": None} for error in field_errors(value))
            else:
                found.extend(field_errors(value, f"{pointer}/{_escape(key)}"))
        return [_tidy(error) for error in found]
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return [
                {"pointer": pointer, "code": getattr(item, "code", "invalid"), "detail": str(item)} for item in detail
            ]
        found = []
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):
                found.extend(field_errors(item, f"{pointer}/{index}"))
            else:
                found.append({"pointer": pointer, "code": getattr(item, "code", "invalid"), "detail": str(item)})
        return found
    return [{"pointer": pointer, "code": getattr(detail, "code", "invalid"), "detail": str(detail)}]


def _escape(key):
    return str(key).replace("~", "~0").replace("/", "~1")


def _tidy(error):
    return {key: value for key, value in error.items() if value is not None}


def _summary(errors):
    if len(errors) == 1:
        where = errors[0].get("pointer") or errors[0].get("header") or errors[0].get("parameter") or "the request"
        return f"{where}: {errors[0]['detail']}"
    return f"{len(errors)} problems: see errors"


def exception_handler(exc, context):
    """DRF's exception handler, answering problem+json (DRF's own rules decide the status)."""
    request = context["request"]
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a crash: Django's handler500 answers (api_server_error below)
    headers = {name: value for name, value in response.items() if name in {"Retry-After", "WWW-Authenticate", "Allow"}}
    code = response.status_code
    errors = []
    if isinstance(exc, exceptions.ValidationError):
        errors = field_errors(exc.detail)
        detail = _summary(errors) if errors else "The request is invalid"
        code = getattr(exc, "status_code", status.HTTP_400_BAD_REQUEST)
    else:
        detail = exc.detail if isinstance(getattr(exc, "detail", None), str) else response.data.get("detail", "")
        field = getattr(exc, "problem_errors", None)
        if field:
            errors = field
    return problem(request, code, detail, errors=errors, headers=headers)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with an earlier one"
    default_code = "conflict"


class AreaNotCovered(exceptions.PermissionDenied):
    """One wording, on every endpoint, for an area the token does not cover."""

    def __init__(self, slug, pointer="/area"):
        super().__init__(f"This API token does not cover the area {slug}")
        self.problem_errors = [{"pointer": pointer, "code": "area_not_covered", "detail": str(self.detail)}]


def api_not_found(request):
    return problem(request, 404, "There is nothing at this address in the API")


def api_server_error(request):
    return problem(request, 500, "The error has been logged with this request's id; please try again later")


def api_unavailable(request, retry_after):
    return problem(
        request,
        503,
        "The service lost its connection to its database for a moment; try again in a few seconds "
        "(a retry with the same Idempotency-Key never creates a record twice)",
        headers={"Retry-After": str(retry_after)},
    )
