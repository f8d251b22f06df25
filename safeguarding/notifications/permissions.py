"""Who may see and retry emails that could not be delivered."""

import rules

from safeguarding.core.permissions import is_area_administrator, is_national_administrator

# National administrators see every failed email; area administrators those about their areas.
rules.add_perm("notifications.manage_failed_emails", is_national_administrator | is_area_administrator)
