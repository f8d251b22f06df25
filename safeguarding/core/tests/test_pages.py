"""The public pages, the error pages and the layout every page shares."""

import pytest
from django.test import override_settings
from django.urls import include, path

from safeguarding.core.views import errors


def _boom(request):
    raise RuntimeError("deliberate failure for the 500 page test")


urlpatterns = [path("boom/", _boom), path("", include("config.urls"))]
handler500 = "safeguarding.core.views.errors.server_error"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/", "Safeguarding Learning Platform"),
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice"),
        ("/sign-in/", "Sign in"),
    ],
)
def test_public_pages_render_in_the_layout(client, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert 'class="govuk-skip-link"' in html
    assert 'id="main-content"' in html
    assert "govuk-phase-banner" in html
    assert 'href="/accessibility/"' in html and 'href="/privacy/"' in html
    assert "/assets/govuk/govuk-frontend.min.css" in html


@pytest.mark.django_db
def test_navigation_only_for_signed_in_people(client, django_user_model, sign_in):
    assert "Sign out" not in client.get("/").content.decode()
    user = django_user_model.objects.create_user("nav@example.org", "a-long-password-1", full_name="Nav Person")
    sign_in(user)
    html = client.get("/home/").content.decode()
    assert "Sign out" in html
    assert 'aria-current="page"' in html


@pytest.mark.django_db
def test_home_requires_sign_in(client):
    response = client.get("/home/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=/home/")


@pytest.mark.django_db
def test_404_page_is_in_service_style(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "govuk-template" in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_500_page_is_in_service_style(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.django_db
def test_403_page_is_in_service_style(rf):
    request = rf.get("/")
    response = errors.permission_denied(request)
    assert response.status_code == 403
    assert "You do not have permission to do this" in response.content.decode()


@pytest.mark.django_db
def test_form_without_csrf_token_gets_service_styled_page():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "Sorry, your form could not be sent" in response.content.decode()


@pytest.mark.django_db
def test_favicon_is_served_at_the_root_and_linked_from_every_page(client, django_user_model, sign_in):
    user = django_user_model.objects.create_user("icon@example.org", "a-long-password-1", full_name="Icon Person")
    sign_in(user)
    session_before = dict(client.session)
    response = client.get("/favicon.ico")
    # Fetching the icon neither touches the session (no write that could race the page's request) nor
    # counts as the person being active.
    assert dict(client.session) == session_before
    assert not response.cookies
    assert response.status_code == 302
    assert response["Location"] == "/assets/images/favicon.ico"
    assert "max-age=86400" in response["Cache-Control"]
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    html = client.get("/").content.decode()
    assert '<link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">' in html
