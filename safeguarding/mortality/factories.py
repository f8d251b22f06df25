"""National analysis records for tests."""

import factory

from safeguarding.child_deaths.models.vocabulary import AgeBand, EthnicityGroup, PlaceOfDeath, Sex

from .models import MortalityRecord, Origin, financial_year_of


class MortalityRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MortalityRecord

    origin = Origin.SYNTHETIC
    pseudonym = factory.Sequence(lambda n: f"TST-{n:07d}")
    year_of_death = 2024
    month_of_death = 6
    financial_year = factory.LazyAttribute(
        lambda record: financial_year_of(record.year_of_death, record.month_of_death)
    )
    age_band = AgeBand.YEARS_1_TO_4
    sex = Sex.FEMALE
    ethnicity_group = EthnicityGroup.WHITE
    region_code = "E12000001"
    la_code = "E06000001"
    panel = "North East and North Cumbria Child Death Overview Panel"
    place_la_code = "E06000001"
    place_type = PlaceOfDeath.HOSPITAL
    deprivation_quintile = 1
    circumstances = "Sepsis after a short febrile illness."
