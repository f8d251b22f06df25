from django.urls import path

from .views import quality, records, register

app_name = "reviewers"

urlpatterns = [
    path("", register.register, name="list"),
    path("add/", records.add_reviewer, name="add"),
    path("<int:pk>/", register.reviewer_page, name="reviewer"),
    path("<int:pk>/edit/", records.edit_reviewer, name="edit"),
    path("<int:pk>/accreditation/", records.add_accreditation, name="add-accreditation"),
    path("<int:pk>/cpd/", records.add_cpd, name="add-cpd"),
    path("<int:pk>/employment/", records.add_employment, name="add-employment"),
    path("<int:pk>/employment/<int:employment_pk>/", records.edit_employment, name="edit-employment"),
    path("<int:pk>/inquiries/", quality.inquiries, name="inquiries"),
    path("<int:pk>/inquiries/<int:incident_pk>/assess/", quality.assess, name="assess"),
]
