"""What the API says about areas and about the calling client."""

from rest_framework import serializers

from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.core.clocks.models import ClockUnit
from safeguarding.organisations.models import SafeguardingArea

from .models import Scope


class LocalAuthoritySerializer(serializers.Serializer):
    code = serializers.CharField(max_length=9, help_text="ONS code, e.g. E06000001")
    name = serializers.CharField(max_length=200)


class AreaSerializer(serializers.ModelSerializer):
    local_authorities = LocalAuthoritySerializer(many=True, read_only=True)
    local_authority_codes = serializers.SerializerMethodField(help_text="ONS codes of the area's local authorities")

    class Meta:
        model = SafeguardingArea
        fields = ["id", "slug", "name", "nation", "local_authority_codes", "local_authorities"]

    def get_local_authority_codes(self, area) -> list[str]:
        return [authority.code for authority in area.local_authorities.all()]


class OrganisationSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(max_length=200)
    kind = serializers.CharField(max_length=30)
    code = serializers.CharField(max_length=20)


class AreaSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField(max_length=100)
    name = serializers.CharField(max_length=200)


class WhoAmISerializer(serializers.Serializer):
    token_name = serializers.CharField(max_length=200)
    token_prefix = serializers.CharField(max_length=8)
    organisation = OrganisationSummarySerializer()
    scopes = serializers.ListField(child=serializers.ChoiceField(choices=Scope.choices))
    areas = AreaSummarySerializer(many=True)
    expires_at = serializers.DateTimeField(allow_null=True)


class ClockSerializer(serializers.Serializer):
    """A statutory clock of a case, as of today (core.clocks.deadlines.Clock)."""

    key = serializers.CharField(max_length=100)
    name = serializers.CharField(max_length=200)
    started_on = serializers.DateField()
    due_on = serializers.DateField()
    state = serializers.ChoiceField(choices=list(ClockState.LABELS))
    remaining = serializers.IntegerField(help_text="Left until due, in `unit`; negative when overdue")
    unit = serializers.ChoiceField(choices=ClockUnit.choices)
    completed_on = serializers.DateField(allow_null=True)
    paused_days = serializers.IntegerField(default=0)


class FieldProblemSerializer(serializers.Serializer):
    pointer = serializers.CharField(
        max_length=1000, required=False, help_text="JSON Pointer to the field of the body, e.g. `/child/family_name`"
    )
    header = serializers.CharField(max_length=100, required=False, help_text="The request header concerned")
    parameter = serializers.CharField(max_length=100, required=False, help_text="The query parameter concerned")
    code = serializers.CharField(max_length=100, help_text="Machine-readable, e.g. `required`, `max_length`")
    detail = serializers.CharField(max_length=2000, help_text="What is wrong and the rule, in words")


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details: every error of the API has this shape (`application/problem+json`)."""

    type = serializers.CharField(
        max_length=200, help_text="URI reference of the kind of problem, explained on the reference page"
    )
    title = serializers.CharField(max_length=200)
    status = serializers.IntegerField()
    detail = serializers.CharField(max_length=4000)
    instance = serializers.CharField(max_length=2000, help_text="The path that was asked for")
    request_id = serializers.CharField(max_length=64, help_text="Quote it to support: it is in the service's logs")
    errors = FieldProblemSerializer(many=True)


ErrorSerializer = ProblemSerializer
