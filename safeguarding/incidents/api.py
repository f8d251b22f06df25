"""API v1 for serious incidents: notify (idempotent), list, and one case's status and clocks, by reference."""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, views
from rest_framework.response import Response

from safeguarding.api import openapi
from safeguarding.api.idempotency import respond_once
from safeguarding.api.listing import UPDATED_SINCE, filtered, status_parameter
from safeguarding.api.models import Scope
from safeguarding.api.problems import AreaNotCovered
from safeguarding.api.scoping import api_client, api_visible_area_ids, audited
from safeguarding.api.views import ScopedApiView
from safeguarding.core import audit
from safeguarding.core.clocks.models import ClockPolicy
from safeguarding.organisations.models import OrganisationKind, SafeguardingArea

from . import choices, clocks
from .actions.notification import notify
from .models import Incident
from .serializers import IncidentDetailSerializer, IncidentSummarySerializer, NotificationInSerializer
from .states import IncidentStatus

_REFERENCE = re.compile(r"^SI-(\d{1,12})$")
# The API's codes where a serious incident's own lists are narrower (its records keep these as "not known").
_STORED_SEX = {"indeterminate": choices.Sex.NOT_KNOWN}
_STORED_ETHNICITY = {"not_stated": choices.Ethnicity.NOT_KNOWN}
NOTIFIED_STATES = [(value, label) for value, label in IncidentStatus.choices if value != IncidentStatus.DRAFT]


def _with_clocks(incident, policies=None):
    incident.api_clocks = [case_clock.clock for case_clock in clocks.case_clocks(incident, policies=policies)]
    return incident


def _api_errors(error):
    """A Django ValidationError from an action, as DRF field errors (the child's fields under `child`)."""
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": error.messages}
    identity_fields = set(NotificationInSerializer().fields["child"].fields)
    renamed = {"child_sex": "sex", "child_ethnicity": "ethnic_category"}
    result = {}
    for field, messages in error.message_dict.items():
        if field in identity_fields:
            result.setdefault("child", {})[field] = messages
        else:
            result[renamed.get(field, field)] = messages
    return result


class _IncidentQueryMixin(ScopedApiView):
    def get_queryset(self):
        # Drafts are the notifier's until submitted: systems see notified cases.
        return (
            Incident.objects.visible_to(self.request.user)
            .exclude(status=IncidentStatus.DRAFT)
            .select_related("area", "child", "possible_duplicate_of", "rapid_inquiry")
            .prefetch_related("pauses")
            .order_by("updated_at", "pk")
        )


class IncidentList(_IncidentQueryMixin, generics.ListAPIView):
    required_scopes = [Scope.INCIDENTS_READ]
    serializer_class = IncidentSummarySerializer

    def filter_queryset(self, queryset):
        return filtered(self.request, queryset, status_choices=NOTIFIED_STATES)

    def paginate_queryset(self, queryset):
        # The policy table read once for the page, not once a case.
        policies = {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=clocks.KEYS)}
        return [_with_clocks(incident, policies) for incident in super().paginate_queryset(queryset)]

    @extend_schema(
        operation_id="incidents_list",
        summary="List the notified serious incidents of the token's areas",
        description="Needs the `incidents:read` scope. Children appear by pseudonym only. Oldest change first.",
        parameters=[UPDATED_SINCE, status_parameter(NOTIFIED_STATES), openapi.RETRY_AFTER],
        responses={200: IncidentSummarySerializer(many=True), **openapi.problems(*openapi.READ_LIST)},
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

    def get_object(self):
        match = _REFERENCE.match(self.kwargs["reference"])
        incident = self.get_queryset().filter(pk=int(match[1])).first() if match else None
        if incident is None:
            raise Http404
        return _with_clocks(incident)

    @extend_schema(
        operation_id="incidents_retrieve",
        summary="One serious incident, by reference: its status and clocks",
        description="Needs the `incidents:read` scope. A case outside the token's areas answers 404.",
        parameters=[openapi.RETRY_AFTER],
        responses={200: IncidentDetailSerializer, **openapi.problems(*openapi.READ_ONE)},
        tags=["incidents"],
    )
    @audited("api.incidents.viewed")
    def get(self, request, *args, **kwargs):
        incident = self.get_object()
        self.note_audit(area_ids=[incident.area_id], target=incident)
        return Response(IncidentDetailSerializer(incident).data)


def _location(body):
    return reverse("incidents_api:detail", args=[body["reference"]])


class NotificationCreate(ScopedApiView, views.APIView):
    required_scopes = [Scope.INCIDENTS_WRITE]

    @extend_schema(
        operation_id="incidents_notify",
        summary="Notify a serious incident",
        description=(
            "Needs the `incidents:write` scope and a local authority's token (the local authority notifies), for an "
            "area the token covers. Creates a submitted notification in one transaction. Send an `Idempotency-Key`: "
            "a retry with the same key returns the first answer and creates nothing."
        ),
        parameters=[openapi.IDEMPOTENCY_KEY, openapi.LOCATION, openapi.REPLAYED, openapi.RETRY_AFTER],
        request=NotificationInSerializer,
        responses={201: IncidentDetailSerializer, **openapi.problems(*openapi.CREATE)},
        tags=["incidents"],
    )
    @audited("api.incidents.notified", replay_verb="api.incidents.notification_replayed")
    def post(self, request):
        client = api_client(request)
        if client.organisation.kind != OrganisationKind.LOCAL_AUTHORITY:
            raise exceptions.PermissionDenied("Only a local authority's system notifies serious incidents")
        incoming = NotificationInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        slug = data.pop("area")
        area = SafeguardingArea.objects.filter(slug=slug).first()
        if area is None:
            raise exceptions.ValidationError({"area": [f"There is no safeguarding area {slug}"]}, code="does_not_exist")
        if area.pk not in api_visible_area_ids(request):
            raise AreaNotCovered(slug)
        identity = data.pop("child")
        sex = data.pop("sex")
        data["child_sex"] = _STORED_SEX.get(sex, sex)
        ethnicity = data.pop("ethnic_category")
        data["child_ethnicity"] = _STORED_ETHNICITY.get(ethnicity, ethnicity)

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
            return 201, IncidentDetailSerializer(_with_clocks(incident)).data

        return respond_once(request, "incidents.notifications", create, location_for=_location)
