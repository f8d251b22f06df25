"""Child death overview panels on a regional footprint: which areas each covers, and how many children."""

from django.db import models


class Panel(models.Model):
    """A child death overview panel. It covers a set of safeguarding areas and reviews the deaths of
    children normally resident in them (Wood Report paras 180-183: enough deaths to see patterns)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    areas = models.ManyToManyField("organisations.SafeguardingArea", related_name="child_death_panels")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def local_authority_codes(self):
        from safeguarding.organisations.models import LocalAuthority

        return list(
            LocalAuthority.objects.filter(safeguarding_areas__child_death_panels=self)
            .values_list("code", flat=True)
            .distinct()
        )

    def child_population(self):
        """(children aged 0-17, year) over the panel's local authorities, from the latest year that
        has a figure for every one of them; (0, None) when there is none."""
        from safeguarding.organisations.populations import children_of_area_groups

        return children_of_area_groups({self.pk: self.areas.all()})[self.pk]


def panel_for_area(area):
    """The panel that reviews deaths of children resident in `area` (None when no panel covers it)."""
    return Panel.objects.filter(areas=area).order_by("pk").first()
