"""Production settings in a real process: HTTPS headers, secure cookies and hashed static files."""

import json
import os
import subprocess
import sys
import textwrap

import pytest
from django.conf import settings

from .test_production_settings import PRODUCTION_ENV


def _run_in_production(script, tmp_path, **extra_env):
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    env.update(PRODUCTION_ENV)
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}", **extra_env})
    result = subprocess.run(  # noqa: S603 (fixed interpreter and our own script)
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """One production process (static files collected) answers both tests: collecting the static files is the
    slow part, and both read what it made. Its database is left empty: the sign-in page reads no table (the test
    checks it is served, not an error), and migrating it took half the test's time."""
    tmp_path = tmp_path_factory.mktemp("production")
    static_root = tmp_path / "static"
    outcome = _run_in_production(
        """
        import json, django
        django.setup()
        from django.core.management import call_command
        from django.contrib.staticfiles.storage import staticfiles_storage
        call_command("collectstatic", interactive=False, verbosity=0)
        from django.test import Client
        client = Client(HTTP_HOST="safeguarding.example")
        plain = client.get("/sign-in/")
        secure = client.get("/sign-in/", secure=True)
        css_name = staticfiles_storage.stored_name("govuk/govuk-frontend.min.css")
        css = staticfiles_storage.open(css_name).read().decode()
        font_name = staticfiles_storage.stored_name("fonts/bold-b542beb274-v2.woff2")
        print(json.dumps({
            "plain_status": plain.status_code,
            "plain_location": plain.get("Location"),
            "secure_status": secure.status_code,
            "hsts": secure.get("Strict-Transport-Security"),
            "csp": secure.get("Content-Security-Policy"),
            "csrf_cookie_secure": secure.cookies["csrftoken"]["secure"],
            "csrf_cookie_samesite": secure.cookies["csrftoken"]["samesite"],
            "css_name": css_name,
            "font_name": font_name,
            "font_in_css": "/assets/" + font_name in css,
        }))
        """,
        tmp_path,
        STATIC_ROOT=str(static_root),
    )
    return outcome, static_root


def test_production_sends_https_headers_and_secure_cookies(production):
    outcome, _static_root = production
    assert outcome["plain_status"] == 301
    assert outcome["plain_location"] == "https://safeguarding.example/sign-in/"
    assert outcome["secure_status"] == 200
    assert outcome["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "'unsafe-inline'" not in outcome["csp"] and "'unsafe-eval'" not in outcome["csp"]
    assert outcome["csrf_cookie_secure"] is True
    assert outcome["csrf_cookie_samesite"] == "Lax"


def test_collected_stylesheet_points_at_hashed_fonts(production):
    outcome, static_root = production
    assert outcome["css_name"] != "govuk/govuk-frontend.min.css", "stylesheet name is not hashed"
    assert outcome["font_name"] != "fonts/bold-b542beb274-v2.woff2", "font name is not hashed"
    assert outcome["font_in_css"], "the stylesheet still points at the unhashed font URL"
    assert (static_root / outcome["font_name"]).exists()
