import datetime

from safeguarding.core.tests.authorization import expect
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.nsci.states import InquiryStatus

NATIONAL = {"national:national_analyst", "national:national_administrator"}
NATIONAL_ADMIN = {"national:national_administrator"}

PAGE_MATRIX = {
    "nsci:list": ("GET", expect(NATIONAL)),
    "nsci:propose": ("GET", expect(NATIONAL)),
    "nsci:inquiry": ("GET", expect(NATIONAL)),
    "nsci:assess": ("GET", expect(NATIONAL_ADMIN)),
    "nsci:set-up": ("GET", expect(NATIONAL_ADMIN)),
    "nsci:progress": ("GET", expect(NATIONAL_ADMIN)),
    "nsci:report": ("GET", expect(NATIONAL_ADMIN)),
    "nsci:publish": ("GET", expect(NATIONAL_ADMIN)),
    "nsci:quality": ("GET", expect(NATIONAL)),
}
POST_ALLOWED = {
    "nsci:propose": NATIONAL,
    "nsci:assess": NATIONAL_ADMIN,
    "nsci:set-up": NATIONAL_ADMIN,
    "nsci:progress": NATIONAL_ADMIN,
    "nsci:report": NATIONAL_ADMIN,
    "nsci:publish": NATIONAL_ADMIN,
    "nsci:quality": NATIONAL,
}


def url_kwargs(world):
    analyst = world.people["national:national_analyst"]
    administrator = world.people["national:national_administrator"]
    today = datetime.date(2026, 11, 2)

    def inquiry(status):
        return make_inquiry([world.area], status, proposed_by=analyst, actor=administrator, today=today).pk

    proposed = inquiry(InquiryStatus.PROPOSED)
    return {
        "nsci:inquiry": {"pk": proposed},
        "nsci:assess": {"pk": proposed},
        "nsci:set-up": {"pk": inquiry(InquiryStatus.ACCEPTED)},
        "nsci:progress": {"pk": inquiry(InquiryStatus.IN_PROGRESS)},
        "nsci:report": {"pk": inquiry(InquiryStatus.IN_PROGRESS)},
        "nsci:publish": {"pk": inquiry(InquiryStatus.REPORT_DRAFTED)},
        "nsci:quality": {"pk": inquiry(InquiryStatus.PUBLISHED)},
    }
