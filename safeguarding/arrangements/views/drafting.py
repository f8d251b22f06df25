"""A version's page, and editing a draft: sections, evidence and relevant agencies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from safeguarding.core.forms import add_action_errors

from ..actions import drafts, publication
from ..completeness import gaps
from ..forms import EvidenceForm, RelevantAgencyForm, SectionForm, SignOffForm
from ..models import Evidence, RelevantAgency, Section, SignOff
from .common import area_for, cleared_message, version_for


@login_required
def version_detail(request, slug, number):
    area = area_for(request, slug)
    version = version_for(request, area, number)
    sections = Section.objects.visible_to(request.user).filter(document=version).prefetch_related("evidence")
    sign_offs = (
        SignOff.objects.visible_to(request.user).filter(document=version).select_related("organisation", "signed_by")
    )
    standing = [s for s in sign_offs if s.cleared_at is None]
    membership = publication.partner_membership(request.user, area)
    signed_kinds = {s.partner_kind for s in standing}
    context = {
        "area": area,
        "version": version,
        "sections": sections,
        "agencies": RelevantAgency.objects.visible_to(request.user)
        .filter(document=version)
        .select_related("organisation"),
        "standing_sign_offs": standing,
        "cleared_sign_offs": [s for s in sign_offs if s.cleared_at is not None],
        "missing_partners": publication.missing_partners(version),
        "gaps": gaps(version) if version.is_draft else [],
        "may_edit": version.is_draft and request.user.has_perm("arrangements.edit", area),
        "may_sign": version.is_draft
        and membership is not None
        and membership.organisation.kind not in signed_kinds
        and request.user.has_perm("arrangements.sign_off", area),
        "may_publish": version.is_draft and request.user.has_perm("arrangements.publish", area),
        "status_changes": version.status_changes.select_related("changed_by"),
        "partner_kinds": SignOff.PARTNER_KINDS,
    }
    return render(request, "arrangements/version_detail.html", context)


def _editable_version(request, slug, number):
    area = area_for(request, slug, "arrangements.edit")
    version = version_for(request, area, number)
    if not version.is_draft:
        raise Http404
    return area, version


@login_required
@require_POST
def start_draft(request, slug):
    area = area_for(request, slug, "arrangements.edit")
    try:
        draft = drafts.start_draft(request.user, area)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("arrangements:area", slug=area.slug)
    messages.success(request, f"Version {draft.number} started as a draft.")
    return redirect("arrangements:version", slug=area.slug, number=draft.number)


@login_required
@require_http_methods(["GET", "POST"])
def edit_section(request, slug, number, key):
    area, version = _editable_version(request, slug, number)
    section = get_object_or_404(Section.objects.visible_to(request.user), document=version, key=key)
    form = SectionForm(
        request.POST if request.method == "POST" else None, initial={"body": section.body, "version": section.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            cleared = drafts.edit_section(
                request.user, section, body=form.cleaned_data["body"], expected_version=form.cleaned_data["version"]
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"{section.title} saved.{cleared_message(cleared)}")
            return redirect(f"{version_url(area, version)}#section-{section.key}")
    return render(
        request,
        "arrangements/section_edit.html",
        {"area": area, "version": version, "section": section, "form": form, "definition": section.definition},
    )


def version_url(area, version):
    from django.urls import reverse

    return reverse("arrangements:version", kwargs={"slug": area.slug, "number": version.number})


@login_required
@require_http_methods(["GET", "POST"])
def add_evidence(request, slug, number, key):
    area, version = _editable_version(request, slug, number)
    section = get_object_or_404(Section.objects.visible_to(request.user), document=version, key=key)
    form = EvidenceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            cleared = drafts.add_evidence(request.user, section, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Evidence added to {section.title}.{cleared_message(cleared)}")
            return redirect(f"{version_url(area, version)}#section-{section.key}")
    return render(
        request, "arrangements/evidence_add.html", {"area": area, "version": version, "section": section, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove_evidence(request, slug, number, pk):
    area, version = _editable_version(request, slug, number)
    item = get_object_or_404(Evidence.objects.visible_to(request.user), section__document=version, pk=pk)
    if request.method == "POST":
        section = item.section
        try:
            cleared = drafts.remove_evidence(request.user, item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Evidence removed from {section.title}.{cleared_message(cleared)}")
        return redirect(f"{version_url(area, version)}#section-{section.key}")
    return render(request, "arrangements/evidence_remove.html", {"area": area, "version": version, "item": item})


@login_required
@require_http_methods(["GET", "POST"])
def add_agency(request, slug, number):
    area, version = _editable_version(request, slug, number)
    form = RelevantAgencyForm(request.POST if request.method == "POST" else None, area=area)
    if request.method == "POST" and form.is_valid():
        try:
            cleared = drafts.add_relevant_agency(request.user, version, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            name = form.cleaned_data["organisation"].name
            messages.success(request, f"{name} added to the relevant agencies.{cleared_message(cleared)}")
            return redirect(f"{version_url(area, version)}#relevant-agencies")
    return render(request, "arrangements/agency_add.html", {"area": area, "version": version, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def remove_agency(request, slug, number, pk):
    area, version = _editable_version(request, slug, number)
    agency = get_object_or_404(RelevantAgency.objects.visible_to(request.user), document=version, pk=pk)
    if request.method == "POST":
        name = agency.organisation.name
        try:
            cleared = drafts.remove_relevant_agency(request.user, agency)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{name} removed from the relevant agencies.{cleared_message(cleared)}")
        return redirect(f"{version_url(area, version)}#relevant-agencies")
    return render(request, "arrangements/agency_remove.html", {"area": area, "version": version, "agency": agency})


@login_required
@require_http_methods(["GET", "POST"])
def sign_off(request, slug, number):
    area = area_for(request, slug, "arrangements.sign_off")
    version = version_for(request, area, number)
    membership = publication.partner_membership(request.user, area)
    if not version.is_draft or membership is None:
        raise Http404
    form = SignOffForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            publication.sign_off(request.user, version)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"You signed off version {version.number} for {membership.organisation.name}.")
            return redirect("arrangements:version", slug=area.slug, number=version.number)
    return render(
        request,
        "arrangements/sign_off.html",
        {
            "area": area,
            "version": version,
            "form": form,
            "membership": membership,
            "gaps": gaps(version),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def publish(request, slug, number):
    area = area_for(request, slug, "arrangements.publish")
    version = version_for(request, area, number)
    if not version.is_draft:
        raise Http404
    errors = []
    if request.method == "POST":
        try:
            publication.publish(request.user, version)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, f"Version {version.number} is published. Anyone can now read it.")
            return redirect("arrangements:version", slug=area.slug, number=version.number)
    return render(
        request,
        "arrangements/publish.html",
        {
            "area": area,
            "version": version,
            "errors": errors,
            "missing_partners": publication.missing_partners(version),
            "gaps": gaps(version),
        },
    )
