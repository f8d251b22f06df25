"""Writing parsed reference data into the geography and organisation tables, changing only what differs.

The caller wraps write_reference_data in one transaction. Rows are matched on their natural keys
(ONS codes; code and year for populations), so loading the same files twice changes nothing and a
refreshed file updates rows in place, keeping the primary keys that cases and people point at.
Nothing is deleted except ICB shares an authority no longer has: an abolished authority's rows stay,
because organisations, areas and cases may still refer to them.
"""

from dataclasses import dataclass

from .models import (
    ChildPopulation,
    IntegratedCareBoard,
    LocalAuthority,
    LocalAuthorityIcbShare,
    Organisation,
    OrganisationKind,
    PoliceForceArea,
    Region,
)


@dataclass
class SyncCount:
    label: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.unchanged

    def __str__(self):
        parts = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        if self.removed:
            parts += f", {self.removed} removed"
        return f"{self.label}: {self.total} ({parts})"


class _Sync:
    """update_or_create for many rows of one table, reading what is there already in a single query."""

    def __init__(self, label, queryset, key_fields):
        self.count = SyncCount(label)
        self.queryset = queryset
        self.key_fields = key_fields
        self.existing = {self._key_of(obj): obj for obj in queryset}

    def _key_of(self, obj):
        return tuple(getattr(obj, field) for field in self.key_fields)

    def put(self, **values):
        """Create or update the row with these values (which include the key fields); returns it."""
        key = tuple(values[field] for field in self.key_fields)
        obj = self.existing.get(key)
        if obj is None:
            obj = self.queryset.model.objects.create(**values)
            self.existing[key] = obj
            self.count.created += 1
            return obj
        changed = [field for field, value in values.items() if getattr(obj, field) != value]
        if changed:
            for field in changed:
                setattr(obj, field, values[field])
            obj.save(update_fields=changed)
            self.count.updated += 1
        else:
            self.count.unchanged += 1
        return obj


def police_organisation_name(area_name):
    """'Cleveland' -> 'Cleveland Police'; ONS writes the City's force area 'London, City of'."""
    if area_name.endswith(", City of"):
        area_name = "City of " + area_name.removesuffix(", City of")
    return area_name if area_name.endswith("Police") else f"{area_name} Police"


def write_reference_data(data):
    """Bring the tables into line with the parsed data; returns one SyncCount per table written."""
    regions = _Sync("Regions", Region.objects.all(), ["code"])
    region_by_code = {row.code: regions.put(code=row.code, name=row.name) for row in data.regions}

    forces = _Sync("Police force areas", PoliceForceArea.objects.all(), ["code"])
    force_by_code = {row.code: forces.put(code=row.code, name=row.name) for row in data.police_force_areas}

    icbs = _Sync("Integrated care boards", IntegratedCareBoard.objects.all(), ["code"])
    icb_by_code = {row.code: icbs.put(code=row.code, name=row.name) for row in data.integrated_care_boards}

    authorities = _Sync("Local authorities", LocalAuthority.objects.all(), ["code"])
    authority_by_code = {
        row.code: authorities.put(
            code=row.code,
            old_code=row.old_code,
            name=row.name,
            region_id=region_by_code[row.region_code].pk,
            police_force_area_id=force_by_code[row.police_force_area_code].pk,
        )
        for row in data.local_authorities
    }

    shares = _write_icb_shares(data.local_authorities, authority_by_code, icb_by_code)
    populations = _write_child_populations(data.child_populations)
    organisations = _write_organisations(authority_by_code.values(), force_by_code.values(), icb_by_code.values())
    return [regions.count, forces.count, icbs.count, authorities.count, shares, populations, *organisations]


def _write_icb_shares(local_authority_rows, authority_by_code, icb_by_code):
    shares = _Sync(
        "Local authority ICB shares",
        LocalAuthorityIcbShare.objects.all(),
        ["local_authority_id", "integrated_care_board_id"],
    )
    wanted, loaded_authority_ids = set(), {authority.pk for authority in authority_by_code.values()}
    for row in local_authority_rows:
        for icb_share in row.icb_shares:
            key = (authority_by_code[row.code].pk, icb_by_code[icb_share.icb_code].pk)
            shares.put(local_authority_id=key[0], integrated_care_board_id=key[1], share=icb_share.share)
            wanted.add(key)
    # A share the file no longer gives would leave the authority's shares adding up to more than 1.
    stale = [share.pk for key, share in shares.existing.items() if key[0] in loaded_authority_ids and key not in wanted]
    shares.count.removed = len(stale)
    LocalAuthorityIcbShare.objects.filter(pk__in=stale).delete()
    return shares.count


def _write_child_populations(rows):
    populations = _Sync("Child populations", ChildPopulation.objects.all(), ["code", "year"])
    for row in rows:
        populations.put(code=row.code, year=row.year, level=row.level, children=row.children)
    return populations.count


def _write_organisations(authorities, forces, icbs):
    """One organisation per statutory partner body: each authority, police force and ICB."""
    kinds = [
        ("local authorities", OrganisationKind.LOCAL_AUTHORITY, "local_authority_id", authorities, lambda la: la.name),
        (
            "police",
            OrganisationKind.POLICE,
            "police_force_area_id",
            forces,
            lambda pfa: police_organisation_name(pfa.name),
        ),
        ("ICBs", OrganisationKind.HEALTH, "integrated_care_board_id", icbs, lambda icb: icb.name),
    ]
    counts = []
    for label, kind, link_field, bodies, name_of in kinds:
        organisations = _Sync(f"Organisations ({label})", Organisation.objects.filter(kind=kind), ["kind", "code"])
        for body in bodies:
            organisations.put(kind=kind, code=body.code, name=name_of(body), **{link_field: body.pk})
        counts.append(organisations.count)
    return counts
