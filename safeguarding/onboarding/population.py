"""Children covered by a set of areas, against the policy minimum a panel should cover (Wood Report para 182)."""

from dataclasses import dataclass

from safeguarding.child_deaths.populations import MINIMUM_SETTING
from safeguarding.core.clocks.deadlines import setting
from safeguarding.organisations.populations import children_of_area_groups


@dataclass(frozen=True)
class Coverage:
    children: int
    year: int | None
    minimum: int

    @property
    def below_minimum(self):
        return self.children < self.minimum

    @property
    def shortfall(self):
        return max(self.minimum - self.children, 0)

    @property
    def children_text(self):
        return f"{self.children:,}"

    @property
    def minimum_text(self):
        return f"{self.minimum:,}"

    @property
    def shortfall_text(self):
        return f"{self.shortfall:,}"


def children_in(areas):
    """(children aged 0-17, year) over the areas' local authorities, from the latest year with a figure for all."""
    return children_of_area_groups({"areas": areas})["areas"]


def coverage_of(areas):
    children, year = children_in(areas)
    return Coverage(children, year, int(setting(MINIMUM_SETTING)))


def coverage_by_panel(panels):
    """{panel id: Coverage} for a list of panels: counted together and the minimum read once, not per panel."""
    counted = children_of_area_groups({panel.pk: panel.areas.all() for panel in panels})
    minimum = int(setting(MINIMUM_SETTING))
    return {panel.pk: Coverage(*counted[panel.pk], minimum) for panel in panels}
