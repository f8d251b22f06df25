"""Who may do what with national serious case inquiries: national roles only; area people never."""

import rules

from safeguarding.core.permissions import is_national_administrator, is_national_analyst

is_national_role = is_national_analyst | is_national_administrator

rules.add_perm("nsci.view", is_national_role)
# Proposing an inquiry (from an alert, a referral or their own analysis).
rules.add_perm("nsci.propose", is_national_role)
# Assessing the criteria and deciding; setting up; running (progress notes, the report); publishing.
rules.add_perm("nsci.decide", is_national_administrator)
rules.add_perm("nsci.set_up", is_national_administrator)
rules.add_perm("nsci.run", is_national_administrator)
rules.add_perm("nsci.publish", is_national_administrator)
