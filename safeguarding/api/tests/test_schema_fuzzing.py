"""schemathesis against the live OpenAPI schema: every operation, generated requests valid and invalid, with a
token of area A holding every scope. No server error, no undocumented status code, every answer as the schema
says (problem+json included). A small budget per operation keeps it quick; raise FUZZ_EXAMPLES to probe longer.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from safeguarding.api.factories import make_token
from safeguarding.api.models import Scope
from safeguarding.child_deaths.factories import PanelFactory, make_case
from safeguarding.incidents.factories import make_incident
from safeguarding.organisations.factories import OrganisationFactory
from safeguarding.organisations.models import OrganisationKind

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance, content_type_conformance]


@pytest.fixture
def api_world(db, area):
    PanelFactory(name="Area A Panel", slug="area-a-panel", areas=[area])
    make_case(area)
    make_incident(area)
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    _, plaintext = make_token(areas=[area], organisation=council, scopes=list(Scope.values))
    return {"Authorization": f"Bearer {plaintext}"}


@pytest.fixture
def api_schema(api_world):
    """The schema, with requests served by the WSGI application in this process. As Django's test client
    does, the request signals leave the database connection open: closing it at the end of each request
    would end the test's transaction (on PostgreSQL; SQLite's in-memory database is never closed)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_the_api_does_what_its_schema_says(case, api_world):
    case.call_and_validate(headers=api_world, checks=CHECKS)
