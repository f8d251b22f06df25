# ruff: noqa: E501 (phrase banks: one sentence a line reads best)
"""A synthetic corpus of published learning reports, for the demo and for the coding-suggestion benchmark.

Deterministic: the same seed gives the same reports, word for word. By default 300 reports with about
1,200 findings (the coding benchmark's size; the demo asks for DEMO_REPOSITORY_REPORTS, 1,500), published
2019-2026 by about 40 areas across England's nine regions. Every report, area and child is invented; area
names follow real local authorities only so that regions line up.

Each finding is written from the phrase banks of the one to three themes it is meant to carry. The banks
mix sentences that use the category scheme's keywords with sentences that say the same thing in other
words, and findings carry theme-neutral noise that sometimes uses another theme's keywords, so neither
the keyword baseline nor the classifier finds the coders' codes trivially. Some themes cluster in recent
years across many areas (risk to infants with unknown adult males; exploitation of adolescents), rising
above their earlier share of reports while every other theme's share falls a little, so the recurrence
alerts have rising themes to find among steady ones; and banal recommendations repeat across areas with
small changes of wording, so the repetition index has something to find too.
"""

import csv
import datetime
import random
from dataclasses import dataclass, field
from pathlib import Path

from . import taxonomy_data
from .actions import Incoming, IncomingFinding, IncomingRecommendation
from .models import AgeBand, EntryKind, EntrySource

SEED = 2026
REPORTS = 300
FIRST_YEAR, LAST_DAY = 2019, datetime.date(2026, 10, 30)
AREAS = 40
SOURCE_KEY_PREFIX = "import:synthetic-"
LOCAL_AUTHORITIES_CSV = (
    Path(__file__).resolve().parents[2]
    / "organisations"
    / "reference_data"
    / "derived_la153_region_pfa_icb_children.csv"
)

PARENTS = ["the mother", "the father", "the mother's partner", "the carer", "the stepfather", "the parents"]
CHILDREN = ["the child", "the girl", "the boy", "Child C", "the younger sibling", "the eldest child"]
AGENCIES = [
    "the health visitor",
    "the school",
    "the GP practice",
    "children's social care",
    "the police",
    "the housing provider",
    "the nursery",
    "the hospital ward",
]

