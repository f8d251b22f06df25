"""Tells drf-spectacular how API clients authenticate, so the OpenAPI schema declares it."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "safeguarding.api.authentication.ApiTokenAuthentication"
    name = "ApiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "slp_<prefix>_<secret>",
            "description": "An API token issued to your organisation by an area administrator.",
        }
