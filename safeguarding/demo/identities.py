"""Synthetic children for the demo world: invented names and addresses, NHS numbers in the 999 test range.

Every child here is fictional. NHS numbers start with 999, a range the NHS never issues, and carry a
correct Modulus 11 check digit so they pass validation. Pseudonyms are random, so a child is found
again by its area and linkage key; seeding twice creates nothing new.
"""

import datetime
from dataclasses import dataclass

from nhs_number import calculate_checksum

from safeguarding.core import audit
from safeguarding.core.identity.actions import record_identity
from safeguarding.core.identity.models import ChildIdentity
from safeguarding.core.identity.nhs import linkage_key
from safeguarding.organisations.models import SafeguardingArea


def synthetic_nhs_number(serial):
    """The first valid NHS number at or after 999-<serial>: always the same for one serial."""
    candidate = 999_000_000 + serial * 10
    while True:
        digits = str(candidate)
        check = calculate_checksum(digits)
        if check is not None and check < 10:  # 10 means no number with these nine digits is valid
            return digits + str(check)
        candidate += 1


@dataclass(frozen=True)
class DemoChild:
    area_slug: str
    nhs_serial: int
    given_names: str
    family_name: str
    date_of_birth: str  # ISO 8601
    address: str
    postcode: str


DEMO_CHILDREN = (
    DemoChild("tees-valley", 101, "Maisie Rose", "Halloway", "2016-03-14", "4 Lantern Row, Stockton", "TS18 9ZX"),
    DemoChild("tees-valley", 102, "Kai", "Brennan-Oduya", "2019-11-02", "17 Quarry Gardens, Hartlepool", "TS24 9ZY"),
    DemoChild("tees-valley", 103, "Lilia", "Marchetti", "2011-07-30", "Flat 2, 9 Wren Court, Middlesbrough", "TS1 9ZZ"),
    # The same child recorded by both areas after the family moved: the two rows share a linkage key.
    DemoChild("tees-valley", 104, "Jayden Tomas", "Whitlow", "2014-01-09", "31 Cinder Walk, Redcar", "TS10 9ZW"),
    DemoChild("leeds", 104, "Jayden Tomas", "Whitlow", "2014-01-09", "8 Kestrel Mews, Leeds", "LS9 9ZQ"),
    DemoChild("leeds", 105, "Amelie", "Farrant", "2020-05-21", "62 Orchard Lane, Leeds", "LS12 9ZT"),
    DemoChild("leeds", 106, "Zayan", "Qureshi-Holt", "2009-09-17", "5 Millpond Close, Leeds", "LS6 9ZU"),
)


def seed_demo_identities(report):
    """Records each demo child once; `report.count("child identities", created)` for each."""
    actor = audit.Actor.system("seed_demo")
    areas = {area.slug: area for area in SafeguardingArea.objects.filter(slug__in={c.area_slug for c in DEMO_CHILDREN})}
    for child in DEMO_CHILDREN:
        area = areas[child.area_slug]
        nhs_number = synthetic_nhs_number(child.nhs_serial)
        exists = ChildIdentity.objects.filter(area=area, linkage_key=linkage_key(nhs_number)).exists()
        if not exists:
            record_identity(
                actor,
                area,
                given_names=child.given_names,
                family_name=child.family_name,
                nhs_number=nhs_number,
                date_of_birth=datetime.date.fromisoformat(child.date_of_birth),
                address=child.address,
                postcode=child.postcode,
            )
        report.count("child identities", not exists)
