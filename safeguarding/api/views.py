"""API v1 endpoints over the areas a token covers, and the caller's own description."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import generics, views
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from safeguarding.organisations.models import LocalAuthority, SafeguardingArea

from . import openapi
from .models import Scope
from .permissions import HasScope
from .scoping import AuditedApiView, api_client, api_visible_area_ids, audited
from .serializers import AreaSerializer, WhoAmISerializer


class ScopedApiView(AuditedApiView):
    """Every API view: a token-authenticated client that holds the view's `required_scopes`."""

    permission_classes = [IsAuthenticated, HasScope]
    # JSON only: DRF's browsable HTML API is for session users, and the API has none.
    renderer_classes = [JSONRenderer]


class _AreaQueryMixin(ScopedApiView):
    serializer_class = AreaSerializer
    required_scopes = [Scope.AREAS_READ]

    def get_queryset(self):
        authorities = Prefetch("local_authorities", queryset=LocalAuthority.objects.order_by("code"))
        return (
            SafeguardingArea.objects.filter(pk__in=api_visible_area_ids(self.request))
            .prefetch_related(authorities)
            .order_by("name")
        )


class AreaList(_AreaQueryMixin, generics.ListAPIView):
    @extend_schema(
        operation_id="areas_list",
        summary="List the safeguarding areas the token covers",
        description="Needs the `areas:read` scope.",
        parameters=[openapi.RETRY_AFTER],
        responses={200: AreaSerializer(many=True), **openapi.problems(*openapi.READ_LIST)},
        tags=["areas"],
    )
    @audited("api.areas.listed")
    def get(self, request, *args, **kwargs):
        response = self.list(request, *args, **kwargs)
        shown = [area["id"] for area in response.data["results"]]
        self.note_audit(area_ids=shown, data={"count": response.data["count"]})
        return response


class AreaDetail(_AreaQueryMixin, generics.RetrieveAPIView):
    lookup_field = "slug"

    @extend_schema(
        operation_id="areas_retrieve",
        summary="One safeguarding area the token covers",
        description="Needs the `areas:read` scope. An area the token does not cover answers 404.",
        parameters=[openapi.RETRY_AFTER],
        responses={200: AreaSerializer, **openapi.problems(*openapi.READ_ONE)},
        tags=["areas"],
    )
    @audited("api.areas.viewed")
    def get(self, request, *args, **kwargs):
        area = self.get_object()
        self.note_audit(area_ids=[area.pk], target=area)
        return Response(self.get_serializer(area).data)


class WhoAmI(ScopedApiView, views.APIView):
    required_scopes = []  # any valid token may ask what it is

    @extend_schema(
        operation_id="whoami",
        summary="The calling token: its organisation, scopes and areas",
        description="Any valid token may call it; it needs no scope.",
        parameters=[openapi.RETRY_AFTER],
        responses={200: WhoAmISerializer, **openapi.problems(401, 405, 406, 429)},
        tags=["client"],
    )
    def get(self, request):
        token = api_client(request).token
        areas = SafeguardingArea.objects.filter(pk__in=api_visible_area_ids(request)).order_by("name")
        organisation = token.organisation
        payload = {
            "token_name": token.name,
            "token_prefix": token.prefix,
            "organisation": {
                "id": organisation.pk,
                "name": organisation.name,
                "kind": organisation.kind,
                "code": organisation.code,
            },
            "scopes": sorted(token.scopes),
            "areas": [{"id": area.pk, "slug": area.slug, "name": area.name} for area in areas],
            "expires_at": token.expires_at,
        }
        return Response(WhoAmISerializer(payload).data)
