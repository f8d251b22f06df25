"""Setting up a child death overview panel over one or more areas, and changing its footprint with history.

Visibility follows the footprint: the panel's people see the deaths of children resident in its areas and,
pseudonymised, the deaths that happened there (child_deaths.models.cases.panel_area_ids reads it live). Cases
already opened keep the panel they were opened with.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from safeguarding.child_deaths.models import Panel
from safeguarding.core import audit

from ..models import PanelChange
from ..population import children_in
from .areas import merged_into
from .common import effective_date, require


def _check_areas_free(areas, *, except_panel=None, field="areas"):
    errors = []
    for area in areas:
        successor = merged_into(area)
        if successor is not None:
            errors.append(f"{area.name} has merged into {successor.name}: choose {successor.name}")
            continue
        others = Panel.objects.filter(areas=area)
        if except_panel is not None:
            others = others.exclude(pk=except_panel.pk)
        holder = others.first()
        if holder is not None:
            errors.append(
                f"{area.name} is already covered by {holder.name}: an area's deaths are reviewed by one panel. "
                f"Take it out of {holder.name} first"
            )
    if errors:
        raise ValidationError({field: errors})


def _dated(panel, effective_on, today):
    """The change's date: not in the future, and not before the panel was set up."""
    effective_on = effective_date(effective_on, today)
    formed = panel.changes.filter(kind=PanelChange.Kind.FORMED).values_list("effective_on", flat=True).first()
    if formed is not None and effective_on < formed:
        raise ValidationError(
            {"effective_on": f"The change cannot take effect before {panel.name} was set up on {formed:%-d %B %Y}"}
        )
    return effective_on


def _record(panel, kind, description, admin, effective_on, area=None):
    return PanelChange.objects.create(
        panel=panel,
        kind=kind,
        area=area,
        effective_on=effective_on,
        description=description[:500],
        children=children_in(panel.areas.all())[0],
        made_by=admin,
    )


def form_panel(admin, *, name, areas, effective_on=None, today=None):
    require(admin, "onboarding.form_panel", message="Only a national administrator sets up a panel")
    name = (name or "").strip()
    areas = list(areas or [])
    errors = {}
    if not name:
        errors["name"] = "Enter the panel's name"
    elif Panel.objects.filter(name__iexact=name).exists():
        errors["name"] = f"There is already a panel called {name}: choose another name"
    if not areas:
        errors["areas"] = "Choose at least one safeguarding area"
    if errors:
        raise ValidationError(errors)
    effective_on = effective_date(effective_on, today)
    _check_areas_free(areas)
    base = slugify(name)[:90] or "panel"
    slug, n = base, 2
    while Panel.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    with transaction.atomic():
        panel = Panel.objects.create(name=name, slug=slug)
        panel.areas.set(areas)
        names = ", ".join(area.name for area in areas)
        change = _record(panel, PanelChange.Kind.FORMED, f"Set up for {names}", admin, effective_on)
        audit.record(admin, "panel.formed", panel, {"areas": [area.pk for area in areas], "children": change.children})
    return panel


def add_area(admin, panel, area, *, effective_on=None, today=None):
    require(admin, "onboarding.form_panel", message="Only a national administrator changes a panel")
    if panel.areas.filter(pk=area.pk).exists():
        raise ValidationError({"area": f"{area.name} is already covered by {panel.name}"})
    effective_on = _dated(panel, effective_on, today)
    _check_areas_free([area], field="area")
    with transaction.atomic():
        panel.areas.add(area)
        change = _record(panel, PanelChange.Kind.AREA_JOINED, f"{area.name} joined", admin, effective_on, area)
        audit.record(admin, "panel.area_joined", panel, {"area": area.pk, "children": change.children}, area=area)
    return panel


def remove_area(admin, panel, area, *, effective_on=None, today=None):
    require(admin, "onboarding.form_panel", message="Only a national administrator changes a panel")
    if not panel.areas.filter(pk=area.pk).exists():
        raise ValidationError({"area": f"{area.name} is not covered by {panel.name}"})
    if panel.areas.count() == 1:
        raise ValidationError({"area": f"{area.name} is the only area {panel.name} covers: a panel needs one"})
    effective_on = _dated(panel, effective_on, today)
    with transaction.atomic():
        panel.areas.remove(area)
        change = _record(panel, PanelChange.Kind.AREA_LEFT, f"{area.name} left", admin, effective_on, area)
        audit.record(admin, "panel.area_left", panel, {"area": area.pk, "children": change.children}, area=area)
    return panel
