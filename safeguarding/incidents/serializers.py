"""The API's shapes of a serious incident: the notification it accepts, and the case it returns."""

from rest_framework import serializers

from . import choices
from .states import IncidentStatus


class ChildIdentityInSerializer(serializers.Serializer):
    given_names = serializers.CharField()
    family_name = serializers.CharField()
    nhs_number = serializers.CharField(required=False, allow_blank=True, help_text="10 digits; Modulus 11 checked")
    nhs_number_unavailable_reason = serializers.CharField(required=False, allow_blank=True)
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    postcode = serializers.CharField(required=False, allow_blank=True)


class NotificationInSerializer(serializers.Serializer):
    area = serializers.SlugField(help_text="Slug of the safeguarding area (one of the token's areas)")
    abuse_or_neglect = serializers.ChoiceField(choices=choices.AbuseOrNeglect.choices)
    where_harmed = serializers.ChoiceField(choices=choices.WhereHarmed.choices)
    looked_after_or_care_leaver_death = serializers.BooleanField(default=False)
    incident_date = serializers.DateField()
    aware_date = serializers.DateField()
    harm = serializers.ChoiceField(choices=choices.Harm.choices)
    harm_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=choices.HarmKind.choices), allow_empty=True
    )
    summary = serializers.CharField(help_text="What happened, without names")
    other_children = serializers.CharField(required=False, allow_blank=True, default="")
    child = ChildIdentityInSerializer()
    child_age_years = serializers.IntegerField(min_value=0, max_value=24)
    child_sex = serializers.ChoiceField(choices=choices.Sex.choices)
    child_ethnicity = serializers.ChoiceField(choices=choices.Ethnicity.choices)
    child_disability = serializers.ChoiceField(choices=choices.Disability.choices)
    child_status = serializers.ChoiceField(choices=choices.ChildStatus.choices)
    agencies_involved = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        default=list,
        help_text="Organisation ids of the area's agencies",
    )
    parallel_proceedings = serializers.DictField(
        child=serializers.ChoiceField(choices=choices.ProceedingStatus.choices),
        required=False,
        default=dict,
        help_text=f"Proceeding kind ({', '.join(choices.Proceeding.values)}) to its status",
    )


class ClockSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    started_on = serializers.DateField()
    due_on = serializers.DateField()
    state = serializers.CharField(help_text="running, due_soon, overdue, paused, met or missed")
    remaining = serializers.IntegerField(help_text="Left until due, in `unit`; negative when overdue")
    unit = serializers.CharField()
    completed_on = serializers.DateField(allow_null=True)
    paused_days = serializers.IntegerField()


class IncidentSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    area = serializers.SlugField(source="area.slug")
    status = serializers.ChoiceField(choices=IncidentStatus.choices)
    child_pseudonym = serializers.CharField(source="child.pseudonym", allow_null=True, default=None)
    incident_date = serializers.DateField(allow_null=True)
    aware_date = serializers.DateField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)


class IncidentDetailSerializer(IncidentSummarySerializer):
    harm = serializers.CharField()
    harm_kinds = serializers.ListField(child=serializers.CharField())
    possible_duplicate_of = serializers.CharField(
        source="possible_duplicate_of.reference", allow_null=True, default=None
    )
    clocks = ClockSerializer(many=True)
