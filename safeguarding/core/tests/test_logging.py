import io
import json
import logging

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

from safeguarding.core.logging import RequestIdFilter


@pytest.fixture
def json_log():
    """The production JSON formatter, attached to the request logger for the duration of a test."""
    config = settings.LOGGING["formatters"]["json"]
    formatter = import_string(config["()"])(config["fmt"], rename_fields=config["rename_fields"])
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("safeguarding.request")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.django_db
def test_one_json_line_per_request_with_its_request_id(client, json_log):
    response = client.get("/healthz?name=not-logged")
    lines = json_log.getvalue().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["request_id"] == response["X-Request-Id"]
    assert data["status"] == 200
    assert data["path"] == "/healthz"
    assert data["method"] == "GET"
    assert data["level"] == "INFO"
    assert "duration_ms" in data
    assert "not-logged" not in lines[0]


@pytest.mark.django_db
def test_invitation_tokens_never_reach_the_log(client, json_log):
    client.get("/invitations/secret-token-value/")
    line = json_log.getvalue()
    assert "secret-token-value" not in line
    assert json.loads(line.splitlines()[0])["path"] == "/invitations/…/"
