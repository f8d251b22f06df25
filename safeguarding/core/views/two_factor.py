"""Two-factor pages: set up an authenticator app, and enter its code at each sign-in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from .. import two_factor
from ..forms_two_factor import TotpCodeForm


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "core:home"


@login_required
def set_up(request):
    if request.user.is_verified():
        return redirect("core:home")
    if two_factor.confirmed_device(request.user):
        return redirect("core:two-factor-verify")
    device = two_factor.pending_device(request.user)
    form = TotpCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        two_factor.confirm_device(request, device)
        return redirect(_next_url(request))
    return render(
        request,
        "core/two_factor_set_up.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device),
            "secret": two_factor.secret_for_typing(device),
            "next": _next_url(request) if request.GET.get("next") else "",
        },
    )


@login_required
def verify(request):
    if request.user.is_verified():
        return redirect(_next_url(request))
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect("core:two-factor-set-up")
    form = TotpCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        two_factor.complete_sign_in(request, device)
        return redirect(_next_url(request))
    return render(request, "core/two_factor_verify.html", {"form": form, "next": request.GET.get("next", "")})
