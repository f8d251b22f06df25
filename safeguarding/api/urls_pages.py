"""Administrators' pages for API tokens, mounted at /api-tokens/."""

from django.urls import path

from . import views_pages

app_name = "api_tokens"

urlpatterns = [
    path("", views_pages.token_list, name="list"),
    path("issue/", views_pages.issue, name="issue"),
    path("<int:pk>/revoke/", views_pages.revoke, name="revoke"),
]
