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
}


def url_kwargs(world):
    """Area A has version 1 published and version 2 in draft, with evidence and an agency."""
    from safeguarding.arrangements.actions import drafts
    from safeguarding.arrangements.models import ArrangementsVersion, Evidence, RelevantAgency, VersionStatus
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
        "published:area": {"slug": world.area.slug},
        "published:compare": {"slug": world.area.slug},
        "published:version": at_published,
        "published:pdf": at_published,
    }
