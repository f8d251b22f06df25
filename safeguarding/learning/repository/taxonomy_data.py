# ruff: noqa: E501 (a data table: one theme's definition and words read best on one line)
"""The common category scheme (Wood Annex I), as data: groups, then themes with a definition, examples of
what a finding with the code says, and the words the keyword baseline of the coding suggestions looks for.

The themes follow the report's own lists: the child and family circumstances seen again and again in
serious case reviews, the practice issues, and the system issues of the SCIE "Learning together" model.
"""

# (group slug, group name, group definition, [(theme slug, name, definition, examples, keywords)])
SCHEME = [
    (
        "child-family",
        "Child and family circumstances",
        "What was happening in the child's life and family that shaped the risk of harm.",
        [
            (
                "neglect",
                "Neglect",
                "Persistent failure to meet the child's basic physical or psychological needs.",
                [
                    "Home conditions were poor and the child was often hungry and unkempt",
                    "Missed health appointments and poor school attendance were not seen together as neglect",
                ],
                ["neglect", "home conditions", "unkempt", "hungry", "missed appointments", "basic needs", "hygiene"],
            ),
            (
                "domestic-abuse",
                "Domestic abuse",
                "Abuse between adults in the household, or between a parent and a partner, that the child lived with.",
                [
                    "Police attended several domestic incidents but children's services were not told",
                    "The mother's disclosure of coercive control was not linked to the risk to the baby",
                ],
                [
                    "domestic abuse",
                    "domestic violence",
                    "coercive control",
                    "marac",
                    "partner assaulted",
                    "domestic incident",
                ],
            ),
            (
                "parental-mental-health",
                "Parental mental ill-health",
                "A parent's or carer's mental illness affected their care of the child.",
                [
                    "The mother's post-natal depression was known to her GP but not to the health visitor",
                    "Father's psychosis was treated without asking who cared for the children",
                ],
                ["mental health", "depression", "psychosis", "mental ill-health", "self-harm", "post-natal", "anxiety"],
            ),
            (
                "parental-substance-misuse",
                "Parental substance misuse",
                "A parent's or carer's use of alcohol or drugs affected their care of the child.",
                [
                    "Both parents misused alcohol and the children were left without supervision",
                    "Drug treatment services did not know there was a baby in the household",
                ],
                ["alcohol", "drug", "substance misuse", "heroin", "cannabis", "intoxicated", "methadone"],
            ),
            (
                "parental-adverse-experiences",
                "Parents' own adverse childhood experiences",
                "A parent's own experience of abuse, neglect or care as a child, and its effect on their parenting.",
                [
                    "The mother had been in care herself and the plan did not consider her own trauma",
                    "Father's childhood abuse was known but not explored in the parenting assessment",
                ],
                [
                    "own childhood",
                    "adverse childhood",
                    "care leaver parent",
                    "trauma history",
                    "was in care herself",
                    "was in care himself",
                    "intergenerational",
                ],
            ),
            (
                "young-parents",
                "Young parents",
                "A parent who was a teenager or young adult, with the needs that come with that.",
                [
                    "The mother was 17 and still a child in need herself when the baby was born",
                    "Young parents' own support ended when the baby arrived",
                ],
                ["young parent", "teenage", "young mother", "young father", "aged 17", "aged 18", "family nurse"],
            ),
            (
                "unknown-adult-males",
                "Non-resident or unknown adult males",
                "Men in the child's life who were not known to, or not seen by, the professionals.",
                [
                    "The mother's new partner was never seen or checked by any agency",
                    "Professionals did not ask who else lived in or visited the home",
                ],
                [
                    "new partner",
                    "unknown male",
                    "father figure",
                    "invisible men",
                    "not known to agencies",
                    "male partner",
                    "boyfriend",
                ],
            ),
            (
                "disability",
                "Disability",
                "A child's disability or complex health needs, and how they affected recognition of harm.",
                [
                    "Injuries to a disabled child were put down to his condition",
                    "The child could not communicate and no one used her communication aids",
                ],
                [
                    "disability",
                    "disabled",
                    "complex needs",
                    "non-verbal",
                    "autism",
                    "learning disability",
                    "communication aids",
                ],
            ),
            (
                "adolescents-extra-familial",
                "Adolescents and extra-familial harm",
                "Risk to older children outside the family: peers, places and neighbourhoods.",
                [
                    "The boy was going missing and spending time with older peers in the town centre",
                    "A contextual safeguarding response was not available for the places he went",
                ],
                [
                    "adolescent",
                    "missing episodes",
                    "going missing",
                    "peer",
                    "contextual safeguarding",
                    "gang",
                    "extra-familial",
                    "knife",
                ],
            ),
            (
                "online-harm",
                "Online harm",
                "Harm through the internet, social media, gaming or phones.",
                ["She was groomed on a social media app and sent images", "Nobody asked about the child's online life"],
                ["online", "social media", "internet", "images", "grooming online", "gaming", "phone", "app"],
            ),
            (
                "exploitation",
                "Exploitation",
                "Sexual or criminal exploitation, including county lines and trafficking.",
                [
                    "He was found carrying drugs in another county and treated as an offender rather than a victim",
                    "Signs of child sexual exploitation were seen as a lifestyle choice",
                ],
                [
                    "exploitation",
                    "county lines",
                    "trafficking",
                    "cse",
                    "criminal exploitation",
                    "national referral mechanism",
                    "groomed",
                ],
            ),
            (
                "radicalisation",
                "Radicalisation",
                "A child drawn towards extremist ideas or groups.",
                [
                    "Concerns about extremist material were not referred to Prevent",
                    "The school's referral was closed without a Channel assessment",
                ],
                ["radicalisation", "extremist", "extremism", "prevent", "channel"],
            ),
        ],
    ),
    (
        "practice",
        "Practice",
        "What professionals did or did not do in their direct work with the child and family.",
        [
            (
                "assessment-quality",
                "Quality of assessment",
                "Assessments that were incomplete, out of date, or did not bring together what was known.",
                [
                    "The assessment relied on the mother's account and did not use the history",
                    "Each assessment started afresh and the pattern over time was lost",
                ],
                ["assessment", "history", "chronology", "analysis of risk", "assessed", "start again"],
            ),
            (
                "information-sharing",
                "Information sharing",
                "Information that one agency held and another needed, not shared or not acted on.",
                [
                    "The school's concerns were not shared with the GP",
                    "The referral was sent to the wrong team and never followed up",
                ],
                [
                    "information sharing",
                    "not shared",
                    "shared",
                    "referral",
                    "told",
                    "communication between agencies",
                    "notify",
                ],
            ),
            (
                "recording",
                "Recording",
                "Records that were missing, inaccurate or could not be found when needed.",
                [
                    "The health visitor's records did not note who was present",
                    "Key decisions were not recorded so later workers did not know them",
                ],
                ["record", "recording", "case notes", "not recorded", "case file", "documentation"],
            ),
            (
                "professional-curiosity",
                "Professional curiosity",
                "Accepting what was said or seen at face value instead of asking, checking and looking again.",
                [
                    "Explanations for bruising were accepted without question",
                    "Practitioners did not look in the bedroom where the baby slept",
                ],
                [
                    "curiosity",
                    "accepted at face value",
                    "did not question",
                    "explanation accepted",
                    "challenge",
                    "without question",
                ],
            ),
            (
                "disguised-compliance",
                "Disguised compliance or non-engagement",
                "A family that appeared to cooperate while nothing changed, or that avoided professionals.",
                [
                    "The parents attended meetings but nothing changed at home",
                    "Repeated no-access visits were not escalated",
                ],
                [
                    "disguised compliance",
                    "non-compliance",
                    "did not engage",
                    "no access",
                    "cancelled visits",
                    "avoided",
                    "non-engagement",
                ],
            ),
            (
                "voice-of-child",
                "The voice of the child",
                "The child not seen, not spoken to alone, or their words and behaviour not heard.",
                [
                    "The child was never seen alone",
                    "His behaviour at school was telling a story that no one listened to",
                ],
                [
                    "voice of the child",
                    "seen alone",
                    "spoken to alone",
                    "child's wishes",
                    "lived experience",
                    "child was not seen",
                ],
            ),
            (
                "thresholds-escalation",
                "Thresholds and escalation",
                "Disagreement about thresholds, or concerns that were not escalated when they should have been.",
                [
                    "The referral was stepped down to early help despite the school's concern",
                    "Practitioners disagreed with the decision but did not use the escalation policy",
                ],
                [
                    "threshold",
                    "escalation",
                    "escalate",
                    "stepped down",
                    "early help",
                    "resolution policy",
                    "did not meet threshold",
                ],
            ),
            (
                "safety-planning",
                "Safety planning",
                "Plans that did not say who would do what to keep the child safe, or were not checked.",
                [
                    "The safety plan relied on the grandmother without checking she could protect",
                    "The child protection plan had no measurable outcomes",
                ],
                ["safety plan", "child protection plan", "written agreement", "plan", "contingency", "safety"],
            ),
            (
                "risk-to-infants",
                "Risk to infants",
                "The particular vulnerability of babies: non-mobile bruising, unsafe sleeping, shaking.",
                [
                    "Bruising on a non-mobile baby was not referred under the protocol",
                    "Safe sleeping advice was not repeated when the family moved",
                ],
                [
                    "baby",
                    "infant",
                    "non-mobile",
                    "bruising",
                    "co-sleeping",
                    "safe sleeping",
                    "head injury",
                    "shaken",
                    "sudden unexpected death",
                ],
            ),
            (
                "pre-birth",
                "Pre-birth work",
                "Assessment and planning before a baby is born, where risk is known in pregnancy.",
                [
                    "The pre-birth assessment started too late to plan for discharge",
                    "Midwifery concerns in pregnancy were not shared with children's social care",
                ],
                ["pre-birth", "pregnancy", "unborn", "midwife", "antenatal", "concealed pregnancy", "birth"],
            ),
            (
                "supervision",
                "Supervision",
                "Supervision that did not give practitioners the challenge and reflection the case needed.",
                [
                    "Supervision recorded tasks but not reflection on the risk",
                    "The practitioner had no supervision for three months",
                ],
                ["supervision", "supervisor", "reflective", "manager oversight", "case discussion"],
            ),
            (
                "workload",
                "Workload and capacity",
                "Caseloads, vacancies and turnover that limited what practitioners could do.",
                [
                    "The family had five social workers in a year",
                    "High caseloads meant visits were short and infrequent",
                ],
                ["workload", "caseload", "capacity", "turnover", "agency staff", "vacancies", "staff changes"],
            ),
        ],
    ),
    (
        "system",
        "The system",
        "What in the way agencies are organised, managed and equipped made good practice harder or easier.",
        [
            (
                "multi-agency-crisis",
                "Multi-agency working in response to incidents and crises",
                "How agencies worked together when something happened: strategy discussions, joint visits, urgent decisions.",
                [
                    "The strategy discussion did not include health",
                    "Police and social care made separate visits on the same night",
                ],
                [
                    "strategy discussion",
                    "strategy meeting",
                    "section 47",
                    "joint visit",
                    "out of hours",
                    "emergency",
                    "crisis",
                ],
            ),
            (
                "multi-agency-longer-term",
                "Multi-agency working in longer-term work",
                "How agencies worked together over months: core groups, plans, reviews and case ownership.",
                [
                    "Core group meetings were poorly attended by health",
                    "No one agency held the whole picture over the two years",
                ],
                [
                    "core group",
                    "multi-agency",
                    "team around the family",
                    "lead professional",
                    "longer-term",
                    "case conference",
                    "partnership working",
                ],
            ),
            (
                "human-tool-interaction",
                "Human and tool interaction",
                "Forms, IT systems and tools that shaped or distorted what practitioners saw and did.",
                [
                    "The electronic record hid the alert on the sibling's file",
                    "The risk assessment tool scored the case as low because it did not ask about the partner",
                ],
                ["it system", "electronic record", "system alert", "form", "tool", "software", "flag"],
            ),
            (
                "management-systems",
                "Management systems",
                "How work was allocated, prioritised, quality-assured and overseen.",
                [
                    "The case was unallocated for six weeks",
                    "Audits checked timeliness but not the quality of decisions",
                ],
                ["management", "allocation", "unallocated", "audit", "quality assurance", "oversight", "performance"],
            ),
            (
                "reasoning-biases",
                "Reasoning and cognitive biases",
                "Patterns of thinking that kept a first view in place: fixed views, optimism, rule of optimism.",
                [
                    "Professionals kept to the first view that the family was coping",
                    "Contrary evidence was explained away",
                ],
                [
                    "rule of optimism",
                    "fixed view",
                    "confirmation bias",
                    "optimism",
                    "start again syndrome",
                    "assumption",
                    "explained away",
                ],
            ),
            (
                "training",
                "Training and knowledge",
                "Gaps in what practitioners knew or had been trained to do.",
                [
                    "Staff had not been trained in the bruising protocol",
                    "The GP was not aware of the signs of exploitation",
                ],
                ["training", "trained", "knowledge", "awareness", "learning and development", "not aware"],
            ),
            (
                "policies-procedures",
                "Policies and procedures",
                "Procedures that were missing, unclear, out of date, or not followed.",
                [
                    "The missing children protocol was not followed",
                    "Procedures for transfer between areas were unclear",
                ],
                ["procedure", "policy", "protocol", "guidance", "not followed", "transfer", "out of date"],
            ),
        ],
    ),
]


def load(ThemeGroup, Theme):
    """Creates or updates every group and theme from SCHEME. Takes the model classes so that a data
    migration can pass its historical models."""
    for group_position, (group_slug, group_name, group_definition, themes) in enumerate(SCHEME):
        group, _ = ThemeGroup.objects.update_or_create(
            slug=group_slug,
            defaults={"name": group_name, "definition": group_definition, "position": group_position},
        )
        for position, (slug, name, definition, examples, keywords) in enumerate(themes):
            Theme.objects.update_or_create(
                slug=slug,
                defaults={
                    "group": group,
                    "name": name,
                    "definition": definition,
                    "examples": "\n".join(examples),
                    "keywords": "\n".join(keywords),
                    "position": position,
                    "is_active": True,
                },
            )
