"""The daily deadline sweep at national volume: 10,000 open clocks across 150 safeguarding areas.

    .venv/bin/python benchmarks/clock_sweep.py [--areas 150] [--incidents 2000] [--summaries-per-incident 4]

Runs against a fresh SQLite database in a temporary directory (the project's database is not touched). Each
area has its three statutory partners, a lead chief officer for each, a rapid inquiry lead and a panel
manager. The open clocks are serious incidents in their rapid inquiry (the 15-working-day decision clock)
and the agency summaries each inquiry asked for, due on days spread either side of today, so the sweep
finds reminders and escalations to send. Prints the time of the first sweep (which writes every reminder,
notification and queued email) and of a second one the same day (which finds everything sent).
Target: under 30 s for the first.
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TODAY = datetime.date(2026, 11, 26)


def build(areas, incidents, summaries_per_incident):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from safeguarding.incidents.models import AgencySummaryRequest, Incident, RapidInquiry
    from safeguarding.incidents.states import IncidentStatus
    from safeguarding.organisations.models import Membership, Organisation, OrganisationKind, Role, SafeguardingArea

    User = get_user_model()
    kinds = [OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.HEALTH, OrganisationKind.POLICE]
    area_rows = SafeguardingArea.objects.bulk_create(
        [SafeguardingArea(name=f"Bench area {i}", slug=f"bench-{i}") for i in range(areas)]
    )
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Bench {kind} {i}", kind=kind) for i in range(areas) for kind in kinds]
    )
    users = User.objects.bulk_create(
        [User(email=f"person{i}@bench.example", full_name=f"Person {i}") for i in range(areas * 5)]
    )
    memberships = []
    for i, area in enumerate(area_rows):
        partners = organisations[i * 3 : i * 3 + 3]
        area.partners.add(*partners)
        people = users[i * 5 : i * 5 + 5]
        for person, organisation in zip(people[:3], partners, strict=True):
            memberships.append(
                Membership(user=person, organisation=organisation, area=area, role=Role.LEAD_CHIEF_OFFICER)
            )
        memberships.append(
            Membership(user=people[3], organisation=partners[2], area=area, role=Role.RAPID_INQUIRY_LEAD)
        )
        memberships.append(Membership(user=people[4], organisation=partners[1], area=area, role=Role.PANEL_MANAGER))
    Membership.objects.bulk_create(memberships)
    cases, inquiries, requests = [], [], []
    for n in range(incidents):
        submitted = TODAY - datetime.timedelta(days=n % 30)
        cases.append(
            Incident(
                area=area_rows[n % areas],
                status=IncidentStatus.RAPID_INQUIRY,
                submitted_at=timezone.make_aware(datetime.datetime.combine(submitted, datetime.time(10))),
                aware_date=submitted - datetime.timedelta(days=1),
                started_by=users[(n % areas) * 5 + 3],
            )
        )
    cases = Incident.objects.bulk_create(cases)
    for n, incident in enumerate(cases):
        lead = users[(n % areas) * 5 + 3]
        inquiries.append(RapidInquiry(incident=incident, lead=lead, started_on=TODAY - datetime.timedelta(days=n % 30)))
        partners = organisations[(n % areas) * 3 : (n % areas) * 3 + 3]
        extra = Organisation(name=f"Bench agency {n}", kind=OrganisationKind.SCHOOL)
        for k in range(summaries_per_incident):
            organisation = partners[k] if k < 3 else extra
            requests.append((incident, organisation, TODAY + datetime.timedelta(days=(n + k) % 14 - 6)))
    RapidInquiry.objects.bulk_create(inquiries)
    Organisation.objects.bulk_create(
        [org for _, org, _ in requests if org.pk is None and org.name.startswith("Bench agency")]
    )
    AgencySummaryRequest.objects.bulk_create(
        [
            AgencySummaryRequest(
                incident=incident,
                organisation=organisation,
                requested_on=TODAY - datetime.timedelta(days=10),
                due_on=due_on,
                contact_email=f"contact{organisation.pk}@agency.example",
            )
            for incident, organisation, due_on in requests
        ]
    )
    return incidents + len(requests)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--areas", type=int, default=150)
    parser.add_argument("--incidents", type=int, default=2000)
    parser.add_argument("--summaries-per-incident", type=int, default=4)
    arguments = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="sweep-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    import time_machine
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from safeguarding.notifications.sweep.run import sweep

    with time_machine.travel(datetime.datetime(2026, 11, 26, 7, 30), tick=True):
        begun = time.perf_counter()
        clocks = build(arguments.areas, arguments.incidents, arguments.summaries_per_incident)
        print(f"Built {clocks:,} open clocks across {arguments.areas} areas in {time.perf_counter() - begun:.1f} s")
        begun, cpu = time.perf_counter(), time.process_time()
        counts = sweep()
        first, first_cpu = time.perf_counter() - begun, time.process_time() - cpu
        print(
            f"First sweep: {first:.1f} s ({first_cpu:.1f} s of CPU; target under 30 s) "
            f"for {counts['clocks']:,} clocks: "
            f"{counts['reminders']:,} reminders, {counts['escalations']:,} escalations, "
            f"{counts['notifications']:,} notifications, {counts['emails']:,} emails queued"
        )
        begun = time.perf_counter()
        again = sweep()
        print(
            f"Second sweep the same day: {time.perf_counter() - begun:.1f} s, "
            f"{again['reminders'] + again['escalations']} sent again (each reminder goes once)"
        )


if __name__ == "__main__":
    main()
