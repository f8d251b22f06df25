from safeguarding.core.tests.authorization import expect
from safeguarding.jobs.models import JobRun, Trigger

NATIONAL_ADMIN = {"national:national_administrator"}

PAGE_MATRIX = {
    "jobs:list": ("GET", expect(NATIONAL_ADMIN)),
    "jobs:run": ("GET", expect(NATIONAL_ADMIN)),
    # POST only: the "Run now" button.
    "jobs:run-now": ("POST", expect(NATIONAL_ADMIN)),
}
POST_ALLOWED = {"jobs:run-now": NATIONAL_ADMIN}


def url_kwargs(world):
    run = JobRun.objects.create(job="clock-sweep", period="2026-11-26", trigger=Trigger.SCHEDULE)
    return {"jobs:run": {"pk": run.pk}, "jobs:run-now": {"name": "recurrence-detection"}}
