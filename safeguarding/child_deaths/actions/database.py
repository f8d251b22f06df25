"""The panel manager tells the national child mortality database of the death (2 working days)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit

from ..models import ChildDeathCase
from .common import acting_as, require


def record_database_informed(user, case, *, today=None):
    require(user, "child_deaths.manage_case", case, "Only the panel manager records this.")
    today = today or timezone.localdate()
    with transaction.atomic():
        case = ChildDeathCase.objects.select_for_update().get(pk=case.pk)
        if case.national_database_informed_on is not None:
            raise ValidationError("The national database has already been recorded as informed")
        case.national_database_informed_on = today
        case.save(update_fields=["national_database_informed_on"])
        audit.record(acting_as(user, case.area), "child_death.database_informed", case, {"on": today}, area=case.area)
    return case
