"""Whether each panel covers enough children to see patterns (Wood Report para 182)."""

from dataclasses import dataclass

from safeguarding.core.clocks.deadlines import setting
from safeguarding.organisations.populations import children_of_area_groups

from .models import Panel

MINIMUM_SETTING = "panel-minimum-population"


@dataclass(frozen=True)
class PanelPopulation:
    panel: Panel
    children: int
    year: int | None
    minimum: int

    @property
    def below_minimum(self):
        return self.children < self.minimum

    @property
    def shortfall(self):
        return max(self.minimum - self.children, 0)


def panel_populations():
    """Every panel with the children (0-17) it covers, smallest first."""
    minimum = setting(MINIMUM_SETTING)
    panels = list(Panel.objects.prefetch_related("areas"))
    counted = children_of_area_groups({panel.pk: panel.areas.all() for panel in panels})
    rows = [PanelPopulation(panel, *counted[panel.pk], minimum) for panel in panels]
    return sorted(rows, key=lambda row: (row.children, row.panel.name))


def panels_below_minimum():
    return [row for row in panel_populations() if row.below_minimum]
