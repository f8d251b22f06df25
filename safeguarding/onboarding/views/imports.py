"""Imports from earlier systems: a panel's historic child deaths and an area's historic serious incidents (each row
checked, then imported as a job), and an area's published review reports."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from safeguarding.child_deaths.models import Panel
from safeguarding.core.forms import add_action_errors

from ..actions import death_imports as actions
from ..forms import DeathImportForm
from ..models import DeathImport, ImportStatus, IncidentImport
from .common import require_perm

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "historic_child_deaths.csv"


def _sealed_import_page(request, actions, owner, batch_model, template, back, context):
    """Check the file (each row's outcome, the file kept sealed), then start the import's job; shared by the
    imports whose files hold identities."""
    form = DeathImportForm(request.POST or None, request.FILES or None)
    rows = batch = None
    owner_field = actions.KIND.owner_field
    if request.method == "POST" and "import" in request.POST:
        batch = get_object_or_404(
            batch_model, pk=request.POST["import"], uploaded_by=request.user, **{owner_field: owner}
        )
        try:
            batch = actions.start_import(request.user, batch)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back)
        messages.success(request, f"The import of {batch.file_name} has started")
        return redirect("jobs:run", pk=batch.run.pk)
    if request.method == "POST" and form.is_valid():
        text = form.text()
        if text is not None:
            try:
                batch, rows = actions.check_upload(request.user, owner, form.name_of_file(), text)
            except ValidationError as error:
                add_action_errors(form, error)
    counts = None
    if rows is not None:
        names = {
            actions.Outcome.CREATE: "create",
            actions.Outcome.ALREADY: "already",
            actions.Outcome.REFUSED: "refused",
        }
        counts = {name: sum(1 for row in rows if row.outcome == outcome) for outcome, name in names.items()}
    return render(
        request,
        template,
        {
            owner_field: owner,
            "form": form,
            "rows": rows,
            "counts": counts,
            "batch": batch,
            "required_columns": actions.REQUIRED_COLUMNS,
            "optional_columns": actions.OPTIONAL_COLUMNS,
            **context,
        },
    )


@login_required
def import_deaths(request, slug):
    panel = get_object_or_404(Panel, slug=slug)
    require_perm(request, "onboarding.import_deaths", panel)
    back = reverse("onboarding:import-deaths", args=[panel.slug])
    return _sealed_import_page(request, actions, panel, DeathImport, "onboarding/import_deaths.html", back, {})


@login_required
def import_incidents(request, slug):
    """An area's historic serious incident notifications: check the file, then import it as a job."""
    from safeguarding.organisations.models import SafeguardingArea

    from ..actions import incident_imports

    area = get_object_or_404(SafeguardingArea, slug=slug)
    require_perm(request, "onboarding.import_incidents", area)
    back = reverse("onboarding:import-incidents", args=[area.slug])
    imports = IncidentImport.objects.filter(area=area).exclude(status=ImportStatus.CHECKED).select_related("run")
    return _sealed_import_page(
        request,
        incident_imports,
        area,
        IncidentImport,
        "onboarding/import_incidents.html",
        back,
        {"imports": imports[:10]},
    )


@login_required
def example_file(request):
    """The example file of the documented layout (synthetic children: no real person)."""
    return FileResponse(EXAMPLE.open("rb"), as_attachment=True, filename=EXAMPLE.name, content_type="text/csv")


@login_required
def import_reports(request, slug):
    """An area's published review reports: check the file, then send them to the national repository."""
    from safeguarding.organisations.models import SafeguardingArea

    from ..actions import report_imports
    from ..forms import CsvUploadForm

    area = get_object_or_404(SafeguardingArea, slug=slug)
    require_perm(request, "onboarding.import_reports", area)
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    rows = text = None
    if request.method == "POST" and form.is_valid():
        text = form.text()
        if text is not None:
            try:
                if form.cleaned_data.get("confirm"):
                    rows = report_imports.import_reports(request.user, area, text)
                    done = sum(1 for row in rows if row.outcome in {"create", "new edition"})
                    messages.success(
                        request, f"{done} report{'s' if done != 1 else ''} sent to the national repository"
                    )
                    return redirect("onboarding:area", slug=area.slug)
                rows = report_imports.check_reports(request.user, area, text)
            except ValidationError as error:
                add_action_errors(form, error)
    counts = None
    if rows is not None:
        counts = {
            "create": sum(1 for row in rows if row.outcome == report_imports.Outcome.CREATE),
            "edition": sum(1 for row in rows if row.outcome == report_imports.Outcome.NEW_EDITION),
            "already": sum(1 for row in rows if row.outcome == report_imports.Outcome.ALREADY),
            "refused": sum(1 for row in rows if row.outcome == report_imports.Outcome.REFUSED),
        }
    return render(
        request,
        "onboarding/import_reports.html",
        {
            "area": area,
            "form": form,
            "rows": rows,
            "counts": counts,
            "content": text if rows is not None else "",
            "file_name": form.name_of_file() if rows is not None else "",
            "columns": report_imports.COLUMNS,
            "optional_columns": report_imports.OPTIONAL,
        },
    )


@login_required
def report_example_file(request):
    """The example file of published review reports (invented texts)."""
    path = EXAMPLE.with_name("published_review_reports.csv")
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name, content_type="text/csv")


@login_required
def incident_example_file(request):
    """The example file of historic serious incident notifications (synthetic children: no real person)."""
    path = EXAMPLE.with_name("historic_serious_incidents.csv")
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name, content_type="text/csv")
