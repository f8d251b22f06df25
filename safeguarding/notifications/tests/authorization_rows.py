from safeguarding.core.tests.authorization import SIGNED_IN, expect
from safeguarding.notifications.models import EmailStatus, Kind, Notification, OutgoingEmail

ADMINS_OF_A = {"area:area_administrator", "national:national_administrator"}
ALL_ADMINS = ADMINS_OF_A | {"other area:area_administrator"}
OWNER = {"area:practitioner"}

PAGE_MATRIX = {
    "notifications:list": ("GET", expect(SIGNED_IN)),
    "notifications:preferences": ("GET", expect(SIGNED_IN)),
    "notifications:mark-all-read": ("POST", expect(SIGNED_IN)),
    # A notification is its recipient's alone; anyone else is told it does not exist.
    "notifications:open": ("GET", expect(OWNER)),
    "notifications:mark-read": ("POST", expect(OWNER)),
    "notifications:failed-emails": ("GET", expect(ALL_ADMINS)),
    # A failed email about area A: its administrators and national administrators may retry it.
    "notifications:retry-email": ("POST", expect(ADMINS_OF_A)),
}
POST_ALLOWED = {
    "notifications:preferences": SIGNED_IN,
    "notifications:mark-read": OWNER,
    "notifications:retry-email": ADMINS_OF_A,
}


def url_kwargs(world):
    owner = world.people["area:practitioner"]
    notification = Notification.objects.create(
        recipient=owner,
        kind=Kind.INCIDENT_NOTIFIED,
        reference="SI-00001",
        text="Serious incident SI-00001 was notified",
        link="/home/",
        area=world.area,
        event_key="matrix",
    )
    email = OutgoingEmail.objects.create(
        address="contact@agency.example.org",
        kind=Kind.SUMMARY_REMINDER,
        reference="SI-00001",
        area=world.area,
        event={"kind": Kind.SUMMARY_REMINDER, "reference": "SI-00001"},
        event_key="matrix",
        status=EmailStatus.FAILED,
        attempts=5,
    )
    return {
        "notifications:open": {"pk": notification.pk},
        "notifications:mark-read": {"pk": notification.pk},
        "notifications:retry-email": {"pk": email.pk},
    }
