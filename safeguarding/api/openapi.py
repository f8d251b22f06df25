"""What the OpenAPI schema declares for every operation: its problem+json answers and headers."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from .problems import CONTENT_TYPE
from .serializers import ProblemSerializer

_DESCRIPTIONS = {
    400: "Invalid fields, headers or query parameters: each named in `errors` with the rule it breaks",
    401: "No API token, or an invalid, expired or revoked one",
    403: "The token lacks a scope this request needs, or does not cover the area",
    404: "Not one of the token's areas' records, or no such record (or page)",
    405: "The method is not allowed at this address",
    406: "The API answers application/json (errors application/problem+json) only",
    409: "The Idempotency-Key was already used for a different request",
    415: "The request body must be application/json",
    429: "Too many requests for this token: wait the seconds in Retry-After",
}


def problems(*codes):
    """`responses=` entries for these statuses: problem+json, described."""
    return {(code, CONTENT_TYPE): OpenApiResponse(ProblemSerializer, description=_DESCRIPTIONS[code]) for code in codes}


# Every authenticated operation may answer these.
AUTHENTICATED = (401, 403, 405, 406, 429)
READ_LIST = (*AUTHENTICATED, 400, 404)
READ_ONE = (*AUTHENTICATED, 404)
CREATE = (*AUTHENTICATED, 400, 409, 415)

RETRY_AFTER = OpenApiParameter(
    "Retry-After", OpenApiTypes.INT, OpenApiParameter.HEADER, response=[429], description="Seconds to wait"
)
LOCATION = OpenApiParameter(
    "Location", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[201], description="The created record's address"
)
REPLAYED = OpenApiParameter(
    "Idempotent-Replayed",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[201],
    enum=["true", "false"],
    description="`true` when this is the stored answer to an earlier request with the same Idempotency-Key",
)
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="A unique value per new record (up to 255 characters): the same key again returns the first answer "
    "and creates nothing",
)
