"""Synthetic wording for the demo arrangements: written like real arrangements, about no real area."""

SECTION_TEXT = {
    "statutory-framework": (
        "The local authority, the integrated care board and the police force are jointly and equally "
        "responsible for these arrangements. Each partner keeps its own statutory duties; together we "
        "agree the priorities below and check that they are met.\n\n"
        "- The partners' executive meets every quarter and takes decisions for all three agencies.\n"
        "- Relevant agencies are named below and take part through the practice groups."
    ),
    "coordination": (
        "A slim executive of the three lead chief officers sets direction. Two practice groups report to "
        "it: one on the front door and early help, one on learning from incidents. We stopped four "
        "sub-groups that repeated the work of other boards."
    ),
    "leadership": (
        "Each partner has named a lead chief officer who can commit their whole agency: the director of "
        "children's services, the ICB's chief nursing officer and the assistant chief constable for "
        "public protection. They chair the executive in turn for a year each."
    ),
    "effectiveness": (
        "We judge our arrangements by what changes for children. We track re-referrals to children's "
        "social care within 12 months, the timeliness of strategy discussions and the proportion of "
        "children seen alone at assessment. The executive reviews these every quarter."
    ),
    "independent-scrutiny": (
        "An independent scrutineer audits one theme each year, chosen with the executive, and runs a "
        "challenge session for the leaders of each agency. Findings and our responses are published "
        "in our yearly report."
    ),
    "children-and-young-people": (
        "The Youth Council reviews our priorities each spring. Young people from the children in care "
        "council co-design our communication on exploitation. We write back to every group we consult "
        "to say what changed."
    ),
    "accountability": (
        "The partners publish a yearly report, answer to the scrutiny of councillors, the ICB board and "
        "the police and crime commissioner, and take part in joint targeted area inspections."
    ),
    "area-covered": (
        "The arrangements cover every local authority in the area, the police force area that serves "
        "them and the integrated care board's places within it."
    ),
    "vision": (
        "Every child in the area grows up safe from harm, with help offered early by whichever agency "
        "sees the need first."
    ),
    "resources": (
        "The cost of the arrangements (business unit, independent scrutiny, multi-agency training and "
        "local learning inquiries) is shared between the three partners. Contributions and the formula "
        "are agreed each February for the following year; in-kind contributions are valued and recorded."
    ),
    "outcomes": (
        "When a measure moves the wrong way for two quarters, the executive asks the responsible agency "
        "for a recovery plan within 30 days and checks it at the next meeting."
    ),
    "information-sharing": (
        "Information is shared unless the law forbids it. The multi-agency front door uses one "
        "information-sharing agreement, and early help needs are identified from school attendance, "
        "health visiting and police contact data."
    ),
    "workforce": (
        "The partners review vacancies in social work, health visiting and specialist public protection "
        "roles every six months and fund joint training where gaps are shared."
    ),
    "communication": (
        "One communication plan covers practitioners and the public, with a quarterly practice briefing "
        "and campaigns on safer sleep and online safety."
    ),
    "risk-and-intelligence": (
        "A shared risk register is reviewed at each executive. A small analytical team drawn from the "
        "three partners watches for emerging risks, such as new patterns of exploitation."
    ),
    "local-inquiry": (
        "Serious incidents are notified within five working days. A rapid inquiry decides within 15 "
        "working days whether a local learning inquiry is needed; inquiries are proportionate and their "
        "reports are published."
    ),
}

AGENCY_ROLES = {
    "school": (
        "Designated safeguarding leads take part in the front door practice group and share attendance "
        "data for early help."
    ),
    "probation": (
        "Shares risk information about adults who pose a risk to children and sits on the learning practice group."
    ),
    "youth_justice": (
        "Leads the response to child criminal exploitation with the police and contributes to the risk register."
    ),
    "voluntary": "Runs family support and brings the views of families to the executive twice a year.",
    "cafcass": "Shares learning from family court work and takes part in local learning inquiries.",
}
