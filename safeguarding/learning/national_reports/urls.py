from django.urls import path

from .views import manage, public

app_name = "national_reports"

urlpatterns = [
    path("", manage.report_list, name="list"),
    path("<int:year>/edit/", manage.edit, name="edit"),
    path("<int:year>/preview/", manage.preview, name="preview"),
    path("<int:year>/publish/", manage.publish, name="publish"),
    # Public: no sign-in.
    path("published/", public.published_list, name="published-list"),
    path("<int:year>/", public.published, name="published"),
    path("<int:year>/report.pdf", public.published_pdf, name="published-pdf"),
    path("themes/", public.themes, name="themes"),
    path("themes/<slug:slug>/", public.theme, name="theme"),
]
