"""Public pages: published arrangements (and, later, yearly reports), no sign-in needed."""

from django.urls import path

from .views import public

app_name = "published"

urlpatterns = [
    path("", public.published_list, name="list"),
    path("<slug:slug>/", public.published_area, name="area"),
    path("<slug:slug>/compare/", public.published_compare, name="compare"),
    path("<slug:slug>/versions/<int:number>/", public.published_version, name="version"),
    path("<slug:slug>/versions/<int:number>/pdf/", public.published_pdf, name="pdf"),
    path("<slug:slug>/reports/<int:year>/", public.published_report, name="report"),
    path("<slug:slug>/reports/<int:year>/pdf/", public.published_report_pdf, name="report-pdf"),
]
