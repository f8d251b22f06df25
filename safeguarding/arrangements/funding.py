"""Proposing how the partners share the cost of the arrangements, and what that is per child.

Pure arithmetic over plain values (the views gather the partners and populations), so the formula
is tested without a database. Money is in pennies-exact Decimals; the shares always add up to the
total, the largest share taking any rounding penny.
"""

import statistics
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db.models import TextChoices

PENNY = Decimal("0.01")
PARTNER_KINDS = ("local_authority", "health", "police")
PARTNER_LABELS = {"local_authority": "local authority", "health": "health", "police": "police"}


class Formula(TextChoices):
    EQUAL_THIRDS = "equal_thirds", "Equal thirds: a third each for the local authority, health and police"
    POPULATION = (
        "population",
        "A third for each kind of partner, split between partners of a kind by the children each serves in the area",
    )
    CUSTOM = "custom", "Custom weights you choose for each partner"


@dataclass(frozen=True)
class Partner:
    key: int
    name: str
    kind: str
    children_served: int | None = None


@dataclass(frozen=True)
class Share:
    partner: Partner
    fraction: Decimal
    amount: Decimal
    per_child: Decimal | None


def _within_kind(partners, by_population):
    """Fractions (summing to 1) of a kind's third between the partners of that kind."""
    served = [p.children_served or 0 for p in partners]
    if by_population and sum(served) > 0:
        return [Decimal(s) / Decimal(sum(served)) for s in served]
    return [Decimal(1) / Decimal(len(partners))] * len(partners)


def fractions(partners, formula, weights=None):
    """{partner key: fraction of the total}."""
    if formula == Formula.CUSTOM:
        weights = weights or {}
        for partner in partners:
            weight = weights.get(partner.key)
            if weight is None or weight < 0:
                raise ValidationError({f"weight_{partner.key}": f"Enter a weight of 0 or more for {partner.name}"})
        total = sum(Decimal(weights[p.key]) for p in partners)
        if total <= 0:
            raise ValidationError("At least one partner's weight must be more than 0")
        return {p.key: Decimal(weights[p.key]) / total for p in partners}
    result = {}
    for kind in PARTNER_KINDS:
        of_kind = [p for p in partners if p.kind == kind]
        if not of_kind:
            raise ValidationError(
                f"The area has no {PARTNER_LABELS[kind]} partner, so the cost cannot be split in thirds: "
                "use custom weights, or add the partner to the area"
            )
        for partner, within in zip(of_kind, _within_kind(of_kind, formula == Formula.POPULATION), strict=True):
            result[partner.key] = within / Decimal(3)
    return result


def propose(partners, formula, total, *, children, weights=None):
    """Each partner's Share of `total` pounds; per child of the area's `children` (None if unknown)."""
    if total < 0:
        raise ValidationError({"total": "The total cost must be £0 or more"})
    parts = fractions(partners, formula, weights)
    ordered = [p for p in partners if p.key in parts]
    amounts = [(Decimal(total) * parts[p.key]).quantize(PENNY, ROUND_HALF_UP) for p in ordered]
    if amounts:
        # The rounding penny goes to the largest share (the first of equals), never to a zero share.
        largest = max(range(len(ordered)), key=lambda i: (parts[ordered[i].key], -i))
        amounts[largest] += Decimal(total).quantize(PENNY) - sum(amounts)
    return [
        Share(p, parts[p.key], amount, per_child(amount, children)) for p, amount in zip(ordered, amounts, strict=True)
    ]


def per_child(amount, children):
    if not children:
        return None
    return (Decimal(amount) / Decimal(children)).quantize(PENNY, ROUND_HALF_UP)


@dataclass(frozen=True)
class Spread:
    areas: int
    minimum: Decimal | None
    median: Decimal | None
    maximum: Decimal | None


def spread(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return Spread(0, None, None, None)
    return Spread(len(values), values[0], Decimal(statistics.median(values)).quantize(PENNY, ROUND_HALF_UP), values[-1])
