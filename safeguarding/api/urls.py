"""The REST API (/api/v1/...), its OpenAPI schema (/api/schema/) and reference page (/api/docs/)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import docs, views

app_name = "api"

urlpatterns = [
    path("v1/areas", views.AreaList.as_view(), name="area-list"),
    path("v1/areas/<slug:slug>", views.AreaDetail.as_view(), name="area-detail"),
    path("v1/whoami", views.WhoAmI.as_view(), name="whoami"),
    # Public: the schema describes the API, and says nothing about any organisation's data.
    path(
        "schema/",
        SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[]),
        name="schema",
    ),
    # Server-rendered from the same schema: Swagger UI and Redoc would need what our CSP forbids.
    path("docs/", docs.api_reference, name="docs"),
]
