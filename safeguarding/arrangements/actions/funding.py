"""Recording the partners' agreed contributions."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged

from ..models import FundingContribution


def _check_amounts(money, in_kind):
    problems = {}
    for field, value, label in (("money", money, "money contribution"), ("in_kind", in_kind, "in-kind value")):
        if not isinstance(value, Decimal):
            problems[field] = f"Enter the {label} as a number of pounds, like 25000 or 25000.50"
        elif value < 0:
            problems[field] = f"The {label} must be £0 or more"
    if problems:
        raise ValidationError(problems)


def record_contribution(user, area, *, organisation, year, money, in_kind=Decimal(0), in_kind_description=""):
    if not user.has_perm("arrangements.edit", area):
        raise PermissionDenied
    _check_amounts(money, in_kind)
    if not area.partners.filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": f"{organisation.name} is not a partner of {area.name}"})
    if FundingContribution.objects.filter(area=area, organisation=organisation, year=year).exists():
        raise ValidationError(
            {"year": f"{organisation.name}'s contribution for this year is already recorded: change it instead"}
        )
    with transaction.atomic():
        row = FundingContribution.objects.create(
            area=area,
            organisation=organisation,
            year=year,
            money=money,
            in_kind=in_kind,
            in_kind_description=in_kind_description,
            recorded_by=user,
        )
        audit.record(
            user,
            "arrangements.contribution_recorded",
            row,
            {"organisation": organisation.pk, "year": year, "money": money, "in_kind": in_kind},
            area=area,
        )
    return row


def change_contribution(user, row, *, money, in_kind, in_kind_description, expected_version):
    if not user.has_perm("arrangements.edit", row.area):
        raise PermissionDenied
    _check_amounts(money, in_kind)
    with transaction.atomic():
        before = {"money": row.money, "in_kind": row.in_kind}
        row.money, row.in_kind, row.in_kind_description, row.recorded_by = money, in_kind, in_kind_description, user
        save_if_unchanged(row, expected_version, ["money", "in_kind", "in_kind_description", "recorded_by"])
        audit.record(
            user,
            "arrangements.contribution_changed",
            row,
            {"before": before, "after": {"money": money, "in_kind": in_kind}},
            area=row.area,
        )
    return row
