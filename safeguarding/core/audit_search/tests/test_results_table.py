"""What each row of the results table shows."""

import datetime

from safeguarding.core import audit
from safeguarding.organisations.factories import OrganisationFactory, UserFactory
from safeguarding.organisations.models.people import Role


def test_a_row_shows_who_did_what_where_and_when(client, sign_in, national_administrator, area, record_event):
    reviewer = UserFactory(email="rhea.reviewer@example.org")
    record_event(
        "lli.report_published",
        area,
        at=datetime.datetime(2025, 6, 30, 23, 30, tzinfo=datetime.UTC),
        actor=audit.Actor.person(reviewer, organisation=OrganisationFactory(name="Westshire NHS"), role=Role.REVIEWER),
        target=("incidents.review", 17, "Review SLP-0017"),
        data={"from": "draft", "to": "published", "note": "x" * 100},
    )
    sign_in(national_administrator)

    html = client.get("/audit/").content.decode()

    assert '<time datetime="2025-07-01T00:30:00+01:00">1 Jul 2025 00:30:00</time>' in html  # London time
    assert "rhea.<wbr>reviewer@<wbr>example.<wbr>org<wbr>" in html
    assert ">Reviewer</td>" in html
    assert ">Westshire NHS</td>" in html
    assert f">{area.name}</td>" in html
    assert "lli.<wbr>report_<wbr>published<wbr>" in html
    assert "Review SLP-0017" in html
    assert "incidents.<wbr>review<wbr> 17" in html
    # The details are cut short; the export has them whole.
    assert ">from: &quot;draft&quot;, note: &quot;xxxxxxxx" in html
    assert "xxx…</td>" in html
    assert "x" * 100 not in html
