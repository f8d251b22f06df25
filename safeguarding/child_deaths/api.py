"""/api/v1/child-deaths: notify a death from a case-management system, and read the token's areas' cases."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from safeguarding.api import openapi
from safeguarding.api.idempotency import respond_once
from safeguarding.api.listing import UPDATED_SINCE, filtered, status_parameter
from safeguarding.api.models import Scope
from safeguarding.api.problems import AreaNotCovered
from safeguarding.api.scoping import api_client, api_visible_area_ids, audited
from safeguarding.api.views import ScopedApiView
from safeguarding.core import audit
from safeguarding.organisations.models import SafeguardingArea

from . import clocks
from .actions.notify import notify_death
from .models import CaseStatus, ChildDeathCase, Notification
from .serializers import ChildDeathCaseSerializer, DeathNotificationInSerializer, DeathNotificationReceiptSerializer

# Child death review keeps "not stated" and "not known" as one group.
_STORED_ETHNICITY = {"not_known": "not_stated"}
# The action's names for the API's fields.
_ACTION_FIELDS = {"area": "residence_area", "ethnic_category": "ethnicity_group"}
_API_FIELDS = {action: api for api, action in _ACTION_FIELDS.items()}


def _with_clocks(case, policies=None):
    today = timezone.localdate()
    case.api_clocks = [
        clocks.inform_database_clock(case, today, policies=policies),
        clocks.panel_review_clock(case, today, policies=policies),
    ]
    return case


def _area(slug, field, errors):
    if slug is None:
        return None
    area = SafeguardingArea.objects.filter(slug=slug).first()
    if area is None:
        errors[field] = [f"There is no safeguarding area {slug}"]
    return area


def _location(body):
    return reverse("child_deaths_api:detail", args=[body["reference"]])


class NotificationCreate(ScopedApiView, APIView):
    required_scopes = [Scope.CHILD_DEATHS_WRITE]

    @extend_schema(
        operation_id="child_deaths_notify",
        summary="Notify a child death",
        description=(
            "Needs the `child_deaths:write` scope, and `area` (where the child normally lived) must be one the token "
            "covers. Idempotent with the Idempotency-Key header. Identity is sealed on receipt. The receipt speaks "
            "only of the area notified: a match with another area's case is that area's panel manager's to decide."
        ),
        parameters=[openapi.IDEMPOTENCY_KEY, openapi.LOCATION, openapi.REPLAYED, openapi.RETRY_AFTER],
        request=DeathNotificationInSerializer,
        responses={201: DeathNotificationReceiptSerializer, **openapi.problems(*openapi.CREATE)},
        tags=["child deaths"],
    )
    @audited("api.child_deaths.notified", replay_verb="api.child_deaths.notification_replayed")
    def post(self, request):
        incoming = DeathNotificationInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        errors = {}
        area = _area(data.pop("area"), "area", errors)
        place_area = _area(data.get("place_of_death_area"), "place_of_death_area", errors)
        if errors:
            raise ValidationError(errors, code="does_not_exist")
        if area.pk not in api_visible_area_ids(request):
            raise AreaNotCovered(area.slug)
        ethnicity = data.pop("ethnic_category")
        data.update(
            residence_area=area,
            place_of_death_area=place_area,
            ethnicity_group=_STORED_ETHNICITY.get(ethnicity, ethnicity),
        )
        token = api_client(request).token

        def create():
            try:
                result = notify_death(
                    audit.Actor.api_client(token), data, organisation=token.organisation, api_token=token
                )
            except DjangoValidationError as error:
                raise ValidationError(
                    {_API_FIELDS.get(field, field): messages for field, messages in error.message_dict.items()}
                ) from None
            self.note_audit(area_ids=[result.case.area_id], target=result.case)
            # The token covers the area, so it may be told whether the notification joined a case there.
            receipt = result.receipt_for(may_see_case=True)
            return 201, {
                "reference": receipt["reference"],
                "notification": result.notification.pk,
                "linked_automatically": receipt["linked"],
                "proposed_links": receipt["proposals"],
            }

        return respond_once(request, "child-deaths-notifications", create, location_for=_location)


class _CaseQuery(ScopedApiView):
    serializer_class = ChildDeathCaseSerializer
    required_scopes = [Scope.CHILD_DEATHS_READ]

    def get_queryset(self):
        return (
            ChildDeathCase.objects.visible_to(self.request.user)
            .select_related("child", "area", "panel", "place_of_death_area", "panel_review", "merged_into")
            .order_by("updated_at", "pk")
        )


class CaseList(_CaseQuery, generics.ListAPIView):
    def filter_queryset(self, queryset):
        return filtered(self.request, queryset, status_choices=CaseStatus.choices)

    def get_queryset(self):
        # The page's notification counts in its own query, not one COUNT per case.
        counted = (
            Notification.objects.visible_to(self.request.user)
            .filter(case=OuterRef("pk"))
            .order_by()
            .values("case")
            .annotate(n=Count("pk"))
        )
        return super().get_queryset().annotate(notification_count=Coalesce(Subquery(counted.values("n")), 0))

    def paginate_queryset(self, queryset):
        policies = clocks.read_policies()  # once a page, not twice a case
        return [_with_clocks(case, policies) for case in super().paginate_queryset(queryset)]

    @extend_schema(
        operation_id="child_deaths_list",
        summary="Child deaths of the areas the token covers",
        description="Needs the `child_deaths:read` scope. Pseudonymised: no identifying field. Oldest change first.",
        parameters=[UPDATED_SINCE, status_parameter(CaseStatus.choices), openapi.RETRY_AFTER],
        responses={200: ChildDeathCaseSerializer(many=True), **openapi.problems(*openapi.READ_LIST)},
        tags=["child deaths"],
    )
    @audited("api.child_deaths.listed")
    def get(self, request, *args, **kwargs):
        response = self.list(request, *args, **kwargs)
        self.note_audit(area_ids=api_visible_area_ids(request), data={"count": response.data["count"]})
        return response


class CaseDetail(_CaseQuery, generics.RetrieveAPIView):
    lookup_field = "reference"

    def get_object(self):
        return _with_clocks(super().get_object())

    @extend_schema(
        operation_id="child_deaths_retrieve",
        summary="One child death, by reference",
        description="Needs the `child_deaths:read` scope. A case outside the token's areas answers 404.",
        parameters=[openapi.RETRY_AFTER],
        responses={200: ChildDeathCaseSerializer, **openapi.problems(*openapi.READ_ONE)},
        tags=["child deaths"],
    )
    @audited("api.child_deaths.viewed")
    def get(self, request, *args, **kwargs):
        case = self.get_object()
        self.note_audit(area_ids=[case.area_id], target=case)
        return self.retrieve(request, *args, **kwargs)