# theme slug: (sentences using the scheme's keywords, the same things in other words, why it happened, a recommendation)
# fmt: off
BANKS = {
    "neglect": (
        ["Home conditions were poor and {child} was often hungry when seen by {agency}.", "{child} was frequently unkempt and signs of neglect were described but never named as such.", "Missed appointments and poor hygiene were recorded separately rather than seen as neglect."],
        ["The house was cold, there was little food in the cupboards and {child} wore the same clothes for days.", "{child}'s teeth were decaying and the family did not take up dental treatment despite reminders."],
        ["Practitioners became used to the state of the home and stopped seeing it as harmful.", "Each agency saw one part of the picture of chronic under-care and none put it together."],
        "Partners should adopt a shared tool for recognising chronic neglect and train staff in its use.",
    ),
    "domestic-abuse": (
        ["Police attended several domestic incidents at the address but the information did not reach {agency}.", "{parent} disclosed coercive control to the midwife, and the case was heard at MARAC without the children being considered.", "There was a history of domestic violence between the adults in the household."],
        ["{parent} was seen with injuries that she said were caused by her partner hitting her.", "Neighbours repeatedly called police about shouting, smashing and threats at the flat."],
        ["The focus stayed on the adult victim and the impact on the children living with the abuse was not considered.", "Incidents were treated one at a time and the pattern of escalating abuse was missed."],
        "The partnership should review how children living with abuse between adults are identified and supported.",
    ),
    "parental-mental-health": (
        ["{parent} had a long history of depression and anxiety that was known to the GP practice.", "{parent}'s psychosis was treated by adult mental health services who did not ask who cared for the children.", "Post-natal depression was identified but the health visitor was not told."],
        ["{parent} described hearing voices and feeling unable to cope with the demands of the children.", "Adult psychiatric services discharged {parent} after missed sessions without considering the parenting role."],
        ["Adult services did not think family when treating the parent's illness.", "The parent's low mood was seen as understandable and its effect on the care of the children was not explored."],
        "Adult mental health services should record and consider the children of every patient they treat.",
    ),
    "parental-substance-misuse": (
        ["Both parents misused alcohol and the children were left without supervision in the evenings.", "{parent} was on a methadone script and drug treatment services did not know there were children in the household.", "{parent} was found intoxicated while caring for {child}."],
        ["Empty bottles and needles were seen at the home during a visit by {agency}.", "{parent} attended the nursery smelling strongly of drink on several mornings."],
        ["Recovery services measured progress by the adult's attendance, not by the care of the children.", "Relapse was expected and accepted, and the risk it carried for the children was not assessed."],
        "Drug and alcohol services should ask about children in the household at every review.",
    ),
    "parental-adverse-experiences": (
        ["The mother was in care herself as a child and her own trauma history was not considered in the plan.", "Father's own childhood abuse was known but not explored in the parenting assessment.", "Practitioners recognised intergenerational patterns of harm but did not act on them."],
        ["{parent} had grown up in foster placements and had no family support to draw on.", "{parent} had been sexually abused as a girl and found professional visits frightening."],
        ["The parent's past was treated as history rather than as something shaping their parenting now.", "Services did not offer the parent help with what had happened to them when they were young."],
        "Assessments of parenting should consider the parent's own experience of being parented.",
    ),
    "young-parents": (
        ["The young mother was 17 and had little support when the baby was born.", "Both were teenage parents and the family nurse partnership had closed the case.", "The young father was not included in any of the work with the family."],
        ["{parent} was still at college and living in supported lodgings when she gave birth.", "The couple were still adolescents themselves and had left care shortly before the birth."],
        ["Services designed for adults did not adapt to parents who were themselves still children.", "Support ended at a fixed age rather than when the parent no longer needed it."],
        "Partners should ensure parents under 20 keep a consistent worker through the first two years.",
    ),
    "unknown-adult-males": (
        ["A new partner had moved into the household and was not known to agencies.", "The male partner was described as a father figure but no checks were made on him.", "Practitioners did not ask who the boyfriend was or how often he stayed."],
        ["A man was seen at the flat during visits but nobody asked his name or his history.", "The mother's partner had previous convictions for violence in another area that nobody checked."],
        ["Work focused on the mother and the men around the child remained invisible to services.", "Staff were reluctant to ask about adults who were not formally part of the household."],
        "Practitioners should identify and assess every adult male in a child's household.",
    ),
    "disability": (
        ["{child} had a learning disability and complex needs and could not say what was happening.", "{child} was non-verbal with autism and no communication aids were used to hear their views.", "Bruising on a disabled child was explained as self-injury without further enquiry."],
        ["{child} used a wheelchair and relied on adults for all personal care.", "{child} communicated with signs and pictures that only the family understood."],
        ["Professionals attributed signs of harm to the child's condition.", "Specialist health services and safeguarding services worked separately."],
        "Safeguarding training should cover recognising abuse of children who cannot speak for themselves.",
    ),
    "adolescents-extra-familial": (
        ["{child} had repeated missing episodes and was found in another city.", "The adolescent was at risk from peers and a local gang, and a knife was found in the bedroom.", "Contextual safeguarding approaches to the places where {child} spent time were not used."],
        ["{child}, aged 15, stayed out overnight several times a week and would not say where.", "The teenager was excluded from school and spent days with older young people in the park."],
        ["Services designed to protect children within the family did not fit harm outside the home.", "The young person was seen as making choices rather than as a child at risk."],
        "The partnership should develop a response to harm outside the home that includes places and peer groups.",
    ),
    "online-harm": (
        ["{child} was contacted by adults on social media and sent images of herself.", "Grooming online through a gaming platform was not recognised by {agency}.", "{child} spent most nights on the phone and internet use was never discussed."],
        ["A man {child} had never met sent gifts and messages asking to meet in secret.", "Explicit pictures of {child} were shared around the year group."],
        ["Practitioners lacked confidence to ask about children's lives in the digital world.", "Parents did not know what the child was doing on their devices."],
        "Schools and partners should include children's digital lives in every assessment of risk.",
    ),
    "exploitation": (
        ["{child} was involved in county lines and carried drugs between towns.", "Criminal exploitation was suspected but no national referral mechanism referral was made.", "Indicators of CSE were present, including gifts and older men collecting {child} from school."],
        ["{child} was found with large sums of cash and two phones that were not theirs.", "Older men were giving {child} alcohol, lifts and somewhere to stay."],
        ["The child was treated as an offender rather than as a victim of exploitation.", "Information about the people exploiting children was held by police but not mapped with partners."],
        "Partners should hold a shared map of exploitation risks and the adults involved.",
    ),
    "radicalisation": (
        ["{child} expressed extremist views online and a Prevent referral was made late.", "The school noticed signs of radicalisation but was unsure about the Channel process.", "Concerns about extremism were raised by a teacher and not followed up."],
        ["{child} had been sharing hateful material about other faiths and talking about violence.", "{child} spent hours in forums linked to a far-right group."],
        ["Staff were unsure whether ideological concerns were a safeguarding matter.", "The risk was seen as a security question rather than harm to a child."],
        "The partnership should make clear that ideological grooming is a safeguarding concern.",
    ),
    "assessment-quality": (
        ["The assessment did not include the family's history or a chronology of earlier concerns.", "There was no analysis of risk in the assessment; it described events rather than their meaning.", "Each new assessment started again without using what was already known."],
        ["The single assessment listed the family's circumstances but reached no conclusion about the harm.", "Earlier concerns from another area were not gathered before deciding what to do."],
        ["Practitioners were under pressure to complete work within timescales.", "Templates encouraged description rather than analysis."],
        "Assessments should include a chronology and a clear analysis of risk.",
    ),
    "information-sharing": (
        ["Information was not shared between {agency} and children's social care.", "The referral from the school did not include the concerns the teacher had recorded.", "{agency} was not told that the case had closed."],
        ["Each agency held part of the picture but none of them knew what the others knew.", "A letter to the GP was sent to the wrong practice and nobody followed it up."],
        ["Staff were unsure what they were allowed to pass on without consent.", "There was no routine way for the agencies to find out who else was involved."],
        "Partners should ensure information is shared in a timely manner.",
    ),
    "recording": (
        ["Case notes were incomplete and key conversations were not recorded.", "The case file did not show the decisions made or the reasons for them.", "Recording of visits was delayed by several weeks."],
        ["The notes said only that the home visit took place, not what was seen.", "Decisions made by telephone were nowhere written down."],
        ["Practitioners prioritised visits over writing them up.", "No one checked the quality of what was written."],
        "Agencies should audit the quality of case notes against agreed standards.",
    ),
    "professional-curiosity": (
        ["The explanation of the injury was accepted at face value.", "Practitioners did not question why {child} was always asleep during visits.", "There was little professional curiosity about the adults in the household."],
        ["Nobody asked why the family kept moving house or why the curtains were always closed.", "{parent}'s account changed between visits and this was not picked up."],
        ["Staff wanted to keep a good relationship with the family and avoided difficult questions.", "There was a reluctance to appear to doubt the parents."],
        "Partners should promote professional curiosity and respectful challenge in supervision.",
    ),
    "disguised-compliance": (
        ["The family did not engage with the plan and cancelled visits repeatedly.", "There was disguised compliance: {parent} agreed with everything but nothing changed.", "Practitioners had no access to the home on several occasions."],
        ["{parent} said all the right things at meetings but the children's situation did not improve.", "The family were never in when {agency} called and rearranged each appointment at short notice."],
        ["Partial cooperation was taken as progress.", "Closure was driven by the family's wishes rather than the children's safety."],
        "The partnership should issue guidance on working with families who resist help.",
    ),
    "voice-of-child": (
        ["{child} was not seen alone and their wishes were not recorded.", "The voice of the child was absent from the assessment.", "The lived experience of {child} was not described in any of the records."],
        ["Nobody spoke to {child} about what life at home was like.", "{child} told a teacher they were scared to go home, but this was not passed on."],
        ["Visits were arranged around the parents' availability, when the children were at school.", "Practitioners found it hard to talk with young children."],
        "Every assessment should describe a day in the child's life in the child's own words.",
    ),
    "thresholds-escalation": (
        ["The referral did not meet threshold and the case was stepped down to early help.", "Disagreements about threshold were not escalated.", "The school did not use the escalation policy when it disagreed with the decision."],
        ["Repeated contacts from {agency} were each closed with no further action.", "The case moved between levels of support four times in a year."],
        ["Practitioners did not feel able to challenge decisions made by another agency.", "Each contact was judged on its own rather than on the accumulation of concerns."],
        "Partners should remind staff of the resolution policy and how to challenge decisions.",
    ),
    "safety-planning": (
        ["The child protection plan had no contingency if things got worse.", "The safety plan relied on {parent} keeping the partner away, with no way to check it.", "The written agreement was not reviewed after the incident."],
        ["The actions agreed at the conference were vague and nobody owned them.", "When the grandparent could no longer stay, nothing replaced the arrangement that was keeping the children safe."],
        ["Plans described hopes rather than actions that could be tested.", "There was no review of whether the arrangements were working."],
        "Plans should be specific, measurable and set out what happens if they fail.",
    ),
    "risk-to-infants": (
        ["Bruising to a non-mobile baby was not referred for a child protection medical.", "The infant suffered a head injury consistent with being shaken.", "Advice on safe sleeping was given but co-sleeping continued after drinking."],
        ["A tiny mark on the face of the six-week-old was noticed and thought to be from a sibling.", "The youngest, aged three months, was brought to hospital with unexplained fractures."],
        ["Guidance on injuries to children who cannot yet crawl was not followed.", "Fathers and male carers received no advice on coping with crying."],
        "Partners should make sure every practitioner knows the protocol for bruising in immobile infants.",
    ),
    "pre-birth": (
        ["No pre-birth assessment was completed although the risks were known early in the pregnancy.", "The midwife recorded concerns at the antenatal booking that were not passed on.", "It was a concealed pregnancy and the first contact with services was the birth."],
        ["The couple's previous children had been removed, yet work began only after delivery.", "Maternity services knew of the risks at twenty weeks' gestation but no plan was made before the child arrived."],
        ["Pre-birth work started too late to allow a proper plan.", "Maternity and children's services were not in touch before delivery."],
        "Maternity services and children's social care should agree a pre-birth pathway with timescales.",
    ),
    "supervision": (
        ["Supervision was infrequent and focused on tasks rather than reflection.", "There was no reflective case discussion about the family.", "Manager oversight did not challenge the drift in the case."],
        ["The worker had not had a one-to-one with their line manager for four months.", "Team leaders signed off decisions without discussing them with the worker."],
        ["Supervision time was lost to performance targets.", "Newer staff did not know they could ask for case discussion."],
        "Agencies should ensure reflective supervision is regular and recorded.",
    ),
    "workload": (
        ["High caseloads meant the social worker could not visit as often as planned.", "Staff turnover and vacancies left the case with four different workers in a year.", "The team relied on agency staff and capacity was stretched."],
        ["The health visiting team had lost half its posts and was covering two patches.", "The family met a different worker at almost every visit."],
        ["Recruitment difficulties affected the whole service.", "Demand rose faster than the resources to meet it."],
        "The partnership should monitor the effect of staffing pressures on frontline practice.",
    ),
    "multi-agency-crisis": (
        ["No strategy discussion was held when the injury was reported.", "The out of hours team did not convene a strategy meeting and there was no section 47 enquiry.", "A joint visit by police and social care was planned but did not happen."],
        ["When the child arrived at hospital at night, police and social care made separate decisions without speaking to each other.", "The agencies' first response to the allegation was slow and uncoordinated."],
        ["Arrangements for urgent joint decisions outside office hours were unclear.", "Each agency assumed another had taken the lead."],
        "Partners should review arrangements for urgent multi-agency decisions, including outside office hours.",
    ),
    "multi-agency-longer-term": (
        ["Core group meetings were poorly attended and there was no lead professional.", "Multi-agency working in the team around the family lost focus over time.", "The case conference recommendations were not carried through by partners."],
        ["Over eighteen months the professionals involved stopped meeting and the plan drifted.", "Schools and health staff were not invited to review meetings."],
        ["Nobody was accountable for keeping the partnership around the family together.", "Agencies withdrew as other priorities grew."],
        "Partners should ensure multi-agency plans have a named lead and regular review.",
    ),
    "human-tool-interaction": (
        ["The electronic record did not show the alert about the previous injury.", "The risk assessment tool was completed as a form rather than used to think.", "A flag on the IT system was set but not seen by the duty worker."],
        ["The warning sat on a screen the nurse never opened.", "Staff ticked boxes on the checklist without discussing the answers."],
        ["The design of the software made important history hard to find.", "Tools were introduced without training in how to use them."],
        "Agencies should test how practitioners use their case management systems in practice.",
    ),
    "management-systems": (
        ["The case was unallocated for six weeks because of the allocation process.", "Management oversight and quality assurance did not identify the drift.", "Audit activity focused on performance data rather than the quality of work."],
        ["Senior leaders did not know how long cases were waiting for a worker.", "Performance reports showed timeliness but nothing about outcomes for children."],
        ["Leaders relied on figures that measured speed rather than safety.", "Changes to the service structure left gaps in responsibility."],
        "Leaders should ensure assurance reports show the quality of practice, not only its timeliness.",
    ),
    "reasoning-biases": (
        ["There was a rule of optimism about the parents' ability to change.", "Practitioners held a fixed view of the family and concerns were explained away.", "Confirmation bias meant new information was fitted to the existing picture."],
        ["Once the family was seen as doing well, later worries were interpreted in that light.", "The team believed the injury was accidental from the start and nothing shifted that belief."],
        ["There was no structured space to test hypotheses about the family.", "Hope for the family's success shaped judgements about risk."],
        "Supervision should routinely test alternative explanations for what is seen.",
    ),
    "training": (
        ["Staff were not aware of the local guidance and had not had training on it.", "Knowledge of the signs of abuse was limited among newly trained staff.", "Awareness of the issue was low across the learning and development offer."],
        ["The receptionist did not know that the pattern of calls was a warning sign.", "Few of the staff involved had been taught how to recognise this kind of harm."],
        ["Multi-agency courses were poorly attended because of workload.", "New staff started work before their induction was complete."],
        "The partnership should refresh its multi-agency learning offer on this topic.",
    ),
    "policies-procedures": (
        ["The transfer protocol between areas was not followed.", "The guidance was out of date and did not reflect current practice.", "Local procedures for case closure were not followed."],
        ["When the family moved, the new area received the case months later and without the full history.", "Two agencies were working to different versions of the same rules."],
        ["Staff did not know where to find the current rules.", "The procedures had not been reviewed after the last review."],
        "Partners should review local procedures and make sure they are followed.",
    ),
}

