"""Keeping a session alive when the time-out warning asks."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST


@require_POST
@login_required
def keep_alive(request):
    """Any request resets the inactivity clock (SessionInactivityMiddleware); this one does nothing else.

    Scripts call it in the background and get a small JSON answer; without JavaScript the warning's form posts here
    and the person goes back to the page they were on.
    """
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"status": "ok", "timeout_minutes": settings.SESSION_INACTIVITY_MINUTES})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "core:home"
    return redirect(target)
