"""Filling the national table with synthetic deaths (benchmarks and demos)."""

from django.db import transaction

from safeguarding.core import audit

from .. import synthetic


def seed_national(actor, years, *, seed=2026, today=None, scale=1.0):
    """Replace the synthetic records with `years` fresh synthetic years; returns synthetic.SeedResult."""
    records, months = synthetic.generate(years, seed=seed, today=today, scale=scale)
    with transaction.atomic():
        deleted = synthetic.save(records)
        audit.record(
            actor,
            "mortality.synthetic.seeded",
            data={"years": years, "seed": seed, "scale": scale, "created": len(records), "deleted": deleted},
        )
    return synthetic.SeedResult(len(records), deleted, months[0], months[-1])