# Theme-neutral sentences that make a finding read like one; some use other themes' keywords on purpose.
NOISE = [
    "The review drew on the case file and conversations with practitioners.",
    "Practitioners described a period of change in the service at the time.",
    "A referral had been made some months earlier for another reason.",
    "The plan at the time was discussed at a meeting.",
    "Practitioners involved were committed and caring.",
    "The family had moved between two areas in the previous year.",
    "This happened during the pandemic, when many services worked remotely.",
    "The review found examples of good practice as well.",
    "Several agencies were involved with the family over a long period.",
    "This finding is not unique to this case.",
    "Parents took part in the review and their views are reflected here.",
    "The management of the review was shared between two partners.",
]

# How findings are often introduced: words that carry no theme.
OPENERS = ["", "", "", "The review found that ", "Practitioners told the review that ", "In hindsight, ", "Records show that "]

# Banal lessons written again and again: each variant is the same idea in slightly different words.
BANAL_RECOMMENDATIONS = [
    ["Partners should ensure information is shared in a timely manner.", "All partners should ensure that information is shared in a timely way.", "Partner agencies must ensure information is shared in a timely manner with all relevant professionals.", "Partners should ensure that relevant information is shared in a timely manner."],
    ["The partnership should ensure that the voice of the child is heard in all assessments.", "Partners should ensure the voice of the child is heard in all assessments.", "The safeguarding partnership should make sure the voice of the child is heard in every assessment."],
    ["Agencies should ensure that staff receive regular supervision.", "All agencies should ensure that staff receive regular and reflective supervision.", "Agencies should make sure that staff receive regular supervision."],
    ["The partnership should disseminate the learning from this review to all staff.", "Partners should disseminate the learning from this review to all frontline staff.", "The learning from this review should be disseminated to all staff across the partnership."],
    ["Practitioners should be reminded of the importance of professional curiosity.", "All practitioners should be reminded of the importance of professional curiosity and challenge.", "Staff should be reminded about the importance of professional curiosity."],
]
# fmt: on

