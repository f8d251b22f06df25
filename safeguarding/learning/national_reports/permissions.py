"""Who may do what with the national body's reports. The published reports and the theme briefings are
public and need no rule."""

import rules

from safeguarding.core.permissions import is_national_administrator, is_national_analyst

is_national_role = is_national_analyst | is_national_administrator

# The list of annual reports, drafts and previews.
rules.add_perm("national_reports.view", is_national_role)
# Starting a year's report, re-assembling its figures and writing its sections.
rules.add_perm("national_reports.edit", is_national_role)
# Publication to the Secretary of State and the public.
rules.add_perm("national_reports.publish", is_national_administrator)
