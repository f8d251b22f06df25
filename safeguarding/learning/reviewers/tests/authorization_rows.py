import datetime

from safeguarding.core.tests.authorization import expect
from safeguarding.learning.reviewers.factories import add_employment, make_reviewer
from safeguarding.learning.reviewers.models import Reviewer

from .conftest import completed_lli

NATIONAL = {"national:national_analyst", "national:national_administrator"}
NATIONAL_ADMIN = {"national:national_administrator"}
# The matrix's area reviewer is on the register, and may read their own page.
NATIONAL_OR_THE_REVIEWER = NATIONAL | {"area:reviewer"}

PAGE_MATRIX = {
    "reviewers:list": ("GET", expect(NATIONAL)),
    "reviewers:add": ("GET", expect(NATIONAL_ADMIN)),
    "reviewers:reviewer": ("GET", expect(NATIONAL_OR_THE_REVIEWER)),
    "reviewers:edit": ("GET", expect(NATIONAL_ADMIN)),
    "reviewers:add-accreditation": ("GET", expect(NATIONAL_ADMIN)),
    "reviewers:add-cpd": ("GET", expect(NATIONAL_ADMIN)),
    "reviewers:add-employment": ("GET", expect(NATIONAL_ADMIN)),
    "reviewers:edit-employment": ("GET", expect(NATIONAL_ADMIN)),
    "reviewers:inquiries": ("GET", expect(NATIONAL)),
    "reviewers:assess": ("GET", expect(NATIONAL)),
}
POST_ALLOWED = {
    "reviewers:add": NATIONAL_ADMIN,
    "reviewers:edit": NATIONAL_ADMIN,
    "reviewers:add-accreditation": NATIONAL_ADMIN,
    "reviewers:add-cpd": NATIONAL_ADMIN,
    "reviewers:add-employment": NATIONAL_ADMIN,
    "reviewers:edit-employment": NATIONAL_ADMIN,
    "reviewers:assess": NATIONAL,
}


def url_kwargs(world):
    user = world.people["area:reviewer"]
    reviewer = Reviewer.objects.filter(user=user).first() or make_reviewer(user)
    incident = completed_lli(world.area, reviewer)
    job = add_employment(reviewer, area=world.other_area, started_on=datetime.date(2015, 9, 1))
    pk = {"pk": reviewer.pk}
    return {
        "reviewers:reviewer": pk,
        "reviewers:edit": pk,
        "reviewers:add-accreditation": pk,
        "reviewers:add-cpd": pk,
        "reviewers:add-employment": pk,
        "reviewers:inquiries": pk,
        "reviewers:edit-employment": {"pk": reviewer.pk, "employment_pk": job.pk},
        "reviewers:assess": {"pk": reviewer.pk, "incident_pk": incident.pk},
    }
