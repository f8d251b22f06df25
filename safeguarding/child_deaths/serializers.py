"""What the child death API accepts and answers. Answers are pseudonymised: no identity field ever."""

from rest_framework import serializers

from safeguarding.organisations.models import SafeguardingArea

from .models import CaseStatus, ChildDeathCase
from .models.vocabulary import EthnicityGroup, Expectation, JarCriterion, NotifyingAgency, PlaceOfDeath, Sex


class DeathNotificationInSerializer(serializers.Serializer):
    agency = serializers.ChoiceField(choices=NotifyingAgency.choices)
    given_names = serializers.CharField(max_length=200)
    family_name = serializers.CharField(max_length=200)
    nhs_number = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    nhs_number_unavailable_reason = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default="", help_text="Required without an NHS number"
    )
    date_of_birth = serializers.DateField()
    address = serializers.CharField(required=False, allow_blank=True, default="")
    postcode = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    residence_area = serializers.SlugRelatedField(
        slug_field="slug", queryset=SafeguardingArea.objects.all(), help_text="Slug of the area of residence"
    )
    date_of_death = serializers.DateField()
    time_of_death = serializers.TimeField(required=False, allow_null=True, default=None)
    place_of_death = serializers.ChoiceField(choices=PlaceOfDeath.choices)
    hospital_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    place_of_death_area = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=SafeguardingArea.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="Slug of the area where the child died; null if abroad",
    )
    sex = serializers.ChoiceField(choices=Sex.choices)
    ethnicity_group = serializers.ChoiceField(choices=EthnicityGroup.choices)
    expectation = serializers.ChoiceField(choices=Expectation.choices)
    jar_criteria = serializers.ListField(
        child=serializers.ChoiceField(choices=JarCriterion.choices), required=False, default=list
    )
    circumstances = serializers.CharField()
    notifier_name = serializers.CharField(max_length=200)
    notifier_role = serializers.CharField(max_length=200)
    notifier_contact = serializers.CharField(max_length=200)


class DeathNotificationReceiptSerializer(serializers.Serializer):
    notification_id = serializers.IntegerField()
    case_reference = serializers.CharField()
    linked_automatically = serializers.BooleanField(help_text="Joined an open case with the same NHS number")
    proposed_links = serializers.IntegerField(help_text="Other cases proposed to a panel manager as the same child")


class ChildDeathCaseSerializer(serializers.ModelSerializer):
    """A case as the API shows it: the pseudonym and derived facts only."""

    pseudonym = serializers.CharField(source="child.pseudonym")
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    place_of_death_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    panel = serializers.CharField(source="panel.name", default=None, read_only=True)
    notifications = serializers.SerializerMethodField()
    # Named apart from other components' "status" so each enum keeps its own name in the schema.
    case_status = serializers.ChoiceField(source="status", choices=CaseStatus.choices, read_only=True)

    class Meta:
        model = ChildDeathCase
        fields = [
            "reference",
            "pseudonym",
            "case_status",
            "area",
            "panel",
            "place_of_death",
            "place_of_death_area",
            "date_of_death",
            "age_band",
            "sex",
            "ethnicity_group",
            "expectation",
            "category",
            "notified_on",
            "national_database_informed_on",
            "notifications",
        ]

    def get_notifications(self, case) -> int:
        return case.notifications.count()
