"""seed_national: one synthetic year on England's geography has national volumes and shapes."""

import datetime
import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from safeguarding.child_deaths.models.vocabulary import AgeBand, Category, Modifiable
from safeguarding.core import audit
from safeguarding.mortality.actions.seeding import seed_national
from safeguarding.mortality.models import MortalityRecord, Origin
from safeguarding.mortality.synthetic import generate

TODAY = datetime.date(2026, 11, 26)


@pytest.fixture
def one_year(geography):
    seed_national(audit.Actor.system("tests"), 1, seed=7, today=TODAY)
    return list(MortalityRecord.objects.all())


def test_one_year_has_national_volumes(one_year):
    deaths = len(one_year)
    bands = Counter(record.age_band for record in one_year)
    assert 3300 <= deaths <= 3700
    infancy = (bands[AgeBand.UNDER_28_DAYS] + bands[AgeBand.DAYS_28_TO_364]) / deaths
    assert 0.55 <= infancy <= 0.65
    assert 0.35 <= bands[AgeBand.UNDER_28_DAYS] / deaths <= 0.45


def test_about_a_third_of_decided_reviews_find_modifiable_factors(one_year):
    decided = [record for record in one_year if record.modifiable in {Modifiable.YES, Modifiable.NO}]
    share = sum(record.modifiable == Modifiable.YES for record in decided) / len(decided)
    assert decided and 0.28 <= share <= 0.38


def test_categories_are_shaped_like_national_figures(one_year):
    reviewed = [record for record in one_year if record.reviewed]
    categories = Counter(record.category for record in reviewed)
    assert categories.most_common(1)[0][0] == Category.PERINATAL
    assert 0.25 <= categories[Category.PERINATAL] / len(reviewed) <= 0.40
    assert categories[Category.DELIBERATE_INJURY] / len(reviewed) < 0.05
    # A death not yet reviewed has no category: that is the panel's finding.
    assert all(record.category == "" for record in one_year if not record.reviewed)


def test_records_use_real_geography_and_twelve_months_before_today(one_year):
    from safeguarding.organisations.models import LocalAuthority

    codes = set(LocalAuthority.objects.values_list("code", flat=True))
    assert {record.la_code for record in one_year} <= codes
    months = {(record.year_of_death, record.month_of_death) for record in one_year}
    assert len(months) == 12 and max(months) == (2026, 10) and min(months) == (2025, 11)


def test_seeding_again_replaces_synthetic_records_and_keeps_reviewed_ones(geography):
    from safeguarding.mortality.factories import MortalityRecordFactory

    kept = MortalityRecordFactory(origin=Origin.REVIEW, pseudonym="ABC2345678X")
    seed_national(audit.Actor.system("tests"), 1, seed=1, today=TODAY, scale=0.05)
    first = MortalityRecord.objects.filter(origin=Origin.SYNTHETIC).count()
    result = seed_national(audit.Actor.system("tests"), 1, seed=1, today=TODAY, scale=0.05)
    assert result.deleted == first == MortalityRecord.objects.filter(origin=Origin.SYNTHETIC).count()
    assert MortalityRecord.objects.filter(pk=kept.pk).exists()


def test_same_seed_gives_same_data(geography):
    first, _ = generate(1, seed=3, today=TODAY, scale=0.05)
    second, _ = generate(1, seed=3, today=TODAY, scale=0.05)
    assert [(r.la_code, r.age_band, r.category) for r in first] == [(r.la_code, r.age_band, r.category) for r in second]


def test_bad_arguments_are_refused(geography):
    with pytest.raises(CommandError, match="years must be at least 1"):
        call_command("seed_national", "--years", "0", stdout=io.StringIO())
    with pytest.raises(ValueError, match="scale"):
        generate(1, scale=0)


def test_without_geography_it_says_what_to_run(db):
    with pytest.raises(CommandError, match="load_reference_data"):
        call_command("seed_national", "--years", "1", stdout=io.StringIO())


def test_seeding_is_audited(geography):
    from safeguarding.core.models import AuditEvent

    call_command("seed_national", "--years", "1", "--scale", "0.02", stdout=io.StringIO())
    assert AuditEvent.objects.filter(verb="mortality.synthetic.seeded").count() == 1
