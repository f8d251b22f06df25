"""What the API says about areas and about the calling client."""

from rest_framework import serializers

from safeguarding.organisations.models import SafeguardingArea


class LocalAuthoritySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ONS code, e.g. E06000001")
    name = serializers.CharField()


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
    name = serializers.CharField()
    kind = serializers.CharField()
    code = serializers.CharField()


class AreaSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()


class WhoAmISerializer(serializers.Serializer):
    token_name = serializers.CharField()
    token_prefix = serializers.CharField()
    organisation = OrganisationSummarySerializer()
    scopes = serializers.ListField(child=serializers.CharField())
    areas = AreaSummarySerializer(many=True)
    expires_at = serializers.DateTimeField(allow_null=True)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in words")