# A specific, SMART recommendation: who, what, by when, and how the change will be seen. Written from
# independent parts so that two areas' specific recommendations rarely read alike.
SMART_LEADS = [
    "The designated nurse",
    "The head of children's social care",
    "The detective superintendent for safeguarding",
    "The named GP",
    "The partnership's business manager",
    "The principal social worker",
    "The head of midwifery",
    "The education safeguarding lead",
    "The housing service's safeguarding lead",
    "The youth justice manager",
    "The early help service manager",
    "The adult mental health lead",
]
SMART_ACTIONS = [
    "rewrite the {topic} guidance for {team} and pilot it in {count} cases",
    "audit {count} cases involving {topic} and present the findings to {forum}",
    "add a {topic} question to the {system}",
    "run {count} reflective sessions on {topic} for {team}",
    "agree a joint {topic} protocol with {partner}",
    "open a monthly {topic} consultation clinic staffed by {partner}",
    "commission a {topic} practice guide from {partner}",
    "flag {topic} concerns on the front sheet of the {system}",
    "train {count} {team} in recognising {topic}",
    "appoint a {topic} champion in each locality team",
    "hold a multi-agency case mapping day on {topic} with {partner}",
    "publish a seven-minute briefing on {topic} for {team}",
    "measure waiting times for {topic} referrals from {team} every quarter",
    "include {topic} in the induction of every new member of {team}",
    "test the {system} with {team} to see whether {topic} history is visible",
    "survey {count} families about their experience of help with {topic}",
]
SMART_TEAMS = [
    "health visitors",
    "the front door team",
    "duty social workers",
    "school designated leads",
    "neighbourhood police officers",
    "GP practices",
    "maternity staff",
    "housing officers",
    "the out-of-hours team",
]
SMART_SYSTEMS = [
    "case recording system",
    "maternity booking form",
    "police incident log",
    "GP record template",
    "school safeguarding software",
    "referral form",
]
SMART_PARTNERS = [
    "the named doctor",
    "the police public protection unit",
    "the adult drug and alcohol service",
    "the domestic abuse service",
    "the designated safeguarding leads' network",
    "the local hospital trust",
]
SMART_FORUMS = [
    "the quality assurance subgroup",
    "the partnership's executive",
    "the learning and improvement group",
    "the three lead chief officers",
]
SMART_MEASURES = [
    "Success will be {percent}% of audited cases showing it by {month}.",
    "A re-audit in {month} will show whether practice has changed.",
    "The partnership will hear in {month} how many families it reached.",
    "Progress will be reported to {forum} in {month}.",
]
MONTHS = ["January", "March", "April", "June", "July", "September", "October", "December"]
# What a specific recommendation is about: the theme's own words from the category scheme.
TOPIC_WORDS = {slug: keywords for _g, _n, _d, themes in taxonomy_data.SCHEME for slug, *_r, keywords in themes}
# How often a finding's recommendation is the theme's stock lesson rather than a specific one: some themes
# attract the same banal recommendation far more than others, which is what the repetition index shows.
STOCK_SHARE_BY_GROUP_POSITION = (0.75, 0.2, 0.45, 0.6, 0.1, 0.35)

