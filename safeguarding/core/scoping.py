"""Scoped querysets: every query of case data goes through `visible_to(user)`.

A case model declares `objects = AreaScopedQuerySet.as_manager()` (or a subclass) and has an
`area` foreign key. A person sees rows of the areas where they hold a role; national roles see
every area's rows (identity fields stay out of case data, so national roles see pseudonyms only).
Anything else is invisible, and views answer 404 for it so that existence is not leaked.
"""

from django.db import models


class AreaScopedQuerySet(models.QuerySet):
    # The path from this model to its safeguarding area, for models that reach it indirectly.
    area_lookup = "area"
    # Whether national roles see every area's rows of this model.
    national_roles_see_all = True

    def visible_to(self, user):
        from . import permissions  # here, not at the top: models import this module

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if self.national_roles_see_all and permissions.national_roles(user):
            return self.all()
        return self.filter(**{f"{self.area_lookup}__in": permissions.area_ids_with_role(user)})

    def administered_by(self, user):
        """Rows an administrator manages: every row for national administrators, else their areas'."""
        from . import permissions

        if permissions.is_national_administrator(user):
            return self.all()
        from safeguarding.organisations.models.people import Role

        area_ids = permissions.area_ids_with_role(user, {Role.AREA_ADMINISTRATOR})
        return self.filter(**{f"{self.area_lookup}__in": area_ids})
