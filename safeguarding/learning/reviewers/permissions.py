"""Who may do what in the reviewer register (django-rules).

National roles read the register and assess inquiries' quality; only national administrators change it.
A reviewer may read their own page.
"""

import rules

from safeguarding.core.permissions import is_national_administrator, is_national_analyst


@rules.predicate
def is_the_reviewer(user, reviewer):
    return reviewer is not None and getattr(user, "pk", None) is not None and reviewer.user_id == user.pk


national_role = is_national_administrator | is_national_analyst

rules.add_perm("reviewers.view_register", national_role)
rules.add_perm("reviewers.view_reviewer", national_role | is_the_reviewer)
rules.add_perm("reviewers.manage_register", is_national_administrator)
rules.add_perm("reviewers.assess_quality", national_role)
