"""One vocabulary for every endpoint: the NHS Data Dictionary's codes for a person's sex and ethnic category.

Sex is PERSON PHENOTYPIC SEX (1 male, 2 female, 9 indeterminate, X not known). Ethnic category is ETHNIC
CATEGORY (A to S, Z not stated, 99 not known); the platform keeps the census's five broad groups, which
identify no one, so a code is read into its group and answers give the group (`ethnic_group`).
"""

from rest_framework import serializers

SEX_CODES = {"1": "male", "2": "female", "9": "indeterminate", "X": "not_known"}
SEX_LABELS = {
    "1": "Male",
    "2": "Female",
    "9": "Indeterminate (unable to be classified as either male or female)",
    "X": "Not known",
}

ETHNIC_CATEGORIES = {
    "A": ("White - British", "white"),
    "B": ("White - Irish", "white"),
    "C": ("White - Any other White background", "white"),
    "D": ("Mixed - White and Black Caribbean", "mixed"),
    "E": ("Mixed - White and Black African", "mixed"),
    "F": ("Mixed - White and Asian", "mixed"),
    "G": ("Mixed - Any other mixed background", "mixed"),
    "H": ("Asian or Asian British - Indian", "asian"),
    "J": ("Asian or Asian British - Pakistani", "asian"),
    "K": ("Asian or Asian British - Bangladeshi", "asian"),
    "L": ("Asian or Asian British - Any other Asian background", "asian"),
    "M": ("Black or Black British - Caribbean", "black"),
    "N": ("Black or Black British - African", "black"),
    "P": ("Black or Black British - Any other Black background", "black"),
    "R": ("Other Ethnic Groups - Chinese", "asian"),
    "S": ("Other Ethnic Groups - Any other ethnic group", "other"),
    "Z": ("Not stated", "not_stated"),
    "99": ("Not known", "not_known"),
}
ETHNIC_GROUPS = ["asian", "black", "mixed", "white", "other", "not_stated", "not_known"]


def sex_code(value):
    """The stored sex (male, female...) as its NHS Data Dictionary code."""
    return {stored: code for code, stored in SEX_CODES.items()}.get(value, "X")


class SexField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", "NHS Data Dictionary PERSON PHENOTYPIC SEX: 1 male, 2 female, 9 indeterminate, X not known"
        )
        super().__init__(choices=list(SEX_LABELS.items()), **kwargs)

    def to_internal_value(self, data):
        return SEX_CODES[super().to_internal_value(data)]

    def to_representation(self, value):
        return sex_code(value)


class EthnicCategoryField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "NHS Data Dictionary ETHNIC CATEGORY code (A to S, Z not stated, 99 not known); kept as its broad group",
        )
        super().__init__(choices=[(code, label) for code, (label, _) in ETHNIC_CATEGORIES.items()], **kwargs)

    def to_internal_value(self, data):
        return ETHNIC_CATEGORIES[super().to_internal_value(data)][1]


class EthnicGroupField(serializers.ChoiceField):
    """Answers give the broad group the ethnic category was kept as."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", "The broad ethnic group (from the ETHNIC CATEGORY code notified)")
        super().__init__(choices=ETHNIC_GROUPS, **kwargs)
