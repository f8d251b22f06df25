"""Copying pillar 3's notified deaths and closed reviews into the national analysis table."""

from django.db import transaction

from safeguarding.child_deaths.models import CaseStatus, ChildDeathCase
from safeguarding.core import audit

from ..geography import SPECIALIST_HOSPITALS
from ..models import MortalityRecord, Origin, financial_year_of
from ..reference import deprivation_quintiles

FIELDS = [
    "year_of_death",
    "month_of_death",
    "financial_year",
    "age_band",
    "sex",
    "ethnicity_group",
    "region_code",
    "la_code",
    "panel",
    "place_la_code",
    "place_type",
    "hospital",
    "deprivation_quintile",
    "category",
    "modifiable",
    "reviewed",
    "days_to_review",
    "circumstances",
]


def _first_authority(area):
    """An area may span several authorities; the analysis attributes its deaths to the first by code."""
    if area is None:
        return None
    authorities = sorted(area.local_authorities.all(), key=lambda authority: authority.code)
    return authorities[0] if authorities else None


def _derived(case, quintiles):
    home = _first_authority(case.area)
    place = _first_authority(case.place_of_death_area)
    review = getattr(case, "panel_review", None)
    closed = case.status == CaseStatus.CLOSED and review is not None and review.final
    died = case.date_of_death
    return {
        "year_of_death": died.year,
        "month_of_death": died.month,
        "financial_year": financial_year_of(died.year, died.month),
        "age_band": case.age_band,
        "sex": case.sex,
        "ethnicity_group": case.ethnicity_group,
        "region_code": home.region.code if home else "",
        "la_code": home.code if home else "",
        "panel": case.panel.name if case.panel_id else "",
        "place_la_code": place.code if place else "",
        "place_type": case.place_of_death,
        "hospital": case.hospital_name if case.hospital_name in SPECIALIST_HOSPITALS else "",
        "deprivation_quintile": quintiles.get(home.code) if home else None,
        "category": review.category if closed else "",
        "modifiable": review.modifiable if closed else "",
        "reviewed": closed,
        "days_to_review": (review.reviewed_on - case.notified_on).days if closed and review.reviewed_on else None,
        "circumstances": case.circumstances,
    }


def sync_from_child_deaths(actor, *, case_ids=None):
    """Create or refresh a record for every notified death (merged duplicates and deaths whose notifications
    were all marked not genuine left out), or only for the
    cases `case_ids`; idempotent.

    Returns (created, updated, unchanged).
    """
    quintiles = deprivation_quintiles()
    cases = (
        ChildDeathCase.objects.counted()
        .select_related("child", "panel", "panel_review")
        .prefetch_related("area__local_authorities__region", "place_of_death_area__local_authorities__region")
    )
    if case_ids is not None:
        cases = cases.filter(pk__in=case_ids)
    created = updated = unchanged = 0
    with transaction.atomic():
        existing = MortalityRecord.objects.filter(origin=Origin.REVIEW)
        if case_ids is not None:
            existing = existing.filter(pseudonym__in=cases.values("child__pseudonym"))
        existing = existing.in_bulk(field_name="pseudonym")
        for case in cases.iterator(chunk_size=500):
            values = _derived(case, quintiles)
            record = existing.get(case.child.pseudonym)
            if record is None:
                MortalityRecord.objects.create(origin=Origin.REVIEW, pseudonym=case.child.pseudonym, **values)
                created += 1
            elif any(getattr(record, field) != value for field, value in values.items()):
                for field, value in values.items():
                    setattr(record, field, value)
                record.save(update_fields=[*FIELDS, "updated_at"])
                updated += 1
            else:
                unchanged += 1
        counts = {"created": created, "updated": updated, "unchanged": unchanged}
        audit.record(actor, "mortality.synced", data={**counts, **({"cases": sorted(case_ids)} if case_ids else {})})
    return created, updated, unchanged
