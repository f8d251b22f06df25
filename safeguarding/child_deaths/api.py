"""/api/v1/child-deaths: notify a death from a case-management system, and read the token's areas' cases."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from safeguarding.api.idempotency import respond_once
from safeguarding.api.models import Scope
from safeguarding.api.scoping import api_client, api_visible_area_ids, audited
from safeguarding.api.serializers import ErrorSerializer
from safeguarding.api.views import ScopedApiView
from safeguarding.core import audit

from .actions.notify import notify_death
from .models import ChildDeathCase
from .serializers import ChildDeathCaseSerializer, DeathNotificationInSerializer, DeathNotificationReceiptSerializer

_ERRORS = {
    401: OpenApiResponse(ErrorSerializer, description="No API token, or an invalid, expired or revoked one"),
    403: OpenApiResponse(ErrorSerializer, description="The token lacks a scope this request needs"),
}
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    location=OpenApiParameter.HEADER,
    required=True,
    description="A unique value per new notification: a retry with the same key creates nothing new",
)


class NotificationCreate(ScopedApiView, APIView):
    required_scopes = [Scope.CHILD_DEATHS_WRITE]

    @extend_schema(
        operation_id="child_deaths_notify",
        summary="Notify a child death",
        description=(
            "Needs the `child_deaths:write` scope, and the area of residence must be one the token covers. "
            "Idempotent with the Idempotency-Key header. Identity is sealed on receipt."
        ),
        parameters=[IDEMPOTENCY_KEY],
        request=DeathNotificationInSerializer,
        responses={
            201: DeathNotificationReceiptSerializer,
            400: OpenApiResponse(description="Invalid fields, each named with the rule it breaks"),
            **_ERRORS,
        },
        tags=["child deaths"],
    )
    @audited("api.child_deaths.notified")
    def post(self, request):
        def create():
            incoming = DeathNotificationInSerializer(data=request.data)
            incoming.is_valid(raise_exception=True)
            data = dict(incoming.validated_data)
            if data["residence_area"].pk not in api_visible_area_ids(request):
                raise ValidationError({"residence_area": ["This API token does not cover the area of residence"]})
            token = api_client(request).token
            try:
                result = notify_death(
                    audit.Actor.api_client(token), data, organisation=token.organisation, api_token=token
                )
            except DjangoValidationError as error:
                raise ValidationError(error.message_dict) from None
            self.note_audit(area_ids=[result.case.area_id], target=result.case)
            return 201, {
                "notification_id": result.notification.pk,
                "case_reference": result.case.reference,
                "linked_automatically": result.linked_automatically,
                "proposed_links": result.proposals,
            }

        return respond_once(request, "child-deaths-notifications", create)


class _CaseQuery(ScopedApiView):
    serializer_class = ChildDeathCaseSerializer
    required_scopes = [Scope.CHILD_DEATHS_READ]

    def get_queryset(self):
        return (
            ChildDeathCase.objects.visible_to(self.request.user)
            .select_related("child", "area", "panel", "place_of_death_area")
            .order_by("-date_of_death", "-pk")
        )


class CaseList(_CaseQuery, generics.ListAPIView):
    @extend_schema(
        operation_id="child_deaths_list",
        summary="Child deaths of the areas the token covers",
        description="Needs the `child_deaths:read` scope. Pseudonymised: no identifying field.",
        responses={200: ChildDeathCaseSerializer(many=True), **_ERRORS},
        tags=["child deaths"],
    )
    @audited("api.child_deaths.listed")
    def get(self, request, *args, **kwargs):
        response = self.list(request, *args, **kwargs)
        self.note_audit(area_ids=api_visible_area_ids(request), data={"count": response.data["count"]})
        return response


class CaseDetail(_CaseQuery, generics.RetrieveAPIView):
    lookup_field = "reference"

    @extend_schema(
        operation_id="child_deaths_retrieve",
        summary="One child death",
        description="Needs the `child_deaths:read` scope. A case outside the token's areas answers 404.",
        responses={
            200: ChildDeathCaseSerializer,
            **_ERRORS,
            404: OpenApiResponse(ErrorSerializer, description="Not found"),
        },
        tags=["child deaths"],
    )
    @audited("api.child_deaths.viewed")
    def get(self, request, *args, **kwargs):
        case = self.get_object()
        self.note_audit(area_ids=[case.area_id], target=case)
        return self.retrieve(request, *args, **kwargs)
