"""The API's shapes of a serious incident: the notification it accepts, and the case it returns."""

from rest_framework import serializers

from safeguarding.api.serializers import ClockSerializer
from safeguarding.api.vocabulary import EthnicCategoryField, EthnicGroupField, SexField

from . import choices
from .states import IncidentStatus

# Bounds of free text: generous for what a notifier writes, small enough that no request is a megabyte.
NAME_LENGTH = 200
SUMMARY_LENGTH = 10_000


class ChildIdentityInSerializer(serializers.Serializer):
    given_names = serializers.CharField(max_length=NAME_LENGTH)
    family_name = serializers.CharField(max_length=NAME_LENGTH)
    nhs_number = serializers.CharField(
        max_length=20, required=False, allow_blank=True, help_text="10 digits; Modulus 11 checked"
    )
    nhs_number_unavailable_reason = serializers.CharField(max_length=300, required=False, allow_blank=True)
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    postcode = serializers.CharField(max_length=10, required=False, allow_blank=True)


class NotificationInSerializer(serializers.Serializer):
    area = serializers.SlugField(max_length=100, help_text="Slug of the safeguarding area (one of the token's areas)")
    abuse_or_neglect = serializers.ChoiceField(choices=choices.AbuseOrNeglect.choices)
    where_harmed = serializers.ChoiceField(choices=choices.WhereHarmed.choices)
    looked_after_or_care_leaver_death = serializers.BooleanField(default=False)
    incident_date = serializers.DateField()
    aware_date = serializers.DateField()
    harm = serializers.ChoiceField(choices=choices.Harm.choices)
    harm_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=choices.HarmKind.choices),
        allow_empty=True,
        max_length=len(choices.HarmKind),
    )
    summary = serializers.CharField(max_length=SUMMARY_LENGTH, help_text="What happened, without names")
    other_children = serializers.CharField(max_length=SUMMARY_LENGTH, required=False, allow_blank=True, default="")
    child = ChildIdentityInSerializer()
    child_age_years = serializers.IntegerField(min_value=0, max_value=24)
    sex = SexField()
    ethnic_category = EthnicCategoryField()
    child_disability = serializers.ChoiceField(choices=choices.Disability.choices)
    child_status = serializers.ChoiceField(choices=choices.ChildStatus.choices)
    agencies_involved = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        max_length=100,
        required=False,
        default=list,
        help_text="Organisation ids of the area's agencies",
    )
    parallel_proceedings = serializers.DictField(
        child=serializers.ChoiceField(choices=choices.ProceedingStatus.choices),
        allow_empty=True,
        required=False,
        default=dict,
        help_text=f"Proceeding kind ({', '.join(choices.Proceeding.values)}) to its status",
    )


class IncidentSummarySerializer(serializers.Serializer):
    reference = serializers.CharField(max_length=20, help_text="Like SI-00042: the address of the case in the API")
    area = serializers.SlugField(source="area.slug", max_length=100)
    status = serializers.ChoiceField(choices=IncidentStatus.choices)
    child_pseudonym = serializers.CharField(source="child.pseudonym", allow_null=True, default=None, max_length=20)
    incident_date = serializers.DateField(allow_null=True)
    aware_date = serializers.DateField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField(help_text="When the case last changed: follow a list with `updated_since`")
    clocks = ClockSerializer(many=True, source="api_clocks", help_text="The case's statutory clocks, as of today")


class IncidentDetailSerializer(IncidentSummarySerializer):
    harm = serializers.ChoiceField(choices=choices.Harm.choices)
    harm_kinds = serializers.ListField(child=serializers.ChoiceField(choices=choices.HarmKind.choices))
    sex = SexField(source="child_sex", read_only=True)
    ethnic_group = EthnicGroupField(source="child_ethnicity")
    possible_duplicate_of = serializers.CharField(
        source="possible_duplicate_of.reference", allow_null=True, default=None, max_length=20
    )
