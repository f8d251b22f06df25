"""Querysets of the rows that hang off an incident: they reach their area through the incident."""

from safeguarding.core.scoping import AreaScopedQuerySet


class ThroughIncidentQuerySet(AreaScopedQuerySet):
    area_lookup = "incident__area"
