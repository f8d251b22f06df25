"""API v1 for serious incidents: notify (idempotent), list, and one case's status and clocks."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, views
from rest_framework.response import Response

from safeguarding.api.idempotency import respond_once
from safeguarding.api.models import Scope
from safeguarding.api.scoping import api_client, api_visible_area_ids, audited
from safeguarding.api.serializers import ErrorSerializer
from safeguarding.api.views import ScopedApiView
from safeguarding.core import audit
from safeguarding.organisations.models import OrganisationKind, SafeguardingArea

from . import clocks
from .actions.notification import notify
from .models import Incident
from .serializers import IncidentDetailSerializer, IncidentSummarySerializer, NotificationInSerializer
from .states import IncidentStatus

_ERRORS = {
    401: OpenApiResponse(ErrorSerializer, description="No API token, or an invalid, expired or revoked one"),
    403: OpenApiResponse(ErrorSerializer, description="The token lacks a scope this request needs"),
}
IDEMPOTENCY_HEADER = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description="A unique value per new notification: the same key again returns the first answer and creates nothing",
)


def _detail(incident):
    payload = IncidentSummarySerializer(incident).data
    payload.update(
        {
            "harm": incident.harm,
            "harm_kinds": incident.harm_kinds,
            "possible_duplicate_of": incident.possible_duplicate_of.reference
            if incident.possible_duplicate_of_id
            else None,
            "clocks": [ClockOut.of(case_clock.clock) for case_clock in clocks.case_clocks(incident)],
        }
    )
    return payload


class ClockOut:
    @staticmethod
    def of(clock):
        return {
            "key": clock.key,
            "name": clock.name,
            "started_on": clock.started_on.isoformat(),
            "due_on": clock.due_on.isoformat(),
            "state": clock.state,
            "remaining": clock.remaining,
            "unit": clock.unit,
            "completed_on": clock.completed_on.isoformat() if clock.completed_on else None,
            "paused_days": clock.paused_days,
        }


def _api_errors(error):
    """A Django ValidationError from an action, as DRF field errors (the child's fields under `child`)."""
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": error.messages}
    identity_fields = set(NotificationInSerializer().fields["child"].fields)
    result = {}
    for field, messages in error.message_dict.items():
        if field in identity_fields:
            result.setdefault("child", {})[field] = messages
        else:
            result[field] = messages
    return result


class _IncidentQueryMixin(ScopedApiView):
    def get_queryset(self):
        # Drafts are the notifier's until submitted: systems see notified cases.
        return (
            Incident.objects.visible_to(self.request.user)
            .exclude(status=IncidentStatus.DRAFT)
            .select_related("area", "child", "possible_duplicate_of", "rapid_inquiry")
            .order_by("-submitted_at", "-pk")
        )


class IncidentList(_IncidentQueryMixin, generics.ListAPIView):
    required_scopes = [Scope.INCIDENTS_READ]
    serializer_class = IncidentSummarySerializer

    @extend_schema(
        operation_id="incidents_list",
        summary="List the notified serious incidents of the token's areas",
        description="Needs the `incidents:read` scope. Children appear by pseudonym only.",
        responses={200: IncidentSummarySerializer(many=True), **_ERRORS},
        tags=["incidents"],
    )
    @audited("api.incidents.listed")
    def get(self, request, *args, **kwargs):
        response = self.list(request, *args, **kwargs)
        self.note_audit(area_ids=api_visible_area_ids(request), data={"count": response.data["count"]})
        return response


class IncidentDetail(_IncidentQueryMixin, generics.RetrieveAPIView):
    required_scopes = [Scope.INCIDENTS_READ]
    serializer_class = IncidentDetailSerializer

    @extend_schema(
        operation_id="incidents_retrieve",
        summary="One serious incident: its status and clocks",
        description="Needs the `incidents:read` scope. A case outside the token's areas answers 404.",
        responses={200: IncidentDetailSerializer, **_ERRORS, 404: OpenApiResponse(ErrorSerializer)},
        tags=["incidents"],
    )
    @audited("api.incidents.viewed")
    def get(self, request, *args, **kwargs):
        incident = self.get_object()
        self.note_audit(area_ids=[incident.area_id], target=incident)
        return Response(_detail(incident))


class NotificationCreate(ScopedApiView, views.APIView):
    required_scopes = [Scope.INCIDENTS_WRITE]

    @extend_schema(
        operation_id="incidents_notify",
        summary="Notify a serious incident",
        description=(
            "Needs the `incidents:write` scope and a local authority's token (the local authority notifies). "
            "Creates a submitted notification in one transaction. Send an `Idempotency-Key`: a retry with the "
            "same key returns the first answer and creates nothing."
        ),
        parameters=[IDEMPOTENCY_HEADER],
        request=NotificationInSerializer,
        responses={
            201: IncidentDetailSerializer,
            400: OpenApiResponse(description="Field errors, each naming the field and the rule"),
            **_ERRORS,
        },
        tags=["incidents"],
    )
    @audited("api.incidents.notified")
    def post(self, request):
        client = api_client(request)
        if client.organisation.kind != OrganisationKind.LOCAL_AUTHORITY:
            raise exceptions.PermissionDenied("Only a local authority's system notifies serious incidents")
        incoming = NotificationInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        area = SafeguardingArea.objects.filter(pk__in=api_visible_area_ids(request), slug=data.pop("area")).first()
        if area is None:
            raise exceptions.ValidationError({"area": ["Unknown area: not one of this token's areas"]})
        identity = data.pop("child")

        def create():
            try:
                incident = notify(
                    audit.Actor.api_client(client.token),
                    area,
                    data,
                    identity=identity,
                    organisation=client.organisation,
                )
            except DjangoValidationError as error:
                raise exceptions.ValidationError(_api_errors(error)) from None
            self.note_audit(area_ids=[area.pk], target=incident)
            return 201, _detail(incident)

        return respond_once(request, "incidents.notifications", create)
