"""Writes historic_serious_incidents.csv: 30 synthetic serious incident notifications (no real child) in the
documented import layout, for three Teesside authorities, every one concluded. Run from the project root:

    python safeguarding/onboarding/examples/generate_historic_serious_incidents.py
"""

import csv
import datetime
import random
from pathlib import Path

from generate_historic_child_deaths import FAMILY, GIVEN, LETTERS, nhs_number

COLUMNS = [
    "source_reference",
    "given_names",
    "family_name",
    "nhs_number",
    "nhs_number_unavailable_reason",
    "date_of_birth",
    "postcode",
    "incident_date",
    "aware_date",
    "notified_on",
    "abuse_or_neglect",
    "where_harmed",
    "looked_after_or_care_leaver_death",
    "harm",
    "harm_kinds",
    "summary",
    "child_age_years",
    "child_sex",
    "child_ethnicity",
    "child_disability",
    "child_status",
    "agencies_involved",
    "decision",
    "decided_on",
    "status",
    "lli_completed_on",
    "published_on",
]
DISTRICTS = ["TS24", "TS1", "TS10"]
# The councils, police force and health body of the area, by their codes.
AGENCIES = ["E06000001", "E06000002", "E06000003", "E23000013", "E54000050"]
HARMS = [
    ("death", "neglect", "An infant died after a period of neglect in the home."),
    ("serious_harm", "physical", "A baby was found to have fractures that could not be explained."),
    ("serious_harm", "cse|online", "A teenager was sexually exploited by adults she met online."),
    ("serious_harm", "criminal_exploitation", "A young person was stabbed while carrying drugs for a county line."),
    ("death", "physical", "A toddler died of head injuries inflicted by a carer."),
    ("serious_harm", "neglect|emotional", "A child was found living in severe neglect and isolation."),
    ("serious_harm", "sexual", "A child disclosed long-term sexual abuse by a family member."),
]
AGE_FOR = {"death": [0, 0, 1, 2], "serious_harm": [0, 1, 4, 9, 13, 14, 15, 16]}
STATUSES = ["no_further_review"] * 16 + ["referred_nsci"] + ["published"] * 13
DECISIONS = {"no_further_review": "no_further_review", "referred_nsci": "referred_nsci", "published": "lli"}


def main():
    rng = random.Random(23)  # noqa: S311 (a repeatable example, not a secret)
    rng.shuffle(STATUSES)
    rows = []
    for n, status in enumerate(STATUSES, start=1):
        harm, kinds, summary = rng.choice(HARMS)
        age = rng.choice(AGE_FOR[harm])
        incident = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 5 * 365))
        born = incident - datetime.timedelta(days=age * 365 + rng.randint(1, 300))
        aware = incident + datetime.timedelta(days=rng.randint(0, 4))
        notified = aware + datetime.timedelta(days=rng.randint(1, 5))
        decided = notified + datetime.timedelta(days=rng.randint(12, 25))
        completed = decided + datetime.timedelta(days=rng.randint(80, 150)) if status == "published" else None
        published = completed + datetime.timedelta(days=rng.randint(20, 45)) if completed else None
        known = n % 11 != 0
        rows.append(
            {
                "source_reference": f"TEES-SIN-{incident.year}-{n:03d}",
                "given_names": rng.choice(GIVEN),
                "family_name": rng.choice(FAMILY),
                "nhs_number": nhs_number(rng) if known else "",
                "nhs_number_unavailable_reason": "" if known else "Not recorded in the earlier system",
                "date_of_birth": born.isoformat() if known else "",
                "postcode": f"{rng.choice(DISTRICTS)} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}",
                "incident_date": incident.isoformat(),
                "aware_date": aware.isoformat(),
                "notified_on": notified.isoformat(),
                "abuse_or_neglect": rng.choice(["known", "suspected"]),
                "where_harmed": rng.choice(["in_area", "in_area", "in_area", "resident_elsewhere"]),
                "looked_after_or_care_leaver_death": "no",
                "harm": harm,
                "harm_kinds": kinds,
                "summary": summary,
                "child_age_years": str(age),
                "child_sex": rng.choice(["female", "male"]),
                "child_ethnicity": rng.choice(["white", "white", "white", "asian", "black", "mixed", "not_known"]),
                "child_disability": rng.choice(["no", "no", "yes", "not_known"]),
                "child_status": rng.choice(["none", "early_help", "child_in_need", "child_protection_plan"]),
                "agencies_involved": "|".join(sorted(rng.sample(AGENCIES, rng.randint(2, 4)))),
                "decision": DECISIONS[status],
                "decided_on": decided.isoformat(),
                "status": status,
                "lli_completed_on": completed.isoformat() if completed else "",
                "published_on": published.isoformat() if published else "",
            }
        )
    rows.sort(key=lambda row: row["incident_date"])
    path = Path(__file__).with_name("historic_serious_incidents.csv")
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
