"""The administrators' pages: listing, issuing (the token shown once) and revoking API tokens."""

import datetime

import pytest
from django.utils import timezone

from safeguarding.api import tokens
from safeguarding.api.factories import make_token
from safeguarding.api.models import ApiToken
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def area_administrator(area):
    return person_with_role(Role.AREA_ADMINISTRATOR, area, email="ravi.shah@example.org")


@pytest.fixture
def council(area):
    organisation = OrganisationFactory(name="Tees Valley Council")
    area.partners.add(organisation)
    return organisation


def issue_form(organisation, area, /, **changes):
    data = {
        "organisation": organisation.pk,
        "name": "Council case system",
        "areas": [area.pk],
        "scopes": ["areas:read", "incidents:write"],
        "expires_on_0": "",
        "expires_on_1": "",
        "expires_on_2": "",
    }
    data.update(changes)
    return data


# Listing


def test_anonymous_visitor_is_sent_to_sign_in(client):
    for path in ("/api-tokens/", "/api-tokens/issue/", "/api-tokens/1/revoke/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(f"/sign-in/?next={path}")


def test_practitioner_may_not_manage_tokens(client, sign_in, area):
    sign_in(person_with_role(Role.PRACTITIONER, area))

    assert client.get("/api-tokens/").status_code == 404
    assert client.get("/api-tokens/issue/").status_code == 404


def test_area_administrator_lists_only_tokens_covering_their_areas(client, sign_in, area, other_area, council):
    ours, _ = make_token(areas=[area], organisation=council, name="Council case system")
    shared, _ = make_token(areas=[area, other_area], name="Police case system")
    theirs, _ = make_token(areas=[other_area], name="Other area system")
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area))

    response = client.get("/api-tokens/")

    html = response.content.decode()
    assert response.status_code == 200
    assert list(response.context["tokens"]) == [shared, ours]
    assert ours.prefix in html and shared.prefix in html
    assert theirs.prefix not in html and "Other area system" not in html
    assert "Tees Valley Council" in html


def test_national_administrator_lists_every_token(client, sign_in, area, other_area):
    tokens_made = [make_token(areas=[area])[0], make_token(areas=[other_area])[0]]
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))

    response = client.get("/api-tokens/")

    assert set(response.context["tokens"]) == set(tokens_made)


def test_list_shows_each_tokens_status_and_last_use(client, sign_in, area, area_administrator):
    now = timezone.now()
    make_token(areas=[area], name="Live system", last_used_at=now)
    make_token(areas=[area], name="Old system", expires_at=now - datetime.timedelta(days=1))
    make_token(areas=[area], name="Gone system", revoked_at=now)
    sign_in(area_administrator)

    html = client.get("/api-tokens/").content.decode()

    assert '<strong class="govuk-tag govuk-tag--green">Active</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--grey">Expired</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--red">Revoked</strong>' in html
    assert html.count("Never") == 2


def test_empty_list_says_so(client, sign_in, area_administrator):
    sign_in(area_administrator)

    assert "No API tokens have been issued for your areas yet." in client.get("/api-tokens/").content.decode()


def test_list_comes_25_to_a_page(client, sign_in, area, council, area_administrator):
    for number in range(26):
        make_token(areas=[area], organisation=council, name=f"System {number:02d}")
    sign_in(area_administrator)

    first = client.get("/api-tokens/").content.decode()
    second = client.get("/api-tokens/", {"page": 2}).content.decode()

    assert first.count("/revoke/") == 25 and second.count("/revoke/") == 1
    assert "System 25" in first and "System 00" in second  # newest first
    assert '<nav class="govuk-pagination" aria-label="Pages of API tokens">' in first
    assert 'href="?page=2" rel="next"' in first
    assert 'href="?page=1" rel="prev"' in second and 'rel="next"' not in second
    assert client.get("/api-tokens/", {"page": "last"}).content.decode().count("/revoke/") == 25


# Issuing


def test_issue_form_offers_only_partners_and_areas_of_the_administrator(
    client, sign_in, area, other_area, council, area_administrator
):
    other_partner = OrganisationFactory(name="Elsewhere Police")
    other_area.partners.add(other_partner)
    sign_in(area_administrator)

    form = client.get("/api-tokens/issue/").context["form"]

    assert list(form.fields["organisation"].queryset) == [council]
    assert list(form.fields["areas"].queryset) == [area]


