from django.urls import path

from .views import auth, health, pages, session, two_factor, work

app_name = "core"

urlpatterns = [
    path("", pages.start, name="start"),
    path("home/", pages.home, name="home"),
    path("go-to/", work.go_to, name="go-to"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("privacy/", pages.privacy, name="privacy"),
    path("sign-in/", auth.SignInView.as_view(), name="sign-in"),
    path("sign-out/", auth.SignOutView.as_view(), name="sign-out"),
    path("signed-out/", auth.signed_out, name="signed-out"),
    path("session/keep-alive/", session.keep_alive, name="keep-alive"),
    path("two-factor/set-up/", two_factor.set_up, name="two-factor-set-up"),
    path("two-factor/", two_factor.verify, name="two-factor-verify"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
