"""A child's death under review, its add-only status history, and who may see it."""

from django.db import models
from django.db.models import Q

from safeguarding.core.scoping import AreaScopedQuerySet
from safeguarding.core.state_machine import StatusChangeBase
from safeguarding.organisations.models import Role

from .vocabulary import AgeBand, Category, EthnicityGroup, Expectation, PlaceOfDeath, Sex

PANEL_ROLES = frozenset({Role.PANEL_MEMBER, Role.PANEL_MANAGER})


class CaseStatus(models.TextChoices):
    NOTIFIED = "notified", "Notified"
    JOINT_AGENCY_RESPONSE = "joint_agency_response", "Joint agency response"
    GATHERING_INFORMATION = "gathering_information", "Gathering information"
    REVIEW_MEETING = "review_meeting", "Review meeting held"
    PANEL_REVIEW = "panel_review", "Panel review"
    CLOSED = "closed", "Closed"
    MERGED = "merged", "Linked into another case"


# A case in these states has nothing left to do (the open cases' partial indexes are over the rest).
CLOSED_STATES = [CaseStatus.CLOSED, CaseStatus.MERGED]


def panel_area_ids(user):
    """Areas covered by the panels of the areas where the person is a panel member or manager."""
    from safeguarding.core import permissions

    from .panels import Panel

    own = permissions.area_ids_with_role(user, PANEL_ROLES)
    if not own:
        return set()
    panels = Panel.objects.filter(areas__in=own).values("pk")
    # A separate query, not values_list("areas") on the filtered panels: that would reuse the filter's join
    # and return only the person's own areas.
    covered = Panel.areas.through.objects.filter(panel_id__in=panels).values_list("safeguardingarea_id", flat=True)
    return set(covered) | own


class ChildDeathCaseQuerySet(AreaScopedQuerySet):
    """A death is seen by the roles of the child's area of residence, by the panels covering it, and,
    pseudonymised, by the panel of the place of death (a regional children's hospital sees its whole
    picture). National roles see every case, pseudonymised."""

    def visible_to(self, user):
        from safeguarding.core import permissions

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if permissions.national_roles(user):
            return self.all()
        panel_areas = panel_area_ids(user)
        return self.filter(
            Q(area__in=permissions.area_ids_with_role(user))
            | Q(area__in=panel_areas)
            | Q(place_of_death_area__in=panel_areas)
        )

    def open(self):
        return self.exclude(status__in=CLOSED_STATES)

    def counted(self):
        """Cases that count in statistics: not linked into another, and not marked as not genuine."""
        return self.exclude(status=CaseStatus.MERGED).exclude(not_genuine=True)


class ChildDeathCase(models.Model):
    """One child's death. Identity lives in core.identity: the case holds the pseudonymised child
    and derived, non-identifying facts (age band, sex, ethnicity group)."""

    reference = models.CharField(max_length=20, unique=True, help_text="Like CD-2026-0042")
    child = models.ForeignKey("identity.ChildIdentity", on_delete=models.PROTECT, related_name="child_death_cases")
    area = models.ForeignKey(
        "organisations.SafeguardingArea",
        on_delete=models.PROTECT,
        related_name="child_death_cases",
        help_text="The area where the child normally lived",
    )
    panel = models.ForeignKey(
        "child_deaths.Panel", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    place_of_death_area = models.ForeignKey(
        "organisations.SafeguardingArea",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="child_deaths_in_area",
        help_text="Empty when the child died abroad",
    )
    place_of_death = models.CharField(max_length=20, choices=PlaceOfDeath.choices)
    hospital_name = models.CharField(max_length=200, blank=True)
    date_of_death = models.DateField()
    time_of_death = models.TimeField(null=True, blank=True)
    age_days = models.PositiveIntegerField(help_text="Age at death in days")
    age_years = models.PositiveSmallIntegerField(help_text="Age at death in completed years")
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    sex = models.CharField(max_length=15, choices=Sex.choices)
    ethnicity_group = models.CharField(max_length=15, choices=EthnicityGroup.choices)
    expectation = models.CharField(max_length=12, choices=Expectation.choices)
    jar_criteria = models.JSONField(default=list, blank=True, help_text="Values of JarCriterion")
    circumstances = models.TextField()
    status = models.CharField(max_length=30, choices=CaseStatus.choices, default=CaseStatus.NOTIFIED)
    notified_on = models.DateField()
    # Every notification of this case was marked not genuine: kept and audited, left out of statistics.
    not_genuine = models.BooleanField(default=False)
    national_database_informed_on = models.DateField(null=True, blank=True)
    category = models.CharField(max_length=2, choices=Category.choices, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_cases"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    # Every save moves it (see save()), so an integrating system follows changes with `updated_since`.
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = ChildDeathCaseQuerySet.as_manager()

    class Meta:
        ordering = ["-date_of_death", "-pk"]
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["date_of_death"]),
            # The open cases of a few areas (task lists, the header's count on every page a panel manager opens)
            # among the closed ones of every year: without these, each such page read ~2,000 table blocks.
            models.Index(fields=["area"], condition=~models.Q(status__in=CLOSED_STATES), name="open_case_area"),
            models.Index(fields=["panel"], condition=~models.Q(status__in=CLOSED_STATES), name="open_case_panel"),
            models.Index(
                fields=["place_of_death_area"], condition=~models.Q(status__in=CLOSED_STATES), name="open_case_place"
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        # auto_now is written only if listed: a save of some fields is still a change of the case.
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.status not in {CaseStatus.CLOSED, CaseStatus.MERGED}

    @property
    def needs_joint_agency_response(self):
        return self.expectation == Expectation.UNEXPECTED or bool(self.jar_criteria)

    @property
    def nation(self):
        return self.area.nation


class CaseStatusChange(StatusChangeBase):
    case = models.ForeignKey(ChildDeathCase, related_name="status_changes", on_delete=models.PROTECT)
