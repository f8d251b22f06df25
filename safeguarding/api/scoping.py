"""Where an API client may reach, and the audit of what it read or wrote.

API views over area-owned data reach only the token's areas: for a case model, through
`Model.objects.visible_to(request.user)` as pages do (an API client answers it with its token's
areas); elsewhere, by filtering on `api_visible_area_ids(request)`. An object outside them answers
404. Each view method that reads or writes area data is decorated with `@audited("api.<things>.<verb>")`.
"""

from functools import wraps

from safeguarding.core import audit
from safeguarding.organisations.models import SafeguardingArea

from .authentication import ApiClient


def api_client(request):
    client = request.user
    if not isinstance(client, ApiClient):
        # Only reached by a view without an authentication check: refuse rather than guess a scope.
        raise TypeError("API scoping needs a request authenticated with an API token")
    return client


def api_visible_area_ids(request):
    """The ids of the safeguarding areas the request's token covers."""
    return api_client(request).area_ids


class AuditedApiView:
    """Lets a view method say what it touched, for `@audited` to record after a successful response.

    DRF makes a view instance per request, so notes kept on it belong to this request alone.
    """

    def note_audit(self, *, area_ids, target=None, data=None):
        self._audit_note = {"area_ids": sorted(set(area_ids)), "target": target, "data": data or {}}


def record_api_event(request, verb, *, area_ids, target=None, data=None):
    """One event per area touched, so each area's administrators see what the client did there.

    A request that touched no area (an empty page) is still recorded once, without an area.
    """
    client = api_client(request)
    actor = audit.Actor.api_client(client.token)
    summary = {"token": client.token.prefix, "method": request.method, **(data or {})}
    areas = list(SafeguardingArea.objects.filter(pk__in=area_ids)) if area_ids else []
    # Written together: a list over many areas costs the same statements as one over a single area.
    audit.record_for_areas(actor, verb, areas or [None], target, summary)


def audited(verb, *, replay_verb=None):
    """Decorates an API view method: after a 2xx response, records `verb` by the API client.

    The method calls `self.note_audit(area_ids=..., target=..., data=...)` (see AuditedApiView) to say
    which areas it read or wrote; without a note, every area of the token is recorded. An idempotent
    replay (idempotency.respond_once) created nothing: it is recorded as `replay_verb`, with the reference
    it answered, and never with a note made by a creation that was rolled back.
    """

    def decorate(method):
        @wraps(method)
        def wrapper(self, request, *args, **kwargs):
            self._audit_note = None
            response = method(self, request, *args, **kwargs)
            if not 200 <= response.status_code < 300:
                return response
            if getattr(response, "idempotent_replay", False):
                body = response.data if isinstance(response.data, dict) else {}
                record_api_event(
                    request,
                    replay_verb or f"{verb}.replayed",
                    area_ids=sorted(api_visible_area_ids(request)),
                    data={
                        "replay_of": body.get("reference"),
                        "idempotency_key": request.headers.get("Idempotency-Key"),
                    },
                )
                return response
            note = self._audit_note or {"area_ids": sorted(api_visible_area_ids(request))}
            record_api_event(request, verb, area_ids=note["area_ids"], target=note.get("target"), data=note.get("data"))
            return response

        return wrapper

    return decorate
