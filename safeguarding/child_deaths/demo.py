"""Synthetic child deaths for the demo world, in every state of the journey.

Every child, family, professional and circumstance here is invented. NHS numbers are in the 999
range the NHS never issues. Some deaths are notified by several agencies, with the slips real
notifications carry (a misspelt family name, a mistyped postcode, no NHS number at the scene), so the
linkage can be seen at work: one linked by NHS number, one confirmed by the panel manager, one waiting.

Each death is found again by its first notification's demo contact address, so seeding twice
creates nothing new. Steps are taken through the real actions, as the demo panel manager.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from safeguarding.core import audit
from safeguarding.demo import world
from safeguarding.demo.identities import synthetic_nhs_number
from safeguarding.organisations.models import Organisation, OrganisationKind, Role, SafeguardingArea

from .actions.database import record_database_informed
from .actions.linkage import confirm_link
from .actions.notify import notify_death
from .actions.reports import request_report, submit_report
from .actions.response import add_family_contact, save_response
from .actions.review import record_meeting, save_review
from .actions.themes import create_themed_meeting
from .models import LinkCandidate, Notification, Panel, ThemedMeeting

PANELS = (
    ("tees-valley-cdop", "Tees Valley Child Death Overview Panel", ("tees-valley",)),
    ("yorkshire-humber-cdop", "Yorkshire and the Humber Regional Child Death Overview Panel", ("leeds",)),
    ("bristol-cdop", "Bristol, North Somerset and South Gloucestershire Child Death Overview Panel", ("bristol",)),
)


@dataclass(frozen=True)
class Notifier:
    agency: str
    name: str
    role: str
    nhs: bool = True
    family_name: str = ""  # a misspelling, when this agency got it wrong
    postcode: str = ""  # a mistyped postcode


@dataclass(frozen=True)
class DemoDeath:
    key: str
    area: str
    serial: int
    given_names: str
    family_name: str
    born: str
    died: str
    postcode: str
    sex: str
    ethnicity: str
    expectation: str
    place: str
    circumstances: str
    target: str
    place_area: str = ""
    hospital: str = ""
    jar: tuple = ()
    notifiers: tuple = ()
    category: str = ""
    modifiable: str = "no"
    domains: tuple = ()
    abuse: bool = False
    learning: str = ""
    late_reason: str = ""
    reviewed: str = ""
    report_contexts: tuple = ()
    extra: dict = field(default_factory=dict)


DEATHS = (
    DemoDeath(
        "sudi-halloway",
        "tees-valley",
        301,
        "Isla Mae",
        "Halloway",
        "2026-07-02",
        "2026-11-18",
        "TS18 9ZX",
        "female",
        "white",
        "unexpected",
        "hospital",
        "Found not breathing in the parents' bed in the early morning; resuscitation started by the ambulance "
        "crew and continued at hospital without success.",
        "joint_agency_response",
        hospital="University Hospital of North Tees",
        jar=("sudden_no_cause",),
        notifiers=(
            Notifier("ambulance", "Kieran Doyle", "Paramedic team leader"),
            Notifier("police", "DS Alison Kerr", "Child abuse investigation unit"),
            Notifier("gp", "Dr Femi Adeyemi", "GP partner", nhs=False, family_name="Hallowey", postcode="TS18 9ZY"),
        ),
    ),
    DemoDeath(
        "neonatal-okoro",
        "tees-valley",
        302,
        "Baby",
        "Okoro",
        "2026-05-11",
        "2026-05-14",
        "TS5 9ZR",
        "male",
        "black",
        "expected",
        "hospital",
        "Born at 24 weeks' gestation; died on the neonatal unit on day three after a severe intraventricular "
        "haemorrhage. Parents were with him.",
        "closed",
        hospital="James Cook University Hospital",
        category="8",
        modifiable="no",
        learning="Transfer before delivery to the level 3 unit was within the network's target; no changes needed.",
        reviewed="2026-10-20",
        report_contexts=("neonatal",),
    ),
    DemoDeath(
        "rtc-marchetti",
        "tees-valley",
        303,
        "Luca",
        "Marchetti",
        "2011-02-19",
        "2026-10-03",
        "TS1 9ZS",
        "male",
        "white",
        "unexpected",
        "public_place",
        "Struck by a van while crossing the A66 slip road on his bicycle after dark; died at the scene.",
        "review_meeting",
        jar=("external_causes",),
        report_contexts=("road_traffic",),
        notifiers=(
            Notifier("police", "PC Hannah Moss", "Roads policing unit", nhs=False, family_name="Marchetty"),
            Notifier("coroner", "Claire Beaumont", "Coroner's officer"),
        ),
    ),
    DemoDeath(
        "malignancy-ahmed",
        "tees-valley",
        304,
        "Sana",
        "Ahmed",
        "2017-01-27",
        "2026-10-29",
        "TS4 9ZT",
        "female",
        "asian",
        "expected",
        "other",
        "Died at the children's hospice with her family, after relapse of neuroblastoma diagnosed in 2023.",
        "gathering_information",
        report_contexts=(),
    ),
    DemoDeath(
        "cardiac-whitby",
        "tees-valley",
        305,
        "Noah",
        "Whitby",
        "2014-08-08",
        "2026-11-20",
        "TS25 9ZP",
        "male",
        "white",
        "expected",
        "hospital",
        "Died in the paediatric intensive care unit after planned surgery for a complex congenital heart "
        "condition, at the regional children's cardiac centre.",
        "notified",
        place_area="leeds",
        hospital="Leeds General Infirmary",
    ),
    DemoDeath(
        "suicide-pryce",
        "leeds",
        306,
        "Ellie",
        "Pryce",
        "2010-04-12",
        "2026-06-07",
        "LS8 9ZN",
        "female",
        "mixed",
        "unexpected",
        "home",
        "Found in her bedroom by a parent; had been waiting for a first appointment with the community "
        "mental health team.",
        "panel_review",
        jar=("external_causes",),
        category="2",
        modifiable="yes",
        domains=("social", "services"),
        learning="Referral waited 14 weeks with no contact in between; school was not told of the referral.",
        report_contexts=("suicide",),
    ),
    DemoDeath(
        "injury-cole",
        "leeds",
        307,
        "Reggie",
        "Cole",
        "2024-03-30",
        "2026-09-14",
        "LS11 9ZM",
        "male",
        "white",
        "unexpected",
        "hospital",
        "Brought in by ambulance with head injuries the carers could not explain; died two days later.",
        "panel_review",
        hospital="Leeds General Infirmary",
        jar=("suspicious",),
        category="1",
        modifiable="yes",
        domains=("social",),
        abuse=True,
        learning="Bruising seen by two agencies was not shared.",
    ),
    DemoDeath(
        "asthma-begum",
        "leeds",
        308,
        "Aisha",
        "Begum",
        "2013-12-01",
        "2026-01-19",
        "LS12 9ZL",
        "female",
        "asian",
        "unexpected",
        "hospital",
        "Collapsed at home with a severe asthma attack; no reliever inhaler in the house.",
        "closed",
        hospital="St James's University Hospital",
        jar=("sudden_no_cause",),
        category="5",
        modifiable="yes",
        domains=("services",),
        reviewed="2026-09-30",
        learning="No asthma review in 18 months despite three emergency attendances.",
        late_reason="Waited for the inquest, adjourned twice.",
        report_contexts=("asthma_anaphylaxis",),
    ),
    DemoDeath(
        "drowning-fenwick",
        "bristol",
        309,
        "Harry",
        "Fenwick",
        "2020-06-15",
        "2026-08-09",
        "BS3 9ZK",
        "male",
        "white",
        "unexpected",
        "public_place",
        "Drowned in the harbour after slipping from the quayside during a family outing.",
        "notified",
        jar=("external_causes",),
    ),
)


def _demo_contact(death):
    return f"cdr.{death.key}@{world.DEMO_EMAIL_DOMAIN}"


def _person(role, area_slug):
    person = next(p for p in world.AREA_PEOPLE if p.role == role)
    user = get_user_model().objects.filter(email=world.demo_email(person, area_slug)).first()
    if user is not None:
        user.is_verified = lambda: True  # the demo acts as if the person had entered their code
    return user


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def _seed_panels(report):
    for slug, name, area_slugs in PANELS:
        panel, created = Panel.objects.get_or_create(slug=slug, defaults={"name": name})
        panel.areas.add(*SafeguardingArea.objects.filter(slug__in=area_slugs))
        report.count("child death panels", created)


def _notification_data(death, notifier, areas, first):
    return {
        "given_names": death.given_names,
        "family_name": notifier.family_name or death.family_name,
        "nhs_number": synthetic_nhs_number(death.serial) if notifier.nhs else "",
        "nhs_number_unavailable_reason": "" if notifier.nhs else "Not known when notifying",
        "date_of_birth": _date(death.born),
        "address": "",
        "postcode": notifier.postcode or death.postcode,
        "date_of_death": _date(death.died),
        "time_of_death": None,
        "place_of_death": death.place,
        "hospital_name": death.hospital,
        "place_of_death_area": areas[death.place_area or death.area],
        "residence_area": areas[death.area],
        "sex": death.sex,
        "ethnicity_group": death.ethnicity,
        "expectation": death.expectation,
        "jar_criteria": list(death.jar),
        "circumstances": death.circumstances,
        "agency": notifier.agency,
        "notifier_name": notifier.name,
        "notifier_role": notifier.role,
        "notifier_contact": _demo_contact(death)
        if first
        else f"{notifier.agency}.{death.key}@{world.DEMO_EMAIL_DOMAIN}",
    }


def _agency(area, kind):
    return area.partners.filter(kind=kind).order_by("pk").first() or Organisation.objects.filter(kind=kind).first()


def _progress(death, case, area, report):
    manager = _person(Role.PANEL_MANAGER, death.area)
    practitioner = _person(Role.PRACTITIONER, death.area)
    if manager is None or death.target == "notified":
        return
    died = _date(death.died)
    record_database_informed(manager, case, today=died + datetime.timedelta(days=1))
    if death.jar and practitioner is not None:
        save_response(
            practitioner,
            case,
            {
                "police_lead": "DS Alison Kerr",
                "health_lead": "Dr Ruth Ellison, designated doctor for child deaths",
                "social_care_lead": "Mark Tully, team manager",
                "home_visit_on": died + datetime.timedelta(days=1),
                "home_visit_notes": "Joint visit with the family's agreement; the scene was seen and photographed.",
                "key_worker_name": "Jo Harrington, bereavement nurse",
                "key_worker_contact": "Through the hospital's bereavement office",
            },
        )
        add_family_contact(
            practitioner,
            case,
            contacted_on=died + datetime.timedelta(days=2),
            kind="visit",
            made_by="Jo Harrington, bereavement nurse",
            summary="Explained the review process and gave the family the leaflet; next contact in two weeks.",
        )
        report.count("joint agency responses", True)
    if death.target == "joint_agency_response":
        return
    health = _agency(area, OrganisationKind.HEALTH)
    agency_report = request_report(
        manager,
        case,
        organisation=health,
        contexts=list(death.report_contexts),
        today=died + datetime.timedelta(days=5),
    )
    report.count("agency reports requested", True)
    if death.target != "gathering_information":
        answers = {
            key: "Known to the health visiting and GP services; no concerns recorded before the death."
            for key, _q in agency_report.questions()
        }
        submit_report(
            manager, agency_report, answers, version=agency_report.version, today=died + datetime.timedelta(days=15)
        )
    if death.target == "gathering_information":
        return
    if death.target != "closed" or death.jar:
        record_meeting(
            manager,
            case,
            {
                "held_on": died + datetime.timedelta(days=28),
                "attendance": "Dr Ruth Ellison, designated doctor, health\nDS Alison Kerr, police\n"
                "Mark Tully, children's social care\nJo Harrington, bereavement nurse",
                "chronology": "Contacts with each agency over the past year, in date order, from the agency reports.",
                "discussion": "What each agency knew, what was shared, and what the family have asked.",
                "draft_analysis": "Draft for the panel: likely category and the factors in each domain.",
            },
        )
    if death.target == "review_meeting":
        return
    review = {
        "reviewed_on": _date(death.reviewed) if death.target == "closed" else None,
        "category": death.category,
        "factors_child": "",
        "factors_social": "Set out in the agency reports and the meeting's chronology."
        if "social" in death.domains
        else "",
        "factors_physical": "",
        "factors_services": "Waiting times and information sharing." if "services" in death.domains else "",
        "modifiable": death.modifiable,
        "modifiable_domains": list(death.domains),
        "abuse_or_neglect_suspected": death.abuse,
        "learning_points": death.learning,
        "actions": "The panel manager reports progress on each action at the next panel." if death.learning else "",
        "late_reason": death.late_reason,
    }
    save_review(manager, case, review, final=death.target == "closed")
    report.count("panel reviews", True)


def _link_duplicates(death, report):
    manager = _person(Role.PANEL_MANAGER, death.area)
    if manager is None or death.key != "rtc-marchetti":
        return
    # The police notification with the misspelt name was confirmed by the panel manager; the GP's for
    # sudi-halloway is left proposed for the demo panel manager to decide.
    for candidate in LinkCandidate.objects.proposed().filter(notification__notifier_contact__contains=death.key):
        confirm_link(manager, candidate, "Same child: the coroner's officer confirmed the spelling")
        report.count("links confirmed", True)


@transaction.atomic
def seed_demo_child_deaths(report):
    _seed_panels(report)
    areas = {area.slug: area for area in SafeguardingArea.objects.filter(slug__in={"tees-valley", "leeds", "bristol"})}
    actor = audit.Actor.system("seed_demo")
    for death in DEATHS:
        if Notification.objects.filter(notifier_contact=_demo_contact(death)).exists():
            report.count("child deaths", False)
            continue
        notifiers = death.notifiers or (Notifier("hospital", "Dr Ruth Ellison", "Designated doctor for child deaths"),)
        died = _date(death.died)
        # The notifier who knew the NHS number goes first, so the case carries it.
        ordered = sorted(notifiers, key=lambda n: not n.nhs)
        first = notify_death(actor, _notification_data(death, ordered[0], areas, True), today=died)
        for notifier in ordered[1:]:
            notify_death(
                actor, _notification_data(death, notifier, areas, False), today=died + datetime.timedelta(days=1)
            )
            report.count("further notifications", True)
        _link_duplicates(death, report)
        _progress(death, first.case, areas[death.area], report)
        report.count("child deaths", True)
    _seed_themed_meeting(report)


def _seed_themed_meeting(report):
    panel = Panel.objects.filter(slug="tees-valley-cdop").first()
    manager = _person(Role.PANEL_MANAGER, "tees-valley")
    if panel is None or manager is None:
        return
    if ThemedMeeting.objects.filter(panel=panel, theme="Deaths of babies under one year").exists():
        report.count("themed meetings", False)
        return
    create_themed_meeting(
        manager,
        panel,
        theme="Deaths of babies under one year",
        meets_on=datetime.date(2027, 1, 14),
        age_band="28-364d",
        notes="With the neonatal network's lead consultant and the safer sleep lead from public health.",
    )
    report.count("themed meetings", True)
