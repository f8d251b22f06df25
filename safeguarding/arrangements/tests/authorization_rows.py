from django.utils import timezone

from safeguarding.core.tests.authorization import EVERYONE, ROLES_IN_A_OR_NATIONAL, SIGNED_IN, expect

EDITORS_OF_A = {"area:area_administrator", "area:lead_chief_officer"}
LEAD_CHIEF_OFFICER_OF_A = {"area:lead_chief_officer"}
NATIONAL = {"national:national_analyst", "national:national_administrator"}
NATIONAL_ADMIN = {"national:national_administrator"}

PAGE_MATRIX = {
    "arrangements:areas": ("GET", expect(SIGNED_IN)),
    "arrangements:area": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:start-draft": ("POST", expect(EDITORS_OF_A)),
    "arrangements:compare": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:version": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:edit-section": ("GET", expect(EDITORS_OF_A)),
    "arrangements:add-evidence": ("GET", expect(EDITORS_OF_A)),
    "arrangements:remove-evidence": ("GET", expect(EDITORS_OF_A)),
    "arrangements:add-agency": ("GET", expect(EDITORS_OF_A)),
    "arrangements:remove-agency": ("GET", expect(EDITORS_OF_A)),
    "arrangements:sign-off": ("GET", expect(LEAD_CHIEF_OFFICER_OF_A)),
    "arrangements:publish": ("GET", expect(EDITORS_OF_A)),
    "arrangements:national-transition": ("GET", expect(NATIONAL)),
    "arrangements:national-transition-csv": ("GET", expect(NATIONAL)),
    "arrangements:national-deadline": ("GET", expect(NATIONAL_ADMIN)),
    "arrangements:funding": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:add-contribution": ("GET", expect(EDITORS_OF_A)),
    "arrangements:change-contribution": ("GET", expect(EDITORS_OF_A)),
    "arrangements:funding-calculator": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:national-funding": ("GET", expect(NATIONAL)),
    "arrangements:effectiveness": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:add-scrutiny": ("GET", expect(EDITORS_OF_A)),
    "arrangements:scrutiny": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:add-measure": ("GET", expect(EDITORS_OF_A)),
    "arrangements:measure": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:add-engagement": ("GET", expect(EDITORS_OF_A)),
    "arrangements:reports": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:report": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:edit-report": ("GET", expect(EDITORS_OF_A)),
    "arrangements:publish-report": ("POST", expect(EDITORS_OF_A)),
    "published:report": ("GET", expect(EVERYONE)),
    "published:report-pdf": ("GET", expect(EVERYONE)),
    "arrangements:meetings": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "arrangements:add-meeting": ("GET", expect(EDITORS_OF_A)),
    "arrangements:add-report-request": ("GET", expect(EDITORS_OF_A)),
    "arrangements:agency-burden": ("GET", expect(SIGNED_IN)),
    "published:list": ("GET", expect(EVERYONE)),
    "published:area": ("GET", expect(EVERYONE)),
    "published:compare": ("GET", expect(EVERYONE)),
    "published:version": ("GET", expect(EVERYONE)),
    "published:pdf": ("GET", expect(EVERYONE)),
}

POST_ALLOWED = {
    "arrangements:start-draft": EDITORS_OF_A,
    "arrangements:edit-section": EDITORS_OF_A,
    "arrangements:add-evidence": EDITORS_OF_A,
    "arrangements:remove-evidence": EDITORS_OF_A,
    "arrangements:add-agency": EDITORS_OF_A,
    "arrangements:remove-agency": EDITORS_OF_A,
    "arrangements:sign-off": LEAD_CHIEF_OFFICER_OF_A,
    "arrangements:publish": EDITORS_OF_A,
    "arrangements:national-deadline": NATIONAL_ADMIN,
    "arrangements:add-contribution": EDITORS_OF_A,
    "arrangements:change-contribution": EDITORS_OF_A,
    "arrangements:add-scrutiny": EDITORS_OF_A,
    "arrangements:scrutiny": EDITORS_OF_A,
    "arrangements:add-measure": EDITORS_OF_A,
    "arrangements:measure": EDITORS_OF_A,
    "arrangements:add-engagement": EDITORS_OF_A,
    "arrangements:reports": EDITORS_OF_A,
    "arrangements:edit-report": EDITORS_OF_A,
    "arrangements:publish-report": EDITORS_OF_A,
    "arrangements:add-meeting": EDITORS_OF_A,
    "arrangements:add-report-request": EDITORS_OF_A,
}


