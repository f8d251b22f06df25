"""The fixed lists of child death review: who notifies, where a death happens, how it is categorised."""

from django.db import models


class NotifyingAgency(models.TextChoices):
    HOSPITAL = "hospital", "Hospital"
    GP = "gp", "GP practice"
    POLICE = "police", "Police"
    CORONER = "coroner", "Coroner"
    LOCAL_AUTHORITY = "local_authority", "Local authority children's services"
    SCHOOL = "school", "School"
    AMBULANCE = "ambulance", "Ambulance service"
    OTHER = "other", "Other agency"


class PlaceOfDeath(models.TextChoices):
    HOSPITAL = "hospital", "Hospital"
    HOME = "home", "Home"
    PUBLIC_PLACE = "public_place", "Public place"
    ABROAD = "abroad", "Abroad"
    OTHER = "other", "Other"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    INDETERMINATE = "indeterminate", "Indeterminate"
    NOT_KNOWN = "not_known", "Not known"


class EthnicityGroup(models.TextChoices):
    """The ONS 2021 census high-level groups: fine enough for national patterns, too coarse to identify."""

    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, Black British, Caribbean or African"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    WHITE = "white", "White"
    OTHER = "other", "Other ethnic group"
    NOT_STATED = "not_stated", "Not stated"


class Expectation(models.TextChoices):
    EXPECTED = "expected", "Expected"
    UNEXPECTED = "unexpected", "Unexpected"


class JarCriterion(models.TextChoices):
    """When a death calls for a joint agency response (Working Together)."""

    EXTERNAL_CAUSES = "external_causes", "The death is or may be due to external causes"
    SUDDEN_NO_CAUSE = "sudden_no_cause", "The death is sudden and there is no immediately apparent cause"
    CUSTODY_OR_DETENTION = (
        "custody_or_detention",
        "The death happened in custody or while detained under mental health legislation",
    )
    SUSPICIOUS = "suspicious", "The circumstances are suspicious"
    STILLBIRTH_UNATTENDED = (
        "stillbirth_unattended",
        "A stillbirth at home where no health professional was present",
    )


class AgeBand(models.TextChoices):
    UNDER_28_DAYS = "0-27d", "Under 28 days"
    DAYS_28_TO_364 = "28-364d", "28 to 364 days"
    YEARS_1_TO_4 = "1-4", "1 to 4 years"
    YEARS_5_TO_9 = "5-9", "5 to 9 years"
    YEARS_10_TO_14 = "10-14", "10 to 14 years"
    YEARS_15_TO_17 = "15-17", "15 to 17 years"


class Category(models.TextChoices):
    """The ten standard categories of child death (national child death review analysis form)."""

    DELIBERATE_INJURY = "1", "1. Deliberately inflicted injury, abuse or neglect"
    SUICIDE = "2", "2. Suicide or deliberate self-inflicted harm"
    TRAUMA = "3", "3. Trauma and other external factors"
    MALIGNANCY = "4", "4. Malignancy"
    ACUTE = "5", "5. Acute medical or surgical condition"
    CHRONIC = "6", "6. Chronic medical condition"
    CONGENITAL = "7", "7. Chromosomal, genetic and congenital anomalies"
    PERINATAL = "8", "8. Perinatal or neonatal event"
    INFECTION = "9", "9. Infection"
    SUDDEN_UNEXPLAINED = "10", "10. Sudden unexpected, unexplained death"


class Domain(models.TextChoices):
    """The four domains in which contributing factors are recorded."""

    CHILD = "child", "Factors intrinsic to the child"
    SOCIAL = "social", "Social environment, including family and parenting"
    PHYSICAL = "physical", "Physical environment"
    SERVICES = "services", "Service provision"


class Modifiable(models.TextChoices):
    YES = "yes", "Yes: modifiable factors were identified"
    NO = "no", "No modifiable factors were identified"
    INSUFFICIENT = "insufficient", "Insufficient information to decide"


class SupplementaryContext(models.TextChoices):
    """Contexts that add questions to an agency's reporting form."""

    SUDI = "sudi", "Sudden unexpected death in infancy or childhood"
    SUICIDE = "suicide", "Suicide or self-harm"
    DROWNING = "drowning", "Drowning"
    ROAD_TRAFFIC = "road_traffic", "Road traffic collision"
    ASTHMA_ANAPHYLAXIS = "asthma_anaphylaxis", "Asthma or anaphylaxis"
    CARDIAC = "cardiac", "Cardiac"
    NEONATAL = "neonatal", "Neonatal death"


def completed_years(date_of_birth, on_date):
    """Age in completed years on `on_date` (a birthday counts on the day)."""
    years = on_date.year - date_of_birth.year
    if (on_date.month, on_date.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def band_for(date_of_birth, date_of_death):
    """The age band at death: days for the first year of life, completed years after it."""
    if (date_of_death - date_of_birth).days < 28:
        return AgeBand.UNDER_28_DAYS
    years = completed_years(date_of_birth, date_of_death)
    if years == 0:
        return AgeBand.DAYS_28_TO_364
    if years < 5:
        return AgeBand.YEARS_1_TO_4
    if years < 10:
        return AgeBand.YEARS_5_TO_9
    if years < 15:
        return AgeBand.YEARS_10_TO_14
    return AgeBand.YEARS_15_TO_17
