"""`seed_national`: ten years of England in every pillar, for benchmarks and demos at national volume.

Areas, partners, panels and about 5,000 people (world.py); serious incidents in every state with their
rapid inquiries, learning inquiries, findings, recommendations and actions (incidents.py); the national
repository, coded (repository.py); child death notifications of about 35,000 deaths with their cases,
links and reviews (child_deaths.py); and the audit events all of this implies, chained (bulk.py). Written
in bulk, in batches, with the dates things happened; refused where demo accounts are not allowed.
"""

import random
import time

from django.db import transaction
from django.utils import timezone

from safeguarding.learning.intelligence import similarity
from safeguarding.learning.repository.coding.suggest import train_and_store
from safeguarding.organisations.models import SafeguardingArea

from .bulk import AuditTrail, moment
from .child_deaths import seed_child_deaths
from .incidents import seed_incidents
from .repository import seed_repository
from .world import SLUG_PREFIX, build_world


def already_seeded():
    return SafeguardingArea.objects.filter(slug__startswith=SLUG_PREFIX).exists()


def seed_every_pillar(actor, years, *, seed=2026, scale=1.0, today=None, reports=None, progress=None):
    """Fills every pillar; returns ({what: how many}, {step: seconds})."""
    today = today or timezone.localdate()
    rng = random.Random(seed)  # noqa: S311 (reproducible synthetic data, not security)
    counts, timings = {}, {}
    say = progress or (lambda message: None)
    trail = AuditTrail()
    began = moment(today.replace(year=today.year - years))

    def step(name, function):
        started = time.perf_counter()
        found = function()
        timings[name] = time.perf_counter() - started
        say(f"  {name}: {timings[name]:.1f} s")
        return found

    with transaction.atomic():
        world = step("areas, partners, panels and people", lambda: build_world(trail, actor, began, scale=scale))
        counts |= {
            "safeguarding areas": len(world.areas),
            "child death overview panels": len(world.panels),
            "people": sum(len(p) for a in world.areas for p in a.people.values())
            + sum(len(p) for p in world.national_people.values()),
        }
        built, found = step(
            "serious incidents", lambda: seed_incidents(world, trail, years=years, today=today, rng=rng, scale=scale)
        )
        counts |= found
        counts |= step(
            "national repository", lambda: seed_repository(built, trail, today=today, scale=scale, reports=reports)
        )
        counts |= step(
            "child deaths", lambda: seed_child_deaths(world, trail, years=years, today=today, rng=rng, scale=scale)
        )
        counts["audit events"] = step("audit trail", trail.write)
        comparison = step("similar recommendations", similarity.ensure_fresh)
        counts["near-duplicate recommendation pairs"] = comparison.pairs
        classifier = step("coding classifier", train_and_store)
        counts["coding classifiers trained"] = int(classifier is not None)
    return counts, timings
