"""The pages an agency contact reaches by secure link, without an account. No address carries a secret:
the email's link keeps the token after `#`, and the landing page POSTs it."""

from django.urls import path

from . import views_public

app_name = "return"

urlpatterns = [
    path("", views_public.start, name="start"),
    path("code/", views_public.code, name="code"),
    path("form/", views_public.form, name="form"),
    path("receipt/", views_public.receipt, name="receipt"),
]
