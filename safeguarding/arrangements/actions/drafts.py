"""Drafting: starting a version and editing its sections, evidence and relevant agencies.

Any change to a draft's content clears the lead chief officers' sign-offs of that draft, so what
they signed is always exactly what is published.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged

from ..models import ArrangementsVersion, Evidence, RelevantAgency, Section, SignOff, VersionStatus
from ..sections import SECTIONS, SECTIONS_BY_KEY

EDIT = "arrangements.edit"


def _require(user, perm, area):
    if not user.has_perm(perm, area):
        raise PermissionDenied


def _require_draft(version):
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(
            f"Version {version.number} is {version.get_status_display().lower()}: it cannot be changed. "
            "Start a new draft to make changes."
        )


def _locked_draft(version_id):
    """The version, locked for this transaction and re-read, so a draft published a moment ago by
    someone else is not edited through a stale copy."""
    version = ArrangementsVersion.objects.select_for_update().get(pk=version_id)
    _require_draft(version)
    return version


def clear_sign_offs(version, because):
    """Clears the draft's standing sign-offs; returns the partner labels cleared (for the message)."""
    order = [kind for kind, _ in SignOff.PARTNER_KINDS]
    standing = sorted(SignOff.objects.standing().filter(document=version), key=lambda s: order.index(s.partner_kind))
    now = timezone.now()
    for sign_off in standing:
        sign_off.cleared_at = now
        sign_off.cleared_because = because[:200]
        sign_off.save(update_fields=["cleared_at", "cleared_because"])
    return [sign_off.get_partner_kind_display() for sign_off in standing]


def start_draft(user, area):
    """A new draft: a copy of the area's latest version, or empty sections for the first one."""
    _require(user, EDIT, area)
    with transaction.atomic():
        versions = ArrangementsVersion.objects.select_for_update().filter(area=area)
        if versions.filter(status=VersionStatus.DRAFT).exists():
            raise ValidationError("There is already a draft of these arrangements: edit that draft instead.")
        latest = versions.order_by("-number").first()
        draft = ArrangementsVersion.objects.create(
            area=area, number=(latest.number + 1) if latest else 1, created_by=user
        )
        if latest is None:
            for position, definition in enumerate(SECTIONS, start=1):
                Section.objects.create(document=draft, key=definition.key, position=position, title=definition.title)
        else:
            _copy_content(latest, draft)
        audit.record(
            user,
            "arrangements.draft_started",
            draft,
            {"number": draft.number, "copied_from": latest.number if latest else None},
            area=area,
        )
    return draft


def _copy_content(source, draft):
    for section in source.sections.prefetch_related("evidence"):
        copy = Section.objects.create(
            document=draft, key=section.key, position=section.position, title=section.title, body=section.body
        )
        for item in section.evidence.all():
            Evidence.objects.create(section=copy, title=item.title, url=item.url, added_by=item.added_by)
    # Sections added to the national list since the source was written join the new draft empty.
    present = set(draft.sections.values_list("key", flat=True))
    for position, definition in enumerate(SECTIONS, start=1):
        if definition.key not in present:
            Section.objects.create(document=draft, key=definition.key, position=position, title=definition.title)
    for agency in source.relevant_agencies.all():
        RelevantAgency.objects.create(document=draft, organisation=agency.organisation, role=agency.role)


def check_size(section, body):
    definition = SECTIONS_BY_KEY.get(section.key)
    limit = definition.max_characters if definition else 12000
    if len(body) > limit:
        raise ValidationError(
            {
                "body": f"{section.title} must be {limit:,} characters or fewer; "
                f"it is {len(body):,} characters. Move detail into evidence documents."
            }
        )


def edit_section(user, section, *, body, expected_version):
    """Saves a section's text. Refused if someone saved it since `expected_version` (StaleEdit)."""
    _require(user, EDIT, section.document.area)
    check_size(section, body)
    with transaction.atomic():
        version = _locked_draft(section.document_id)
        section.body, section.updated_by = body, user
        save_if_unchanged(section, expected_version, ["body", "updated_by"])
        cleared = clear_sign_offs(version, f"{section.title} was changed")
        audit.record(
            user,
            "arrangements.section_edited",
            section,
            {"version": version.number, "section": section.key, "characters": len(body), "cleared": cleared},
            area=version.area,
        )
    return cleared


def add_evidence(user, section, *, title, url):
    _require(user, EDIT, section.document.area)
    with transaction.atomic():
        version = _locked_draft(section.document_id)
        item = Evidence.objects.create(section=section, title=title, url=url, added_by=user)
        cleared = clear_sign_offs(version, f"evidence was added to {section.title}")
        audit.record(
            user,
            "arrangements.evidence_added",
            item,
            {"version": version.number, "section": section.key, "cleared": cleared},
            area=version.area,
        )
    return cleared


def remove_evidence(user, item):
    section = item.section
    _require(user, EDIT, section.document.area)
    with transaction.atomic():
        version = _locked_draft(section.document_id)
        audit.record(
            user,
            "arrangements.evidence_removed",
            item,
            {"version": version.number, "section": section.key},
            area=version.area,
        )
        item.delete()
        return clear_sign_offs(version, f"evidence was removed from {section.title}")


def add_relevant_agency(user, version, *, organisation, role):
    _require(user, EDIT, version.area)
    if organisation.is_statutory_partner:
        raise ValidationError(
            {"organisation": "Choose a relevant agency: the three safeguarding partners sign the document instead"}
        )
    if RelevantAgency.objects.filter(document=version, organisation=organisation).exists():
        raise ValidationError({"organisation": f"{organisation.name} is already listed in this version"})
    with transaction.atomic():
        version = _locked_draft(version.pk)
        agency = RelevantAgency.objects.create(document=version, organisation=organisation, role=role)
        cleared = clear_sign_offs(version, f"{organisation.name} was added as a relevant agency")
        audit.record(
            user,
            "arrangements.agency_added",
            agency,
            {"version": version.number, "organisation": organisation.pk, "cleared": cleared},
            area=version.area,
        )
    return cleared


def remove_relevant_agency(user, agency):
    _require(user, EDIT, agency.document.area)
    with transaction.atomic():
        version = _locked_draft(agency.document_id)
        audit.record(
            user,
            "arrangements.agency_removed",
            agency,
            {"version": version.number, "organisation": agency.organisation_id},
            area=version.area,
        )
        name = agency.organisation.name
        agency.delete()
        return clear_sign_offs(version, f"{name} was removed from the relevant agencies")
