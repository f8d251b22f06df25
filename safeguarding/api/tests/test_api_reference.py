"""The API reference page at /api/docs/: public, drawn from the schema, and script-free."""

import pytest
from playwright.sync_api import expect

from safeguarding.api.docs import describe_type, inline_code
from safeguarding.core.tests.browser import assert_accessible, assert_styled


@pytest.mark.django_db
def test_reference_is_public_and_lists_every_endpoint_and_the_bearer_scheme(client):
    response = client.get("/api/docs/")

    html = response.content.decode()
    assert response.status_code == 200
    for endpoint in ("GET /api/v1/areas", "GET /api/v1/areas/{slug}", "GET /api/v1/whoami"):
        assert f"<code>{endpoint}</code>" in html
    assert "<code>Authorization: Bearer slp_&lt;prefix&gt;_&lt;secret&gt;</code>" in html
    assert "Needs the <code>areas:read</code> scope." in html
    assert 'href="#shape-Area"' in html and 'id="shape-Area"' in html
    assert 'href="/api/schema/?format=json"' in html


@pytest.mark.django_db
def test_reference_loads_nothing_from_elsewhere(client):
    html = client.get("/api/docs/").content.decode()

    assert "cdn" not in html.lower()
    assert "swagger" not in html.lower()


def test_descriptions_keep_code_spans_and_escape_everything_else():
    assert inline_code("Needs `areas:read` <b>now</b>") == "Needs <code>areas:read</code> &lt;b&gt;now&lt;/b&gt;"


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string", "format": "date-time", "nullable": True}, ("string (date-time), or null", "")),
        ({"type": "array", "items": {"$ref": "#/components/schemas/Area"}}, ("list of Area", "Area")),
        ({"allOf": [{"$ref": "#/components/schemas/NationEnum"}]}, ("NationEnum", "NationEnum")),
        ({"type": "array", "items": {"type": "string"}}, ("list of string", "")),
    ],
)
def test_types_are_described_in_words(schema, expected):
    assert describe_type(schema) == expected


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reference_is_styled_accessible_and_error_free(page, page_log):
    page.goto("/api/docs/")

    expect(page.get_by_role("heading", level=1)).to_have_text("API reference")
    page.get_by_role("link", name="GET /api/v1/whoami").click()
    expect(page.locator("#whoami")).to_be_in_viewport()
    assert_styled(page)
    assert_accessible(page)
    page_log.assert_clean()
