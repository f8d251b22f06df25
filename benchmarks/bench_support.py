"""Seeding a benchmark database with synthetic child death notifications in bulk (not through the
notification action, which would take hours for a national table): sealed identities, one open case per
death, notifications and their blocking keys. Needs Django set up."""

from safeguarding.child_deaths.actions.linkage import index_many
from safeguarding.child_deaths.linkage import records
from safeguarding.child_deaths.models import ChildDeathCase, Notification
from safeguarding.child_deaths.models.vocabulary import band_for, completed_years
from safeguarding.core.identity.models import ChildIdentity, new_pseudonym
from safeguarding.organisations.factories import SafeguardingAreaFactory

CHUNK = 5_000


def _identity(area, raw):
    identity = ChildIdentity(pseudonym=new_pseudonym(), area=area, linkage_key=None)
    identity.seal(
        {
            "given_names": raw["given_names"],
            "family_name": raw["family_name"],
            "nhs_number": "",
            "nhs_number_unavailable_reason": "Synthetic",
            "date_of_birth": raw["date_of_birth"].isoformat() if raw["date_of_birth"] else "",
            "address": raw["address"],
            "postcode": raw["postcode"],
        }
    )
    return identity


def _case(area, identity, raw, death):
    born = raw["date_of_birth"] or raw["date_of_death"]
    born = min(born, raw["date_of_death"])
    return ChildDeathCase(
        reference=f"CD-B-{death:07d}",
        child=identity,
        area=area,
        place_of_death="hospital",
        date_of_death=raw["date_of_death"],
        age_days=(raw["date_of_death"] - born).days,
        age_years=completed_years(born, raw["date_of_death"]),
        age_band=band_for(born, raw["date_of_death"]),
        sex=raw["sex"],
        ethnicity_group="white",
        expectation="unexpected",
        circumstances="Synthetic",
        notified_on=raw["date_of_death"],
    )


def _notification(area, identity, case, raw):
    return Notification(
        case=case,
        first_case=case,
        child=identity,
        area=area,
        agency="hospital",
        notifier_name="Synthetic",
        notifier_role="Synthetic",
        notifier_contact="synthetic@example.invalid",
        date_of_death=raw["date_of_death"],
        place_of_death="hospital",
        sex=raw["sex"],
        ethnicity_group="white",
        expectation="unexpected",
        circumstances="Synthetic",
    )


def _record(notification, raw):
    return records.prepare(notification.pk, **{key: value for key, value in raw.items()})


def seed_national_notifications(stored, newcomers):
    """Stores `stored` [(death, raw)] with keys, and `newcomers` without (they are scored as they
    arrive). Returns (how many stored, the newcomers' Notification objects)."""
    area = SafeguardingAreaFactory()
    cases = {}
    created = []
    everything = [*stored, *newcomers]
    for start in range(0, len(everything), CHUNK):
        chunk = everything[start : start + CHUNK]
        identities = ChildIdentity.objects.bulk_create([_identity(area, raw) for _death, raw in chunk])
        new_cases = []
        for (death, raw), identity in zip(chunk, identities, strict=True):
            if death not in cases:
                cases[death] = _case(area, identity, raw, death)
                new_cases.append(cases[death])
        ChildDeathCase.objects.bulk_create(new_cases)
        notifications = Notification.objects.bulk_create(
            [
                _notification(area, identity, cases[death], raw)
                for (death, raw), identity in zip(chunk, identities, strict=True)
            ]
        )
        created.extend(zip(notifications, (raw for _death, raw in chunk), strict=True))
    index_many([(n, _record(n, raw)) for n, raw in created[: len(stored)]])
    return len(stored), [n for n, _raw in created[len(stored) :]]
