"""Signing in and out."""

from django.contrib.auth import views as auth_views

from ..forms_auth import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "core/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]
