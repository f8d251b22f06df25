"""Who may do what in the national repository. Reading published material needs no sign-in."""

import rules

from safeguarding.core.permissions import is_national_administrator, is_national_analyst

is_national_role = is_national_analyst | is_national_administrator

# The richer search (unpublished rapid inquiry summaries, links back to cases, coding state).
rules.add_perm("repository.search_national", is_national_role)
# Coding a finding against the category scheme.
rules.add_perm("repository.code_findings", is_national_analyst)