def test_issuing_shows_the_token_once_without_caching_or_keeping_it(client, sign_in, area, council, area_administrator):
    sign_in(area_administrator)

    response = client.post("/api-tokens/issue/", issue_form(council, area))

    assert response.status_code == 200
    html = response.content.decode()
    plaintext = response.context["plaintext"]
    token = ApiToken.objects.get()
    assert tokens.matches(plaintext, token.secret_hash)
    assert f'value="{plaintext}"' in html
    assert "Copy it now: you will not be able to see it again." in html
    assert "no-store" in response["Cache-Control"]
    session = client.session
    assert all(plaintext not in repr(value) for value in session.values())
    assert plaintext not in client.get("/api-tokens/").content.decode()
    assert AuditEvent.objects.filter(verb="api_token.issued", area=area).count() == 1


def test_issuing_with_an_expiry_date_stops_the_token_at_the_start_of_that_day(
    client, sign_in, area, council, area_administrator
):
    sign_in(area_administrator)
    day = timezone.localdate() + datetime.timedelta(days=10)

    client.post(
        "/api-tokens/issue/",
        issue_form(council, area, expires_on_0=str(day.day), expires_on_1=str(day.month), expires_on_2=str(day.year)),
    )

    expires_at = timezone.localtime(ApiToken.objects.get().expires_at)
    assert (expires_at.date(), expires_at.time()) == (day, datetime.time.min)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Enter a name for the token"),
        ({"areas": []}, "Select at least one area the token may be used for"),
        ({"scopes": []}, "Select at least one thing the token may do"),
        ({"organisation": ""}, "Select the organisation that will use the token"),
        ({"expires_on_0": "1", "expires_on_1": "1", "expires_on_2": "2020"}, "The expiry date must be in the future"),
        ({"expires_on_0": "31", "expires_on_1": "2", "expires_on_2": "2030"}, "The expiry date must be a real date"),
    ],
)
def test_bad_issue_form_names_the_problem_and_issues_nothing(
    client, sign_in, area, council, area_administrator, changes, message
):
    sign_in(area_administrator)

    response = client.post("/api-tokens/issue/", issue_form(council, area, **changes))

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert message in html
    assert not ApiToken.objects.exists()


def test_organisation_that_is_not_a_partner_of_a_chosen_area_is_refused(
    client, sign_in, area, other_area, council, area_administrator
):
    # The council serves area A only; an administrator of both areas asks for a token covering B too.
    sign_in(area_administrator)
    area_administrator.memberships.create(
        organisation=area_administrator.memberships.first().organisation,
        area=other_area,
        role=Role.AREA_ADMINISTRATOR,
    )

    response = client.post("/api-tokens/issue/", issue_form(council, area, areas=[area.pk, other_area.pk]))

    assert (
        "Tees Valley Council is not a partner of Area B Safeguarding Partnership: choose only areas it serves"
        in response.content.decode()
    )
    assert not ApiToken.objects.exists()


def test_area_administrator_cannot_post_another_areas_id(
    client, sign_in, area, other_area, council, area_administrator
):
    other_area.partners.add(council)
    sign_in(area_administrator)

    response = client.post("/api-tokens/issue/", issue_form(council, area, areas=[other_area.pk]))

    assert "Select only areas from the list" in response.content.decode()
    assert not ApiToken.objects.exists()


# Revoking


def test_revoke_asks_for_confirmation_then_revokes_on_post(client, sign_in, area, area_administrator):
    token, plaintext = make_token(areas=[area], name="Council case system")
    sign_in(area_administrator)

    confirmation = client.get(f"/api-tokens/{token.pk}/revoke/")
    assert confirmation.status_code == 200
    assert "Are you sure you want to revoke this API token?" in confirmation.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None

    response = client.post(f"/api-tokens/{token.pk}/revoke/", follow=True)

    assert response.redirect_chain == [("/api-tokens/", 302)]
    assert f"The API token Council case system ({token.prefix}) has been revoked" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_by == area_administrator
    assert client.get("/api/v1/whoami", HTTP_AUTHORIZATION=f"Bearer {plaintext}").status_code == 401


def test_another_areas_token_answers_404_to_see_and_to_revoke(client, sign_in, other_area, area_administrator):
    token, _ = make_token(areas=[other_area])
    sign_in(area_administrator)

    assert client.get(f"/api-tokens/{token.pk}/revoke/").status_code == 404
    assert client.post(f"/api-tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_twice_says_it_is_already_revoked(client, sign_in, area, area_administrator):
    token, _ = make_token(areas=[area], revoked_at=timezone.now())
    sign_in(area_administrator)

    response = client.post(f"/api-tokens/{token.pk}/revoke/", follow=True)

    assert "This API token has already been revoked" in response.content.decode()
    assert not AuditEvent.objects.filter(verb="api_token.revoked").exists()
