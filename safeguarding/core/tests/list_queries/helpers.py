"""The comparison every list page's test makes: the page's queries with a few rows, then with four times as many."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

FEW, MANY = 3, 12


def _queries(client, url):
    cache.clear()  # what a page costs when its result is not cached yet
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries)


def same_for_more_rows(client, url, add_rows):
    """`add_rows(count)` adds `count` more of the rows the page lists; the page must cost the same after."""
    add_rows(FEW)
    client.get(url)  # the session and per-process caches warmed, as on any later visit
    few = _queries(client, url)
    add_rows(MANY - FEW)
    # Warmed again: what a process keeps per data version (the repository's facet bitmaps) is built once after
    # a change, whatever the number of rows; the comparison is of what a visit costs per row.
    client.get(url)
    many = _queries(client, url)
    assert many == few, f"{url}: {few} queries with {FEW} rows, {many} with {MANY}"


def same_for_a_bigger_object(client, url_of_object_with):
    """For a page of one object that lists the object's own rows, made whole (a repository entry's findings):
    `url_of_object_with(count)` makes an object with `count` rows and returns its page's URL; the page of one with
    many rows must cost the same as the page of one with a few."""
    few_url = url_of_object_with(FEW)
    client.get(few_url)
    few = _queries(client, few_url)
    many_url = url_of_object_with(MANY)
    client.get(many_url)
    many = _queries(client, many_url)
    assert many == few, f"{many_url}: {few} queries with {FEW} rows ({few_url}), {many} with {MANY}"


def with_token(client, area, *scopes):
    """The client calls the API with a token of `area` holding `scopes`."""
    from safeguarding.api.factories import make_token

    _token, plaintext = make_token(areas=[area], scopes=list(scopes))
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
    return client


def rows_of(make_one):
    """add_rows for a page whose rows are made one at a time by `make_one(number)`, numbered from 0."""
    made = []

    def add(count):
        for _ in range(count):
            made.append(make_one(len(made)))

    return add


def nhs_number(number):
    """A valid NHS number (Modulus 11) of its own for each `number`, so that each row is a different child."""
    for base in range(943_000_000 + number * 10, 943_000_000 + number * 10 + 10):
        digits = [int(d) for d in str(base)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return f"{base}{check}"
    raise AssertionError("no valid check digit among ten bases")  # cannot happen: 10 is one remainder in eleven
