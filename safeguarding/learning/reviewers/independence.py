"""Who may lead or sit on an inquiry: accredited, available and independent (Wood rec 22, para 173).

Other apps call `check` (LLI set-up, the NSCI team) and `eligible_reviewers` (the choices they offer).
A reviewer is not independent of an area or agency they worked for within the last N years, where N is
the policy setting `reviewer-independence-years`: an agency counts if it is one of the inquiry's
organisations or a partner of one of its areas. The roles a reviewer holds on the platform count as current
employment too, whatever employment they declared: a role is held for an organisation, and that organisation
employs them. The reviewer role's area alone does not count (it is how an inquiry's reviewer reaches the
area's cases); any other role held in one of the inquiry's areas does.
"""

from django.utils import timezone

from safeguarding.core.clocks.deadlines import setting
from safeguarding.organisations.models import Role, SafeguardingArea

from .dates import long_date, years_before
from .models import Availability, Reviewer

INDEPENDENCE_YEARS_KEY = "reviewer-independence-years"


def _pk(obj):
    return getattr(obj, "pk", obj)


class _Inquiry:
    """The areas and agencies an inquiry involves, read once for many reviewers."""

    def __init__(self, areas, organisations, on):
        self.on = on or timezone.localdate()
        self.area_ids = {_pk(a) for a in areas if a is not None}
        self.organisation_ids = {_pk(o) for o in organisations if o is not None}
        self.partner_ids = set(
            SafeguardingArea.partners.through.objects.filter(safeguardingarea_id__in=self.area_ids).values_list(
                "organisation_id", flat=True
            )
        )
        self.years = int(setting(INDEPENDENCE_YEARS_KEY))
        self.window_starts = years_before(self.on, self.years)

    def involves(self, employment):
        if employment.area_id and employment.area_id in self.area_ids:
            return True
        org_id = employment.organisation_id
        return bool(org_id) and (org_id in self.organisation_ids or org_id in self.partner_ids)

    def employs(self, membership):
        org_id = membership.organisation_id
        if org_id in self.organisation_ids or org_id in self.partner_ids:
            return True
        return membership.role != Role.REVIEWER and membership.area_id in self.area_ids

    def reasons(self, reviewer):
        on = self.on
        reasons = []
        if reviewer.current_accreditation(on) is None:
            latest = reviewer.latest_accreditation()
            if latest is None:
                reasons.append("No accreditation recorded")
            elif latest.accredited_on > on:
                reasons.append(f"Not accredited until {long_date(latest.accredited_on)}")
            else:
                reasons.append(f"Accreditation expired on {long_date(latest.expires_on)}")
        for job in sorted(reviewer.employments.all(), key=lambda e: e.started_on):
            if job.started_on > on or not self.involves(job):
                continue
            if job.ended_on is None or job.ended_on >= on:
                reasons.append(f"Works for {job.employer} (since {long_date(job.started_on)}): current employment")
            elif job.ended_on > self.window_starts:
                reasons.append(
                    f"Worked for {job.employer} until {long_date(job.ended_on)}: less than {self.years} years ago"
                )
        for membership in _memberships(reviewer):
            if self.employs(membership):
                where = f" in {membership.area.name}" if membership.area_id else ""
                reasons.append(
                    f"Holds the role of {membership.get_role_display().lower()} for {membership.organisation.name}"
                    f"{where}: current employment"
                )
        if reviewer.availability == Availability.NOT_AVAILABLE and not (
            reviewer.available_from and reviewer.available_from <= on
        ):
            when = f" until {long_date(reviewer.available_from)}" if reviewer.available_from else ""
            reasons.append(f"Not available{when}")
        return reasons


def _memberships(reviewer):
    """The person's current roles, in a stable order (prefetched by `register`)."""
    memberships = reviewer.user.memberships.all()
    return sorted(memberships, key=lambda m: (m.organisation.name, m.area.name if m.area_id else "", m.role))


def check(reviewer, *, areas=(), organisations=(), on=None):
    """The reasons `reviewer` may not lead or sit on an inquiry into `areas`/`organisations` on `on`.

    An empty list means eligible. `areas` and `organisations` take instances or primary keys.
    """
    return _Inquiry(areas, organisations, on).reasons(reviewer)


def eligible_reviewers(*, areas=(), organisations=(), on=None):
    """(eligible reviewers, [(excluded reviewer, reasons)]) among the register's active people, by name."""
    inquiry = _Inquiry(areas, organisations, on)
    eligible, excluded = [], []
    for reviewer in register():
        reasons = inquiry.reasons(reviewer)
        if reasons:
            excluded.append((reviewer, reasons))
        else:
            eligible.append(reviewer)
    return eligible, excluded


def register():
    """Every reviewer whose account is active, with what the checks read."""
    return (
        Reviewer.objects.filter(user__is_active=True)
        .select_related("user")
        .prefetch_related(
            "accreditations",
            "employments__organisation",
            "employments__area",
            "user__memberships__organisation",
            "user__memberships__area",
        )
    )


def reviewer_for_user(user):
    """The register entry of a person, or None."""
    if user is None or not getattr(user, "pk", None):
        return None
    return Reviewer.objects.filter(user_id=user.pk).select_related("user").first()