# Themes that cluster in recent years, for the recurrence alerts: (themes, first year, weight).
CLUSTERS = [
    (("risk-to-infants", "unknown-adult-males"), 2024, 0.12),
    (("exploitation", "adolescents-extra-familial"), 2024, 0.10),
    (("online-harm", "exploitation"), 2025, 0.05),
]
INFANT_THEMES = {"risk-to-infants", "pre-birth", "young-parents"}
ADOLESCENT_THEMES = {"adolescents-extra-familial", "exploitation", "online-harm", "radicalisation"}
METHODOLOGIES = [
    "SCIE Learning Together",
    "Significant Incident Learning Process",
    "Appreciative inquiry",
    "Hybrid systems review",
    "Multi-agency practitioner event",
]
HARM_KINDS = {
    "neglect": "neglect", "domestic-abuse": "emotional", "risk-to-infants": "physical", "exploitation": "criminal_exploitation",
    "online-harm": "online", "radicalisation": "radicalisation", "adolescents-extra-familial": "physical",
}  # fmt: skip
AGENCY_KINDS = ["local_authority", "health", "police", "school", "probation", "youth_justice", "voluntary"]
SURNAME_LETTERS = "ABCDEFGHJKLMNPRSTVWY"


@dataclass
class SyntheticReport:
    """One report as it will reach the repository, with the codes its findings are meant to carry."""

    incoming: Incoming
    region_code: str
    intended_codes: list = field(default_factory=list)  # one list of theme slugs per finding


