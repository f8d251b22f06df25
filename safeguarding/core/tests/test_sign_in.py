import pytest
from django.test import override_settings


@pytest.fixture
def practitioner(django_user_model):
    return django_user_model.objects.create_user(
        "Sophie.Turner@Example.org", "correct-horse-battery", full_name="Sophie Turner"
    )


@pytest.mark.django_db
def test_sign_in_with_email_in_any_case(client, practitioner):
    response = client.post("/sign-in/", {"username": "SOPHIE.TURNER@example.org", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert response["Location"] == "/home/"
    # The password alone is not enough: the home page asks for the second factor first.
    assert client.get("/home/")["Location"].startswith("/two-factor/set-up/")


@pytest.mark.django_db
def test_wrong_password_shows_error_summary_and_field_naming(client, practitioner):
    response = client.post("/sign-in/", {"username": "sophie.turner@example.org", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter a correct email address and password" in html
    assert "<title>Error: Sign in" in html


@pytest.mark.django_db
def test_empty_form_names_each_missing_field_with_links(client):
    response = client.post("/sign-in/", {"username": "", "password": ""})
    html = response.content.decode()
    assert '<a href="#id_username">Enter your email address</a>' in html
    assert '<a href="#id_password">Enter your password</a>' in html
    assert 'class="govuk-input govuk-input--error"' in html
    assert 'aria-describedby="id_username-error"' in html


@pytest.mark.django_db
def test_sign_out_is_post_only(client, practitioner, sign_in):
    sign_in(practitioner)
    assert client.get("/sign-out/").status_code == 405
    response = client.post("/sign-out/")
    assert response.status_code == 302
    assert client.get("/home/").status_code == 302


@pytest.mark.django_db
def test_demo_accounts_cannot_sign_in_where_demo_is_disabled(client, django_user_model):
    django_user_model.objects.create_user(
        "demo@demo.safeguarding.example", "demo-safeguarding-2026", full_name="Demo", is_demo=True
    )
    credentials = {"username": "demo@demo.safeguarding.example", "password": "demo-safeguarding-2026"}
    with override_settings(DEMO_ACCOUNTS_ENABLED=False):
        assert client.post("/sign-in/", credentials).status_code == 200
    with override_settings(DEMO_ACCOUNTS_ENABLED=True):
        assert client.post("/sign-in/", credentials).status_code == 302