def url_kwargs(world):
    """Area A has version 1 published and version 2 in draft, with evidence and an agency."""
    from safeguarding.arrangements.actions import drafts
    from safeguarding.arrangements.models import (
        ArrangementsVersion,
        Evidence,
        FundingContribution,
        OutcomeMeasure,
        RelevantAgency,
        ScrutinyActivity,
        VersionStatus,
        YearlyReport,
    )
    from safeguarding.organisations.factories import OrganisationFactory
    from safeguarding.organisations.models import OrganisationKind

    editor = world.people["area:area_administrator"]
    first = drafts.start_draft(editor, world.area)
    ArrangementsVersion.objects.filter(pk=first.pk).update(
        status=VersionStatus.PUBLISHED, published_at=timezone.now(), published_by=editor
    )
    draft = drafts.start_draft(editor, world.area)
    section = draft.sections.get(key="independent-scrutiny")
    evidence = Evidence.objects.create(section=section, title="Audit", url="https://example.org/a", added_by=editor)
    agency_org = OrganisationFactory(kind=OrganisationKind.SCHOOL, name="Matrix Academy Trust")
    world.area.partners.add(agency_org)
    agency = RelevantAgency.objects.create(document=draft, organisation=agency_org, role="Designated leads")
    contribution = FundingContribution.objects.create(
        area=world.area, organisation=agency_org, year=2026, money=1000, recorded_by=editor
    )
    activity = ScrutinyActivity.objects.create(
        area=world.area,
        kind="inspection",
        title="Joint targeted area inspection",
        carried_out_on="2026-05-01",
        carried_out_by="Inspectorates",
        findings="Findings",
        recorded_by=editor,
    )
    measure = OutcomeMeasure.objects.create(area=world.area, name="Re-referrals", unit="%", recorded_by=editor)
    # 2024's report is published (the public page); 2025's is a draft (the editing pages).
    YearlyReport.objects.create(
        area=world.area, year=2024, status="published", published_at=timezone.now(), introduction="x", created_by=editor
    )
    YearlyReport.objects.create(area=world.area, year=2025, introduction="Draft", created_by=editor)
    at_draft = {"slug": world.area.slug, "number": draft.number}
    at_published = {"slug": world.area.slug, "number": first.number}
    return {
        "arrangements:area": {"slug": world.area.slug},
        "arrangements:start-draft": {"slug": world.area.slug},
        "arrangements:compare": {"slug": world.area.slug},
        "arrangements:version": at_draft,
        "arrangements:edit-section": {**at_draft, "key": section.key},
        "arrangements:add-evidence": {**at_draft, "key": section.key},
        "arrangements:remove-evidence": {**at_draft, "pk": evidence.pk},
        "arrangements:add-agency": at_draft,
        "arrangements:remove-agency": {**at_draft, "pk": agency.pk},
        "arrangements:sign-off": at_draft,
        "arrangements:publish": at_draft,
        "arrangements:funding": {"slug": world.area.slug},
        "arrangements:add-contribution": {"slug": world.area.slug},
        "arrangements:change-contribution": {"slug": world.area.slug, "pk": contribution.pk},
        "arrangements:funding-calculator": {"slug": world.area.slug},
        "arrangements:effectiveness": {"slug": world.area.slug},
        "arrangements:add-scrutiny": {"slug": world.area.slug},
        "arrangements:scrutiny": {"slug": world.area.slug, "pk": activity.pk},
        "arrangements:add-measure": {"slug": world.area.slug},
        "arrangements:measure": {"slug": world.area.slug, "pk": measure.pk},
        "arrangements:add-engagement": {"slug": world.area.slug},
        "arrangements:reports": {"slug": world.area.slug},
        "arrangements:report": {"slug": world.area.slug, "year": 2025},
        "arrangements:edit-report": {"slug": world.area.slug, "year": 2025},
        "arrangements:publish-report": {"slug": world.area.slug, "year": 2025},
        "published:report": {"slug": world.area.slug, "year": 2024},
        "published:report-pdf": {"slug": world.area.slug, "year": 2024},
        "arrangements:meetings": {"slug": world.area.slug},
        "arrangements:add-meeting": {"slug": world.area.slug},
        "arrangements:add-report-request": {"slug": world.area.slug},
        "published:area": {"slug": world.area.slug},
        "published:compare": {"slug": world.area.slug},
        "published:version": at_published,
        "published:pdf": at_published,
    }
