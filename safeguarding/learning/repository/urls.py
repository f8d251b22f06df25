from django.urls import path, re_path

from .views import digest, entry, search

app_name = "repository"

urlpatterns = [
    path("", search.public_search, name="search"),
    path("national/", search.national_search, name="national-search"),
    path("reports/<str:reference>/", entry.entry, name="entry"),
    path("digest/", digest.months, name="digest"),
    re_path(r"^digest/(?P<year>[0-9]{4})-(?P<month>[0-9]{2})/$", digest.month, name="digest-month"),
]
