"""People and returns for the secure-link tests, named after who they stand for."""

import datetime
import re

import pytest
from django.core import mail

from safeguarding.child_deaths.actions.reports import request_report
from safeguarding.child_deaths.factories import PanelFactory, make_case
from safeguarding.incidents.actions import rapid_inquiry
from safeguarding.incidents.factories import make_incident
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

from .. import actions


def verified(user):
    user.is_verified = lambda: True
    return user


@pytest.fixture
def panel(area):
    return PanelFactory(name="Area A Child Death Overview Panel", slug="area-a-panel", areas=[area])


@pytest.fixture
def panel_manager(area, panel):
    return verified(person_with_role(Role.PANEL_MANAGER, area))


@pytest.fixture
def other_panel_manager(other_area):
    PanelFactory(name="Area B Panel", slug="area-b-panel", areas=[other_area])
    return verified(person_with_role(Role.PANEL_MANAGER, other_area))


@pytest.fixture
def gp_practice(area):
    practice = OrganisationFactory(kind=OrganisationKind.HEALTH, name="Riverside Medical Practice")
    area.partners.add(practice)
    return practice


@pytest.fixture
def case(area, panel):
    return make_case(area)


@pytest.fixture
def report(case, panel_manager, gp_practice):
    return request_report(panel_manager, case, organisation=gp_practice, contexts=["sudi"])


@pytest.fixture
def inquiry_lead(area):
    police = OrganisationFactory(kind=OrganisationKind.POLICE, name="Area A Police")
    area.partners.add(police)
    return verified(person_with_role(Role.RAPID_INQUIRY_LEAD, area, organisation=police))


@pytest.fixture
def summary_request(area, inquiry_lead, gp_practice):
    incident = rapid_inquiry.start_rapid_inquiry(inquiry_lead, make_incident(area)).incident
    return rapid_inquiry.request_summary(
        inquiry_lead, incident, organisation=gp_practice, due_on=datetime.date(2026, 12, 10)
    )


def link_token(message):
    return re.search(r"/return/#([A-Za-z0-9_-]+)", message.body).group(1)


def code_in(message):
    return re.search(r"\b(\d{6})\b", message.body).group(1)


@pytest.fixture
def issued(report, panel_manager, django_capture_on_commit_callbacks):
    """A reporting form asked of the GP practice's contact; returns (request, token from the email)."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request = actions.request_return(
            panel_manager, report, contact_name="Dr Sam Okafor", contact_email="s.okafor@riverside-gp.example"
        )
    return request, link_token(mail.outbox[-1])
