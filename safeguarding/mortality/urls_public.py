"""Published child death statistics: public, no sign-in."""

from django.urls import path

from .views import public

app_name = "statistics"

urlpatterns = [
    path("", public.releases, name="releases"),
    path("child-deaths/<str:year>/", public.release, name="release"),
    path("child-deaths/<str:year>/release.pdf", public.release_pdf, name="release-pdf"),
    path("child-deaths/<str:year>/tables/<str:name>.csv", public.release_csv, name="release-csv"),
]
