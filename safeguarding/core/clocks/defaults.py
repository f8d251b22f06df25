"""The policy table's starting values. A data migration loads them; national administrators change them."""

CLOCKS = [
    # key, name, starts from, amount, unit, source
    (
        "incident-notify",
        "Notify the serious incident",
        "the date the notifier became aware of it",
        5,
        "working_days",
        "Notification within five working days of becoming aware",
    ),
    (
        "incident-rapid-inquiry-decision",
        "Rapid inquiry decision",
        "the date of notification",
        15,
        "working_days",
        "Wood Report para 166: rapid inquiry and decision",
    ),
    (
        "incident-lli-completion",
        "Local learning inquiry completed",
        "the date of the decision to hold one",
        3,
        "months",
        "Wood Report para 166: local learning inquiry within three months",
    ),
    (
        "incident-publication",
        "Inquiry report published",
        "the date the inquiry was completed",
        1,
        "months",
        "Publication within one month of completion",
    ),
    (
        "child-death-inform-database",
        "National database informed of the death",
        "the date of notification",
        2,
        "working_days",
        "Panel manager informs the national database within two working days",
    ),
    (
        "child-death-agency-report",
        "Agency reporting form returned",
        "the date the report was requested",
        15,
        "working_days",
        "Agency reports due within 15 working days of request",
    ),
    (
        "child-death-panel-review",
        "Panel review of the death",
        "the date of death",
        6,
        "months",
        "Monitored target: panel review within six months of death",
    ),
    (
        "nsci-decision",
        "Decision on a proposed national serious case inquiry",
        "the date the inquiry was proposed",
        20,
        "working_days",
        "The national body decides whether to hold a national inquiry within 20 working days",
    ),
    (
        "nsci-team-appointed",
        "Terms of reference agreed and independent team appointed",
        "the date of the decision to hold the inquiry",
        2,
        "months",
        "Set-up of a national serious case inquiry within two months of the decision",
    ),
    (
        "nsci-report",
        "National inquiry report published",
        "the date the terms of reference were agreed",
        12,
        "months",
        "A national serious case inquiry reports within a year of its terms of reference",
    ),
]

SETTINGS = [
    # key, name, value, description
    (
        "panel-minimum-population",
        "Smallest total population a child death overview panel covers",
        500_000,
        "National administrators are warned about panels below this. The Wood Report (paras 176-183) "
        "discusses footprints of 650,000 to 1 million.",
    ),
    (
        "recurrence-minimum-reports",
        "Reports a theme must appear in to raise a recurrence alert",
        15,
        "K in 'a theme in at least K reports from at least M areas within the window'. Most reports carry three "
        "or four themes, so a low K alerts on nearly every theme at national volumes (5 reports from 3 areas "
        "raised 29 of 31 themes on the demo corpus of 300 reports); 15 from 10 areas raised 5. A floor: the theme "
        "must also be above its usual share (see the rise percentage).",
    ),
    (
        "recurrence-minimum-areas",
        "Areas a theme must appear in to raise a recurrence alert",
        10,
        "M in 'a theme in at least K reports from at least M areas within the window'.",
    ),
    (
        "recurrence-window-months",
        "Rolling window for recurrence alerts, in months",
        24,
        "How far back reports count towards a recurrence alert.",
    ),
    (
        "recurrence-baseline-windows",
        "Earlier windows that give a theme's usual share of reports, for recurrence alerts",
        2,
        "A theme's usual share is the share of reports it appeared in over this many windows before the current "
        "one (with a 24-month window, 2 means the 48 months before it). Applied to the number of reports in the "
        "current window, that share predicts how many reports the theme would appear in if nothing had changed. "
        "A theme that appeared in none of the earlier reports is judged on the minimum reports and areas alone.",
    ),
    (
        "recurrence-rise-percent",
        "How far above its usual share a theme must be to raise a recurrence alert, as a percentage of the "
        "reports its usual share predicts",
        150,
        "A theme raises an alert only when it appears in at least this percentage of the reports its usual share "
        "predicts (150 means one and a half times as many), as well as in the minimum reports and areas. This "
        "finds themes that are rising rather than themes that are always common: with more reports every common "
        "theme passes the minimum numbers (15 reports from 10 areas raised 31 of 31 themes on a corpus of 1,000 "
        "reports). 100 alerts on any theme at or above its usual share.",
    ),
    (
        "reviewer-independence-years",
        "Years since a reviewer worked for an area or agency before they may lead its inquiry",
        5,
        "Wood Report recommendation 22 and para 173: independence of accredited reviewers.",
    ),
    (
        "reviewer-cpd-hours-per-year",
        "Hours of continuing professional development an accredited reviewer needs each year",
        18,
        "Wood Report recommendation 28: accreditation kept up through continuing professional development.",
    ),
    (
        "reminder-working-days",
        "Working days before a due date that the deadline reminder goes",
        2,
        "The daily deadline sweep reminds the people responsible this many working days before a clock's due "
        "date, and escalates on the first working day after it has passed.",
    ),
    (
        "expiry-warning-days",
        "Days before an invitation, API token or reviewer accreditation expires that a warning goes",
        14,
        "Also how long before the end of the year a reviewer short of CPD hours is warned.",
    ),
    (
        "return-link-grace-days",
        "Days after a return's due date that an agency contact's secure link still works",
        14,
        "An agency asked for a reporting form or summary by secure link can still save and submit it this "
        "many days after the due date; the link then stops working and the requester sends a new one.",
    ),
]


def load(clock_policies, policy_settings):
    """Adds any default row that is missing; never changes a row a national administrator edited.

    Takes the two models' managers, so that migrations can pass their historical models' ones.
    """
    for key, name, starts_from, amount, unit, source in CLOCKS:
        clock_policies.get_or_create(
            key=key,
            defaults={"name": name, "starts_from": starts_from, "amount": amount, "unit": unit, "source": source},
        )
    for key, name, value, description in SETTINGS:
        policy_settings.get_or_create(key=key, defaults={"name": name, "value": value, "description": description})
