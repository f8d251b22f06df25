"""The vocabularies of a serious incident notification (issue 4, step 1)."""

from django.db import models


class Harm(models.TextChoices):
    DEATH = "death", "The child died"
    SERIOUS_HARM = "serious_harm", "The child was seriously harmed"
    OTHER = "other", "Other harm"


class HarmKind(models.TextChoices):
    PHYSICAL = "physical", "Physical abuse"
    SEXUAL = "sexual", "Sexual abuse"
    EMOTIONAL = "emotional", "Emotional abuse"
    NEGLECT = "neglect", "Neglect"
    CSE = "cse", "Child sexual exploitation"
    CRIMINAL_EXPLOITATION = "criminal_exploitation", "Criminal exploitation"
    ONLINE = "online", "Online harm"
    TRAFFICKING = "trafficking", "Trafficking"
    RADICALISATION = "radicalisation", "Radicalisation"
    FGM = "fgm", "Female genital mutilation"
    OTHER = "other", "Other"


class AbuseOrNeglect(models.TextChoices):
    KNOWN = "known", "Known"
    SUSPECTED = "suspected", "Suspected"
    NOT_SUSPECTED = "not_suspected", "Neither known nor suspected"


class WhereHarmed(models.TextChoices):
    IN_AREA = "in_area", "In the area"
    RESIDENT_HARMED_ELSEWHERE = "resident_elsewhere", "Elsewhere, but the child normally lives in the area"
    NEITHER = "neither", "Elsewhere, and the child does not normally live in the area"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    NOT_KNOWN = "not_known", "Not known"


class Ethnicity(models.TextChoices):
    """The five broad groups of the 2021 census."""

    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, Black British, Caribbean or African"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    WHITE = "white", "White"
    OTHER = "other", "Other ethnic group"
    NOT_KNOWN = "not_known", "Not known"


class Disability(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_KNOWN = "not_known", "Not known"


class ChildStatus(models.TextChoices):
    NONE = "none", "No involvement of children's services"
    EARLY_HELP = "early_help", "Early help"
    CHILD_IN_NEED = "child_in_need", "Child in need"
    CHILD_PROTECTION_PLAN = "child_protection_plan", "Child protection plan"
    LOOKED_AFTER = "looked_after", "Looked after"
    CARE_LEAVER = "care_leaver", "Care leaver"


class Proceeding(models.TextChoices):
    POLICE_INVESTIGATION = "police_investigation", "Police investigation"
    CRIMINAL_TRIAL = "criminal_trial", "Criminal trial"
    INQUEST = "inquest", "Inquest"
    DOMESTIC_HOMICIDE_REVIEW = "domestic_homicide_review", "Domestic homicide review"
    SAFEGUARDING_ADULT_REVIEW = "safeguarding_adult_review", "Safeguarding adult review"


class ProceedingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    UNDER_WAY = "under_way", "Under way"
    CONCLUDED = "concluded", "Concluded"
