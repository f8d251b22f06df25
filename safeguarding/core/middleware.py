"""Request id and one structured log line per request."""

import logging
import re
import time
import uuid

from .request_context import current_request_id

logger = logging.getLogger("safeguarding.request")

# An id passed in by a trusted proxy is kept only if it looks like an id, so logs cannot be forged.
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# Paths that carry a secret (an invitation link's one-time token): logged without it, since anyone
# who reads the logs could otherwise accept the invitation first. The email links keep their secrets after
# `#`, which never reaches a server; this also covers a link whose `#` was lost in copying (an agency
# return's `/return/<token>`, which answers 404).
_SECRET_IN_PATH = re.compile(r"^(/invitations/|/return/(?!(?:code|form|receipt)/))[^/]+")


def loggable_path(path):
    return _SECRET_IN_PATH.sub(r"\1…", path)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-Id", "")
        request.request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = current_request_id.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-Id"] = request.request_id
        return response


class RequestLogMiddleware:
    """Logs method, path, status and duration; never query strings, which may carry personal data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        token = current_request_id.set(getattr(request, "request_id", "-"))
        try:
            response = self.get_response(request)
            user = getattr(request, "user", None)
            path = loggable_path(request.path)
            logger.info(
                "%s %s %s",
                request.method,
                path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                },
            )
            return response
        finally:
            current_request_id.reset(token)
