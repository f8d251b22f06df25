"""Writes historic_child_deaths.csv: 200 synthetic deaths (no real child) in the documented import layout,
for three Teesside authorities. Run from the project root:

    python safeguarding/onboarding/examples/generate_historic_child_deaths.py
"""

import csv
import datetime
import random
from pathlib import Path

COLUMNS = [
    "source_reference",
    "given_names",
    "family_name",
    "nhs_number",
    "nhs_number_unavailable_reason",
    "date_of_birth",
    "sex",
    "ethnicity_group",
    "postcode",
    "residence_la_code",
    "date_of_death",
    "place_of_death",
    "place_of_death_la_code",
    "hospital_name",
    "expectation",
    "circumstances",
    "notified_on",
    "category",
    "modifiable",
    "reviewed_on",
]
GIVEN = ["Amelia", "Noah", "Isla", "Leo", "Freya", "Oscar", "Ivy", "Arlo", "Mia", "Theo", "Ruby", "Finley"]
FAMILY = ["Ashdown", "Brereton", "Calloway", "Dunmore", "Elsworth", "Fenwick", "Garside", "Hollings", "Ibbotson"]
AUTHORITIES = [("E06000001", "TS24"), ("E06000002", "TS1"), ("E06000003", "TS10")]
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
CIRCUMSTANCES = {
    "4": "Died after treatment for a malignancy.",
    "5": "Sudden acute illness.",
    "6": "Long-term medical condition.",
    "7": "Congenital anomaly diagnosed before birth.",
    "8": "Born extremely prematurely.",
    "9": "Severe infection; died despite treatment.",
    "3": "Injuries from a road traffic collision.",
    "10": "Found unresponsive; no cause found at post-mortem.",
}


def nhs_number(rng):
    """A 999-prefixed number with a valid modulus 11 check digit (999 numbers are never issued to people)."""
    while True:
        digits = [9, 9, 9] + [rng.randint(0, 9) for _ in range(6)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def main():
    rng = random.Random(17)  # noqa: S311 (a repeatable example, not a secret)
    rows = []
    for n in range(1, 201):
        code, district = rng.choice(AUTHORITIES)
        died = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 6 * 365))
        age_days = rng.choice([rng.randint(0, 27), rng.randint(28, 364), rng.randint(365, 17 * 365)])
        born = died - datetime.timedelta(days=age_days)
        category = rng.choice(list(CIRCUMSTANCES))
        expected = category in {"4", "6", "7"}
        place = "hospital" if rng.random() < 0.7 else rng.choice(["home", "public_place"])
        notified = died + datetime.timedelta(days=rng.randint(0, 3))
        reviewed = n <= 190
        rows.append(
            {
                "source_reference": f"TEES-CDOP-{n:04d}",
                "given_names": rng.choice(GIVEN),
                "family_name": rng.choice(FAMILY),
                "nhs_number": nhs_number(rng),
                "nhs_number_unavailable_reason": "",
                "date_of_birth": born.isoformat(),
                "sex": rng.choice(["female", "male"]),
                "ethnicity_group": rng.choice(["white", "white", "white", "asian", "black", "mixed", "not_stated"]),
                "postcode": f"{district} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}",
                "residence_la_code": code,
                "date_of_death": died.isoformat(),
                "place_of_death": place,
                "place_of_death_la_code": "E06000002" if place == "hospital" else code,
                "hospital_name": "The James Cook University Hospital" if place == "hospital" else "",
                "expectation": "expected" if expected else "unexpected",
                "circumstances": CIRCUMSTANCES[category],
                "notified_on": notified.isoformat(),
                "category": category if reviewed else "",
                "modifiable": rng.choice(["no", "no", "yes", "insufficient"]) if reviewed else "",
                "reviewed_on": (notified + datetime.timedelta(days=rng.randint(60, 300))).isoformat()
                if reviewed
                else "",
            }
        )
    path = Path(__file__).with_name("historic_child_deaths.csv")
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
