"""What the child death API accepts and answers. Answers are pseudonymised: no identity field ever."""

from rest_framework import serializers

from safeguarding.api.serializers import ClockSerializer
from safeguarding.api.vocabulary import EthnicCategoryField, EthnicGroupField, SexField

from .models import CaseStatus, ChildDeathCase
from .models.vocabulary import AgeBand, Category, Expectation, JarCriterion, NotifyingAgency, PlaceOfDeath

NAME_LENGTH = 200
TEXT_LENGTH = 10_000


class DeathNotificationInSerializer(serializers.Serializer):
    agency = serializers.ChoiceField(choices=NotifyingAgency.choices)
    given_names = serializers.CharField(max_length=NAME_LENGTH)
    family_name = serializers.CharField(max_length=NAME_LENGTH)
    nhs_number = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    nhs_number_unavailable_reason = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default="", help_text="Required without an NHS number"
    )
    date_of_birth = serializers.DateField()
    address = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    postcode = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    area = serializers.SlugField(
        max_length=100,
        help_text="Slug of the safeguarding area where the child normally lived (one of the token's areas)",
    )
    date_of_death = serializers.DateField()
    time_of_death = serializers.TimeField(required=False, allow_null=True, default=None)
    place_of_death = serializers.ChoiceField(choices=PlaceOfDeath.choices)
    hospital_name = serializers.CharField(max_length=NAME_LENGTH, required=False, allow_blank=True, default="")
    place_of_death_area = serializers.SlugField(
        max_length=100,
        required=False,
        allow_null=True,
        default=None,
        help_text="Slug of the safeguarding area where the child died (any area); null if abroad",
    )
    sex = SexField()
    ethnic_category = EthnicCategoryField()
    expectation = serializers.ChoiceField(choices=Expectation.choices)
    jar_criteria = serializers.ListField(
        child=serializers.ChoiceField(choices=JarCriterion.choices),
        required=False,
        default=list,
        max_length=len(JarCriterion),
    )
    circumstances = serializers.CharField(max_length=TEXT_LENGTH)
    notifier_name = serializers.CharField(max_length=NAME_LENGTH)
    notifier_role = serializers.CharField(max_length=NAME_LENGTH)
    notifier_contact = serializers.CharField(max_length=NAME_LENGTH)


class DeathNotificationReceiptSerializer(serializers.Serializer):
    reference = serializers.CharField(max_length=20, help_text="The case's reference: its address in the API")
    notification = serializers.IntegerField(help_text="This notification's number on the case")
    linked_automatically = serializers.BooleanField(
        help_text="Joined an open case of the same area with the same NHS number"
    )
    proposed_links = serializers.IntegerField(
        help_text="Other cases of the same area proposed to its panel manager as the same child"
    )


class ChildDeathCaseSerializer(serializers.ModelSerializer):
    """A case as the API shows it: the pseudonym and derived facts only."""

    reference = serializers.CharField(max_length=20)
    pseudonym = serializers.CharField(source="child.pseudonym", max_length=20)
    status = serializers.ChoiceField(choices=CaseStatus.choices, read_only=True)
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    panel = serializers.CharField(source="panel.name", default=None, read_only=True, allow_null=True, max_length=200)
    place_of_death = serializers.ChoiceField(choices=PlaceOfDeath.choices, read_only=True)
    place_of_death_area = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    age_band = serializers.ChoiceField(choices=AgeBand.choices, read_only=True)
    sex = SexField(read_only=True)
    ethnic_group = EthnicGroupField(source="ethnicity_group")
    expectation = serializers.ChoiceField(choices=Expectation.choices, read_only=True)
    category = serializers.ChoiceField(choices=[("", "Not yet categorised"), *Category.choices], read_only=True)
    notifications = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(read_only=True, help_text="When the case last changed")
    clocks = ClockSerializer(many=True, source="api_clocks", read_only=True, help_text="The case's clocks, as of today")

    class Meta:
        model = ChildDeathCase
        fields = [
            "reference",
            "pseudonym",
            "status",
            "area",
            "panel",
            "place_of_death",
            "place_of_death_area",
            "date_of_death",
            "age_band",
            "sex",
            "ethnic_group",
            "expectation",
            "category",
            "notified_on",
            "national_database_informed_on",
            "notifications",
            "updated_at",
            "clocks",
        ]

    def get_notifications(self, case) -> int:
        counted = getattr(case, "notification_count", None)  # annotated by the list
        return case.notifications.count() if counted is None else counted
