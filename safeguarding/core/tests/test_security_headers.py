import pytest


@pytest.mark.django_db
def test_every_page_sends_the_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    script_src = directives["script-src"]
    assert script_src.startswith("'self' 'nonce-")
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_inline_script_carries_the_nonce_of_its_response(client):
    response = client.get("/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()


@pytest.mark.django_db
def test_each_request_gets_an_id_and_a_safe_incoming_one_is_kept(client):
    first = client.get("/healthz")["X-Request-Id"]
    second = client.get("/healthz")["X-Request-Id"]
    assert first != second and len(first) == 32
    assert client.get("/healthz", headers={"X-Request-Id": "trace-1234abcd"})["X-Request-Id"] == "trace-1234abcd"
    forged = client.get("/healthz", headers={"X-Request-Id": "bad id\nINFO fake log line"})["X-Request-Id"]
    assert "fake" not in forged
