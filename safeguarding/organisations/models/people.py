"""People who use the service, and the roles they hold for an organisation in an area or nationally."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from safeguarding.core.scoping import AreaScopedQuerySet


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person, identified by their work email address."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May use the Django admin site")
    is_demo = models.BooleanField(
        default=False, help_text="Created by seed_demo; refused at sign-in unless DEMO_ACCOUNTS_ENABLED"
    )
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Role(models.TextChoices):
    AREA_ADMINISTRATOR = "area_administrator", "Area administrator"
    LEAD_CHIEF_OFFICER = "lead_chief_officer", "Lead chief officer"
    PRACTITIONER = "practitioner", "Practitioner"
    RAPID_INQUIRY_LEAD = "rapid_inquiry_lead", "Rapid inquiry lead"
    REVIEWER = "reviewer", "Reviewer"
    PANEL_MEMBER = "panel_member", "Child death review panel member"
    PANEL_MANAGER = "panel_manager", "Panel manager"
    NATIONAL_ANALYST = "national_analyst", "National analyst"
    NATIONAL_ADMINISTRATOR = "national_administrator", "National administrator"


# Roles held for the whole of England rather than for one area.
NATIONAL_ROLES = frozenset({Role.NATIONAL_ANALYST, Role.NATIONAL_ADMINISTRATOR})


class MembershipQuerySet(AreaScopedQuerySet):
    """Memberships, scoped by area. National analysts do not see every area's people."""

    national_roles_see_all = False


class Membership(models.Model):
    """A person holds a role for an organisation, either in one safeguarding area or nationally (area empty)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="memberships")
    area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["user", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "area", "role"],
                condition=models.Q(area__isnull=False),
                name="unique_area_membership",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                condition=models.Q(area__isnull=True),
                name="unique_national_membership",
            ),
            # National roles are held without an area; every other role needs one.
            models.CheckConstraint(
                condition=(
                    models.Q(role__in=sorted(NATIONAL_ROLES), area__isnull=True)
                    | (~models.Q(role__in=sorted(NATIONAL_ROLES)) & models.Q(area__isnull=False))
                ),
                name="membership_area_matches_role_scope",
            ),
        ]

    def __str__(self):
        where = self.area.name if self.area_id else "England"
        return f"{self.user} — {self.get_role_display()}, {self.organisation} ({where})"

    @property
    def is_national(self):
        return self.area_id is None
