"""Who may do what in this app (django-rules).

The national intelligence page counts coded findings across the whole country, including rapid inquiry
summaries that are not public, so it is for the national roles only.
"""

import rules

from safeguarding.core.permissions import is_national_administrator, is_national_analyst

# Themes by period and region, recurrence alerts and repeated recommendations.
rules.add_perm("intelligence.view", is_national_analyst | is_national_administrator)
# Checking for recurrence now and dismissing an alert: the analysts' judgement.
rules.add_perm("intelligence.manage_alerts", is_national_analyst)