def _areas(rng, count):
    """About `count` real children's services authorities, spread over the nine regions."""
    with LOCAL_AUTHORITIES_CSV.open(newline="", encoding="utf-8") as handle:
        rows = [(r["la_name"], r["region24_code"], r["new_la_code"]) for r in csv.DictReader(handle)]
    by_region = {}
    for name, region, code in rows:
        by_region.setdefault(region, []).append((name.split(",")[0].strip(), region, code))
    per_region = max(1, count // len(by_region))
    chosen = []
    for region in sorted(by_region):
        chosen += rng.sample(by_region[region], min(per_region, len(by_region[region])))
    extra = [row for region in sorted(by_region) for row in by_region[region] if row not in chosen]
    chosen += rng.sample(extra, max(0, count - len(chosen)))
    return chosen


def _themes_for(rng, year, themes):
    """One to three codes: mostly drawn at random, sometimes one of the recent clusters."""
    for cluster, first_year, weight in CLUSTERS:
        if year >= first_year and rng.random() < weight * (1 + (year - first_year) * 0.25):
            chosen = list(cluster)
            if rng.random() < 0.25:
                chosen.append(rng.choice(themes))
            return list(dict.fromkeys(chosen))
    count = rng.choices([1, 2, 3], weights=[0.55, 0.35, 0.10])[0]
    return rng.sample(themes, count)


def _fill(rng, sentence):
    return sentence.format(parent=rng.choice(PARENTS), child=rng.choice(CHILDREN), agency=rng.choice(AGENCIES))


def _capitalise(sentence):
    return sentence[:1].upper() + sentence[1:]


def _opened(rng, sentence):
    opener = rng.choice(OPENERS)
    if not opener:
        return _capitalise(sentence)
    lowered = sentence[:1].lower() + sentence[1:] if sentence[1:2].islower() else sentence
    return opener + lowered


def _finding_text(rng, codes, themes):
    """(what happened, why). Per code a sentence, with keywords about two times in three; a secondary code
    is sometimes evident only from why it happened; and about a third of findings mention another theme's
    circumstances in passing, which the coders did not code (as real findings do)."""
    what, why = [], []
    for number, slug in enumerate(codes):
        with_keywords, plain, reasons, _rec = BANKS[slug]
        if number and rng.random() < 0.25:
            why.append(rng.choice(reasons))
            continue
        bank = with_keywords if rng.random() < 0.62 else plain
        what.append(_opened(rng, _fill(rng, rng.choice(bank))))
    if rng.random() < 0.33:
        passing = rng.choice([slug for slug in themes if slug not in codes])
        what.insert(rng.randrange(len(what) + 1), _opened(rng, _fill(rng, rng.choice(BANKS[passing][1]))))
    if rng.random() < 0.5:
        what.insert(rng.randrange(len(what) + 1), rng.choice(NOISE))
    if not why or rng.random() < 0.6:
        why.insert(0, rng.choice(BANKS[codes[0]][2]))
    if rng.random() < 0.3:
        why.append(rng.choice(NOISE))
    return " ".join(what), " ".join(why)


def _age_band(rng, codes):
    if INFANT_THEMES & set(codes):
        return AgeBand.UNDER_1
    if ADOLESCENT_THEMES & set(codes):
        return rng.choice([AgeBand.AGE_10_15, AgeBand.AGE_16_17])
    return rng.choice([AgeBand.AGE_1_4, AgeBand.AGE_5_9, AgeBand.AGE_10_15, AgeBand.UNDER_1])


def _published_on(rng, number, total):
    """Spread over the years, a little denser in recent ones (more reports reach the repository)."""
    first = datetime.date(FIRST_YEAR, 1, 15)
    span = (LAST_DAY - first).days
    position = (number + rng.random()) / total
    return first + datetime.timedelta(days=int(span * position**0.85))


def _recommendation(rng, slug, published_on):
    """The theme's stock lesson, or a specific SMART recommendation about the theme."""
    stock_share = STOCK_SHARE_BY_GROUP_POSITION[sorted(BANKS).index(slug) % len(STOCK_SHARE_BY_GROUP_POSITION)]
    if rng.random() < stock_share:
        return BANKS[slug][3]
    topic = rng.choice(TOPIC_WORDS[slug])
    due = f"{rng.choice(MONTHS)} {published_on.year + 1}"
    action = rng.choice(SMART_ACTIONS).format(
        topic=topic,
        team=rng.choice(SMART_TEAMS),
        count=rng.choice(["six", "ten", "twelve", "twenty", "thirty"]),
        forum=rng.choice(SMART_FORUMS),
        system=rng.choice(SMART_SYSTEMS),
        partner=rng.choice(SMART_PARTNERS),
    )
    measure = rng.choice(SMART_MEASURES).format(
        percent=rng.choice([80, 85, 90, 95]), month=f"{rng.choice(MONTHS)} {published_on.year + 2}",
        forum=rng.choice(SMART_FORUMS),
    )  # fmt: skip
    measure = f" {measure}" if rng.random() < 0.4 else ""
    return f"{rng.choice(SMART_LEADS)} will {action} by {due}.{measure}"


def _report(rng, number, total, areas, themes):
    published_on = _published_on(rng, number, total)
    area_name, region_code, _code = rng.choice(areas)
    findings, intended, recommendations = [], [], []
    # Recommendations draw on their own generator, so changing how they are worded leaves the findings
    # (and the coding benchmark built on them) exactly as they were.
    wording = random.Random(f"{number}-recommendations")  # noqa: S311 (reproducible text, not security)
    for position in range(1, rng.randint(2, 6) + 1):
        codes = _themes_for(rng, published_on.year, themes)
        what, why = _finding_text(rng, codes, themes)
        findings.append(IncomingFinding(what, why, sorted(rng.sample(AGENCY_KINDS, rng.randint(1, 3)))))
        intended.append(codes)
        recommendations.append(
            IncomingRecommendation(_recommendation(wording, codes[0], published_on), finding_position=position)
        )
    for variants in wording.sample(BANAL_RECOMMENDATIONS, wording.choice([0, 0, 1])):
        recommendations.append(IncomingRecommendation(wording.choice(variants), addressee="All partners"))
    all_codes = [slug for codes in intended for slug in codes]
    kind = EntryKind.HISTORIC_REVIEW if published_on.year < 2022 else EntryKind.LLI_REPORT
    child = f"Child {rng.choice(SURNAME_LETTERS)}{rng.choice(SURNAME_LETTERS)}"
    harm = rng.choices(["death", "serious_harm"], weights=[0.45, 0.55])[0]
    summary = (
        f"This review by the {area_name} Safeguarding Children Partnership looked at the help given to {child} "
        f"and their family before the child {'died' if harm == 'death' else 'was seriously harmed'}. "
        f"{findings[0].what_happened}"
    )
    incoming = Incoming(
        source_key=f"{SOURCE_KEY_PREFIX}{number + 1:04d}",
        source=EntrySource.IMPORTED,
        kind=kind,
        title=f"{child}: {'serious case review' if kind == EntryKind.HISTORIC_REVIEW else 'local learning inquiry'}",
        summary=summary,
        area_name=f"{area_name} Safeguarding Children Partnership",
        published_on=published_on,
        sections=[
            ("Background", f"{child} lived with their family in the area. {rng.choice(NOISE)}"),
            ("What we have learned", " ".join(f.what_happened for f in findings)),
        ],
        findings=findings,
        recommendations=recommendations,
        harm=harm,
        harm_kinds=sorted({HARM_KINDS[slug] for slug in all_codes if slug in HARM_KINDS}) or ["other"],
        age_band=_age_band(rng, all_codes),
        methodology=rng.choice(METHODOLOGIES),
        agencies=sorted({kind for f in findings for kind in f.agencies}),
    )
    return SyntheticReport(incoming=incoming, region_code=region_code, intended_codes=intended)


def generate_corpus(*, seed=SEED, reports=REPORTS, areas=AREAS):
    """The synthetic reports, oldest first. Pure: touches no database, same seed, same words."""
    rng = random.Random(seed)  # noqa: S311 (reproducible text, not security)
    chosen_areas = _areas(rng, areas)
    themes = sorted(BANKS)
    return [_report(rng, number, reports, chosen_areas, themes) for number in range(reports)]
