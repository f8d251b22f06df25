"""Signing in and out."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render

from ..forms_auth import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "core/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]
    next_page = "core:signed-out"


def signed_out(request):
    reason = request.GET.get("reason", "")
    return render(
        request,
        "core/signed_out.html",
        {"reason": reason if reason == "inactivity" else "", "minutes": settings.SESSION_INACTIVITY_MINUTES},
    )
