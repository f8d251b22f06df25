from django import template

from ..linkage_display import waterfall

register = template.Library()


@register.inclusion_tag("child_deaths/includes/reasons.html", takes_context=True)
def link_reasons(context, candidate):
    """Why a pair was proposed: each detail's comparison and weight, as a table and a waterfall chart.

    How common a name or postcode is (the part of a weight owed to it) is shown only to people who may
    see both children's identity; everyone else sees the weight it adds up to."""
    user = context["request"].user
    show_frequency = user.has_perm("child_deaths.view_identity", candidate.case) and user.has_perm(
        "child_deaths.view_identity", candidate.notification.case
    )
    return {"candidate": candidate, "chart": waterfall(candidate.reasons, show_frequency=show_frequency)}
