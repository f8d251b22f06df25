"""Who may see the scheduled jobs and start one now (registered with `rules`, like every access rule)."""

import rules

from safeguarding.core.permissions import is_national_administrator

# The jobs page: every scheduled job's runs, the workers' heartbeats and the long jobs in progress.
rules.add_perm("jobs.view", is_national_administrator)
# "Run now": a scheduled job outside its schedule. Each job is idempotent, so an extra run does no harm.
rules.add_perm("jobs.run_now", is_national_administrator)
