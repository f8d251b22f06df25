from safeguarding.core.tests.authorization import SIGNED_IN, expect

NATIONAL_ADMIN = {"national:national_administrator"}

PAGE_MATRIX = {
    "clocks:policy-table": ("GET", expect(SIGNED_IN)),
    "clocks:edit-clock": ("GET", expect(NATIONAL_ADMIN)),
    "clocks:edit-setting": ("GET", expect(NATIONAL_ADMIN)),
}
POST_ALLOWED = {
    "clocks:edit-clock": NATIONAL_ADMIN,
    "clocks:edit-setting": NATIONAL_ADMIN,
}


def url_kwargs(world):
    return {
        "clocks:edit-clock": {"key": "incident-notify"},
        "clocks:edit-setting": {"key": "panel-minimum-population"},
    }
