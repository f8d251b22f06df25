"""The public OpenAPI schema: valid OpenAPI 3, with the endpoints and the bearer-token scheme."""

import pytest
import yaml
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


def test_schema_is_public_valid_openapi_3_with_the_bearer_scheme(client):
    response = client.get("/api/schema/?format=json")

    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)  # raises on anything that is not OpenAPI 3
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/areas", "/api/v1/areas/{slug}", "/api/v1/whoami"} <= set(schema["paths"])
    assert schema["components"]["securitySchemes"]["ApiToken"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "slp_<prefix>_<secret>",
        "description": "An API token issued to your organisation by an area administrator.",
    }
    listing = schema["paths"]["/api/v1/areas"]["get"]
    assert listing["security"] == [{"ApiToken": []}]
    assert {"200", "401", "403"} <= set(listing["responses"])


def test_schema_is_served_as_yaml_by_default(client):
    response = client.get("/api/schema/")

    assert response.status_code == 200
    assert "/api/v1/areas" in yaml.safe_load(response.content)["paths"]


def test_schema_does_not_describe_the_administrators_pages(client):
    schema = client.get("/api/schema/?format=json").json()

    assert all(path.startswith("/api/v1/") for path in schema["paths"])
