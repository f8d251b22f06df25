"""Synthetic serious incidents for the demo world, one or more in every state of the journey.

Every child, family, professional and event here is invented. NHS numbers come from the 999 range
the NHS never issues. Findings say what happened and why (the conditions of work, not who was at
fault); recommendations name an organisation, the change, a measurable outcome and a date, except
for one left vague on purpose so the quality check can be seen flagging it.

Organisations are named by kind ("local_authority", "health", "police", "school", ...) meaning the
area's first partner of that kind, or by their exact name.
"""

import datetime
from dataclasses import dataclass

from .states import IncidentStatus as S

D = datetime.date.fromisoformat


@dataclass(frozen=True)
class Child:
    serial: int
    given_names: str
    family_name: str
    born: str
    postcode: str


@dataclass(frozen=True)
class DemoFinding:
    journey_stage: str
    kind: str
    agencies: tuple
    what_happened: str
    why: str


@dataclass(frozen=True)
class DemoRecommendation:
    finding: int | None  # index into the case's findings
    addressee: str | None
    change: str
    outcome: str
    due_on: str | None


@dataclass(frozen=True)
class DemoAction:
    recommendation: int
    description: str
    owner: str
    due_on: str
    status: str
    evidence: str = ""


@dataclass(frozen=True)
class DemoCase:
    key: str
    area: str
    stage: str
    child: Child
    aware: str
    notified: str | None
    notification: dict
    agencies: tuple = ()
    # The rapid inquiry: summaries as (agency, due, received or None, summary), engagements as
    # (agency, role, date, how), safety actions as (agency, date, description), then the decision.
    summaries: tuple = ()
    engagements: tuple = ()
    safety_actions: tuple = ()
    assessment: str = ""
    decision: str = ""
    reasons: str = ""
    # Written without names, for the national repository, when the decision is no further review.
    national_summary: str = ""
    sign_offs: tuple = ()  # the partner kinds that have signed, when the decision is not final yet
    decided: str | None = None
    # The local learning inquiry: (methodology slug, terms of reference), involvement rows as
    # (kind, who, response, offered, answered).
    lli: tuple = ()
    involvements: tuple = ()
    pause: tuple = ()  # (proceeding, reason, starts, decision or "")
    findings: tuple = ()
    recommendations: tuple = ()
    actions: tuple = ()
    completed: str | None = None
    report: dict | None = None
    published: str | None = None
    submitted_to_national_body: str | None = None
    accountability: tuple = ()  # (body, body name, date, note)


def _notification(**fields):
    base = {
        "abuse_or_neglect": "suspected",
        "where_harmed": "in_area",
        "looked_after_or_care_leaver_death": False,
        "other_children": "",
        "child_disability": "no",
        "parallel_proceedings": {},
    }
    base.update(fields)
    return base


SUMMARY_RECEIVED = "Chronology of contacts since birth, with the agency's own analysis; no names."

CASES = (
    DemoCase(
        key="tv-exploitation-draft",
        area="tees-valley",
        stage=S.DRAFT,
        child=Child(401, "Tyler James", "Ashworth", "2011-04-18", "TS3 9ZA"),
        aware="2026-11-24",
        notified=None,
        notification=_notification(
            incident_date=D("2026-11-22"),
            aware_date=D("2026-11-24"),
            harm="serious_harm",
            harm_kinds=["criminal_exploitation"],
            summary=(
                "Boy of 15 admitted with a stab wound to the thigh after being found in a flat used to sell drugs. "
                "Reported missing four times since the summer. Details still being gathered."
            ),
            child_age_years=15,
            child_sex="male",
            child_ethnicity="white",
        ),
        agencies=("police", "Tees Valley Youth Justice Service"),
    ),
    DemoCase(
        key="tv-infant-head-injury",
        area="tees-valley",
        stage=S.SUBMITTED,
        child=Child(402, "Arlo", "Penhaligon", "2026-07-19", "TS18 9ZB"),
        aware="2026-11-20",
        notified="2026-11-23",
        notification=_notification(
            incident_date=D("2026-11-19"),
            aware_date=D("2026-11-20"),
            harm="serious_harm",
            harm_kinds=["physical"],
            summary=(
                "Four-month-old baby brought to the emergency department with a subdural haemorrhage and "
                "rib fractures of different ages. The parents say he rolled off a sofa. Siblings aged 3 and 6 "
                "placed with grandparents under a safety plan."
            ),
            child_age_years=0,
            child_sex="male",
            child_ethnicity="white",
            child_status="early_help",
            parallel_proceedings={"police_investigation": "under_way"},
        ),
        agencies=("local_authority", "health", "police"),
    ),
    DemoCase(
        key="tv-cse-rapid-inquiry",
        area="tees-valley",
        stage=S.RAPID_INQUIRY,
        child=Child(403, "Keira", "Lindqvist", "2012-02-03", "TS25 9ZC"),
        aware="2026-11-02",
        notified="2026-11-05",
        notification=_notification(
            abuse_or_neglect="known",
            incident_date=D("2026-10-30"),
            aware_date=D("2026-11-02"),
            harm="serious_harm",
            harm_kinds=["cse", "online"],
            summary=(
                "Girl of 14 found in a car with two adult men 30 miles from home at 2am; she disclosed "
                "sexual abuse over several months by men she met through a social media app. School had "
                "recorded concerns about older 'boyfriends' since the spring."
            ),
            child_age_years=14,
            child_sex="female",
            child_ethnicity="white",
            child_status="child_in_need",
            parallel_proceedings={"police_investigation": "under_way"},
        ),
        agencies=("local_authority", "police", "health", "Riverside Learning Trust"),
        summaries=(
            ("police", "2026-11-16", "2026-11-13", SUMMARY_RECEIVED),
            ("health", "2026-11-16", "2026-11-16", SUMMARY_RECEIVED),
            ("Riverside Learning Trust", "2026-11-20", None, ""),
        ),
        engagements=(
            ("local_authority", "Allocated social worker", "2026-11-10", "One-to-one conversation"),
            ("Riverside Learning Trust", "Designated safeguarding lead", "2026-11-12", "Telephone"),
            ("health", "School nurse", "2026-11-12", "One-to-one conversation"),
        ),
        safety_actions=(
            ("police", "2026-11-03", "Child abduction warning notices served on both men; car seized."),
            (
                "local_authority",
                "2026-11-04",
                "Strategy meeting held; a child protection enquiry opened and a safety plan agreed with the mother.",
            ),
        ),
        assessment=(
            "Concerns about older men were recorded by school from April and shared with children's social "
            "care twice, each time closed at the front door as 'no role'. The child in need plan did not "
            "mention exploitation. Practitioners describe the exploitation screening tool as used only by "
            "the specialist team."
        ),
        decision="lli",
        reasons=(
            "The repeated closure of referrals at the front door may reflect how the exploitation pathway "
            "works across the four local authorities, not one practitioner's judgment: a local learning "
            "inquiry can test this."
        ),
        sign_offs=("local_authority", "health"),
    ),
    DemoCase(
        key="tv-neglect-lli",
        area="tees-valley",
        stage=S.LLI,
        child=Child(404, "Poppy", "Kettleborough", "2024-06-27", "TS6 9ZD"),
        aware="2026-09-01",
        notified="2026-09-03",
        notification=_notification(
            abuse_or_neglect="known",
            incident_date=D("2026-08-30"),
            aware_date=D("2026-09-01"),
            harm="death",
            harm_kinds=["neglect"],
            summary=(
                "Girl of 2 died of dehydration and malnutrition at home. Her mother, who has a long history of "
                "alcohol misuse, was found unconscious in the same room. The family had moved between three "
                "addresses in the area in a year."
            ),
            child_age_years=2,
            child_sex="female",
            child_ethnicity="white",
            child_status="child_in_need",
            parallel_proceedings={"police_investigation": "under_way", "inquest": "planned"},
        ),
        agencies=("local_authority", "health", "police", "Family Lifeline Tees"),
        summaries=(
            ("health", "2026-09-15", "2026-09-14", SUMMARY_RECEIVED),
            ("police", "2026-09-15", "2026-09-15", SUMMARY_RECEIVED),
            ("Family Lifeline Tees", "2026-09-15", "2026-09-11", SUMMARY_RECEIVED),
        ),
        engagements=(("health", "Health visitor", "2026-09-10", "One-to-one conversation"),),
        safety_actions=(
            ("local_authority", "2026-09-02", "Older sibling's placement with her father confirmed as safe."),
        ),
        assessment=(
            "The child was not seen by any practitioner in the 11 weeks before her death. Each move of address "
            "transferred the health visiting record, but the child in need plan stayed with the first team."
        ),
        decision="lli",
        reasons="Moves between addresses broke the plan's continuity across services: learning for the partnership.",
        decided="2026-09-22",
        lli=(
            "silp",
            "How did the child's moves between three addresses affect who saw her and who held the plan? "
            "Period: her birth to her death. Agencies: children's social care, health visiting, GP, the "
            "alcohol service and the housing provider.",
        ),
        involvements=(
            ("family", "Mother", "accepted", "2026-10-05", "2026-10-12"),
            ("family", "Maternal grandmother", "declined", "2026-10-05", "2026-10-20"),
            ("practitioner", "Health visitor", "accepted", "2026-10-01", "2026-10-02"),
            ("practitioner", "Alcohol service recovery worker", "offered", "2026-11-18", None),
        ),
        pause=(
            "criminal_trial",
            "The Crown Prosecution Service has asked that the mother is not interviewed by the inquiry "
            "until she has entered a plea; the hearing is listed for 8 December.",
            "2026-11-16",
            "",
        ),
    ),
    DemoCase(
        key="tv-physical-abuse-findings",
        area="tees-valley",
        stage=S.FINDINGS,
        child=Child(405, "Mason", "Drummond-Fairley", "2017-05-09", "TS17 9ZE"),
        aware="2026-06-10",
        notified="2026-06-12",
        notification=_notification(
            abuse_or_neglect="known",
            incident_date=D("2026-06-08"),
            aware_date=D("2026-06-10"),
            harm="serious_harm",
            harm_kinds=["physical", "emotional"],
            summary=(
                "Boy of 9 admitted with a fractured skull and bruising to his back after an assault by his "
                "mother's partner, who had moved into the home in January. The partner was known to the police "
                "for domestic abuse in a previous relationship."
            ),
            child_age_years=9,
            child_sex="male",
            child_ethnicity="mixed",
            child_status="none",
            parallel_proceedings={"police_investigation": "concluded", "criminal_trial": "under_way"},
        ),
        agencies=("local_authority", "police", "health", "Riverside Learning Trust", "Probation Service, Tees Valley"),
        summaries=(
            ("police", "2026-06-26", "2026-06-24", SUMMARY_RECEIVED),
            ("Riverside Learning Trust", "2026-06-26", "2026-06-25", SUMMARY_RECEIVED),
        ),
        assessment=(
            "The partner's history was known to the police and probation; neither knew he had moved in with a "
            "child. School saw a change in the boy's behaviour from February and recorded it as anxiety."
        ),
        decision="lli",
        reasons="Learning on how a new adult in a child's home comes to the attention of the agencies that know him.",
        decided="2026-07-01",
        lli=(
            "systems-learning-together",
            "What helped and hindered agencies in knowing that a man with a history of domestic abuse had "
            "joined the household? Period: September 2025 to June 2026.",
        ),
        involvements=(
            ("family", "Mother", "accepted", "2026-07-20", "2026-07-28"),
            ("practitioner", "Class teacher", "accepted", "2026-07-15", "2026-07-16"),
            ("practitioner", "Probation officer", "accepted", "2026-07-15", "2026-07-21"),
        ),
        findings=(
            DemoFinding(
                "intervention",
                "problem",
                ("police", "Probation Service, Tees Valley"),
                "The partner told his probation officer in January that he had 'moved in with a friend'. The "
                "address was updated on the probation case record; no check was made of who else lived there.",
                "Probation's address-change checklist asks about risk to a known partner, not about children in "
                "the household, and the police domestic abuse disclosure scheme is only started on request. "
                "Officers described high caseloads in which an address change is treated as administration.",
            ),
            DemoFinding(
                "early_childhood",
                "problem",
                ("Riverside Learning Trust",),
                "Between February and May the boy's teacher logged seven entries about him being withdrawn, "
                "flinching and reluctant to go home. Each was recorded as anxiety and none reached the "
                "designated safeguarding lead.",
                "The school's recording system files 'wellbeing' and 'safeguarding' entries separately and only "
                "the second alerts the designated lead; staff chose the category, and training had taught them "
                "to keep safeguarding entries for disclosures.",
            ),
            DemoFinding(
                "crisis",
                "good_practice",
                ("health", "local_authority"),
                "The emergency department consultant recognised the pattern of injury, spoke to children's "
                "social care within the hour and the strategy discussion took place the same evening.",
                "The hospital's safeguarding team is on site seven days a week and the out-of-hours social work "
                "team has a direct line to it, so the consultant did not have to wait for office hours.",
            ),
        ),
        recommendations=(
            DemoRecommendation(
                0,
                "Probation Service, Tees Valley",
                "Add to the address-change checklist a question on whether children live at or often visit the "
                "new address, with a referral to children's social care when the person on probation has a "
                "history of domestic abuse.",
                "An audit of 30 address changes of people with a domestic abuse history, in the quarter after the "
                "change, finds the question answered in at least 27 and every positive answer referred.",
                "2027-03-31",
            ),
            DemoRecommendation(
                1,
                "Riverside Learning Trust",
                "Change the recording system so that three wellbeing entries about one child in a term alert the "
                "designated safeguarding lead, and train staff on the change.",
                "By July 2027 every alert in the summer term is reviewed by the designated lead within 5 school "
                "days, shown by the system's own report.",
                "2027-02-28",
            ),
            DemoRecommendation(
                None,
                None,
                "Partners should consider how to improve communication about new adults in the household.",
                "",
                None,
            ),
        ),
        actions=(
            DemoAction(
                0,
                "Rewrite the address-change checklist and add it to the case management system",
                "Head of Public Protection, Probation Service, Tees Valley",
                "2027-01-31",
                "in_progress",
            ),
            DemoAction(
                1,
                "Configure the alert in the recording system and brief every school's designated lead",
                "Trust Safeguarding Lead",
                "2026-11-13",
                "in_progress",
            ),
        ),
    ),
    DemoCase(
        key="tv-looked-after-published",
        area="tees-valley",
        stage=S.SUBMITTED_NATIONAL,
        child=Child(406, "Jade Louise", "Marwood", "2009-10-22", "TS20 9ZF"),
        aware="2026-02-09",
        notified="2026-02-11",
        notification=_notification(
            abuse_or_neglect="not_suspected",
            where_harmed="resident_elsewhere",
            looked_after_or_care_leaver_death=True,
            incident_date=D("2026-02-07"),
            aware_date=D("2026-02-09"),
            harm="death",
            harm_kinds=["other"],
            summary=(
                "Girl of 16, looked after, died after taking an overdose in supported accommodation 60 miles "
                "from home. She had moved placement five times in a year and was waiting for a mental health "
                "assessment."
            ),
            child_age_years=16,
            child_sex="female",
            child_ethnicity="white",
            child_disability="not_known",
            child_status="looked_after",
            parallel_proceedings={"inquest": "concluded"},
        ),
        agencies=("local_authority", "health", "police"),
        summaries=(("health", "2026-02-23", "2026-02-20", SUMMARY_RECEIVED),),
        assessment=(
            "Each move was made in a crisis, at short notice, to the placement available that day. Her "
            "referral for a mental health assessment was transferred with her twice and restarted each time."
        ),
        decision="lli",
        reasons="The way placements are found, and how health referrals follow a child between areas, need inquiry.",
        decided="2026-03-02",
        lli=(
            "practitioner-learning-event",
            "How did placement moves and the transfer of health referrals between areas affect the help she "
            "received in her last year? Period: February 2025 to February 2026.",
        ),
        involvements=(
            ("family", "Father", "accepted", "2026-03-16", "2026-03-20"),
            ("practitioner", "Independent reviewing officer", "accepted", "2026-03-10", "2026-03-11"),
            ("practitioner", "Supported accommodation key worker", "accepted", "2026-03-10", "2026-03-13"),
        ),
        findings=(
            DemoFinding(
                "transition",
                "problem",
                ("health",),
                "Her referral to child and adolescent mental health services was closed by the home area's "
                "service when she moved and a new referral made in each new area; after 9 months she had still "
                "not been assessed.",
                "Mental health services commission by registered GP, and the rules for transferring a referral "
                "between areas were written for planned moves. No one held the referral for a child who moved "
                "in a crisis.",
            ),
            DemoFinding(
                "planning",
                "problem",
                ("local_authority",),
                "Four of her five moves were made with less than 24 hours' notice and her care plan was reviewed "
                "after only two of them.",
                "The placement team searches only when a placement breaks down; there is no standing search for "
                "children whose placement is fragile, and out-of-area supported accommodation was often the only "
                "offer on the day.",
            ),
            DemoFinding(
                "intervention",
                "good_practice",
                ("local_authority",),
                "Her independent reviewing officer stayed the same throughout, visited her after every move and "
                "was the one adult she named as trusted.",
                "The service protects continuity of reviewing officers for children with unstable placements "
                "by design, accepting larger caseloads elsewhere.",
            ),
        ),
        recommendations=(
            DemoRecommendation(
                0,
                "health",
                "Agree with the mental health providers of the region that a looked-after child's referral "
                "stays open with the original service until the new service has accepted it, whatever the reason "
                "for the move.",
                "No looked-after child's referral is closed on transfer in 2027; quarterly reports to the "
                "partnership's executive show the number transferred and the days waited.",
                "2026-10-31",
            ),
            DemoRecommendation(
                1,
                "local_authority",
                "Start a placement search as soon as an independent reviewing officer or social worker records "
                "a placement as fragile, and review the care plan within 5 working days of every unplanned move.",
                "Unplanned moves fall from 41% to under 25% of all moves of children aged 13 and over by "
                "December 2027, and 95% of care plans are reviewed within 5 working days of an unplanned move.",
                "2027-01-31",
            ),
        ),
        actions=(
            DemoAction(
                0,
                "Draft the referral transfer protocol with the three mental health trusts",
                "Designated Nurse for Looked After Children",
                "2026-07-31",
                "done",
                "Protocol signed by all three trusts in July; of 11 referrals transferred since, none was closed "
                "and the median wait fell from 19 to 8 weeks.",
            ),
            DemoAction(
                0,
                "Report transfers and waits to the partnership executive every quarter",
                "Integrated Care Board Head of Safeguarding",
                "2026-10-31",
                "in_progress",
            ),
            DemoAction(
                1,
                "Add a 'fragile placement' flag to the case record that starts a search",
                "Head of Service, Children in Care",
                "2027-01-31",
                "not_started",
            ),
        ),
        completed="2026-05-28",
        report={
            "title": "Local learning inquiry: a looked-after girl of 16",
            "summary": (
                "A girl of 16 in the care of the local authority died in supported accommodation out of area. "
                "This inquiry looked at how placement moves and the transfer of health referrals affected the "
                "help she received in her last year."
            ),
            "background": (
                "She came into care aged 14. In her last year she lived in five places, four reached in a crisis. "
                "She had been referred for a mental health assessment nine months before her death."
            ),
            "methodology_used": (
                "A practitioner learning event with 14 practitioners from 7 agencies, a timeline from agency "
                "records, and conversations with her father and her independent reviewing officer."
            ),
            "what_went_well": (
                "One independent reviewing officer stayed with her throughout and saw her after every move. "
                "Supported accommodation staff called the police and ambulance at once."
            ),
            "learning": (
                "Referrals closed on transfer leave children who move in a crisis without any assessment. "
                "Placement searches that begin only at breakdown make crisis moves the norm for older children."
            ),
        },
        published="2026-06-25",
        submitted_to_national_body="2026-06-30",
        accountability=(
            (
                "scrutiny",
                "Children and Young People Scrutiny Committee",
                "2026-07-14",
                "Questions on placement sufficiency",
            ),
            ("health_board", "NHS North East and North Cumbria ICB Quality Committee", "2026-07-21", ""),
            ("pcc", "Cleveland Police and Crime Commissioner", "2026-09-08", "Reported with the annual report"),
        ),
    ),
    DemoCase(
        key="leeds-fracture-no-review",
        area="leeds",
        stage=S.NO_FURTHER_REVIEW,
        child=Child(407, "Oscar", "Villiers-Abbot", "2015-03-12", "LS10 9ZG"),
        aware="2026-08-03",
        notified="2026-08-05",
        notification=_notification(
            incident_date=D("2026-08-01"),
            aware_date=D("2026-08-03"),
            harm="serious_harm",
            harm_kinds=["physical"],
            summary=(
                "Boy of 11 with a spiral fracture of the forearm; he told a teacher at summer club that his "
                "father had twisted his arm. The father was arrested and is on bail away from the home."
            ),
            child_age_years=11,
            child_sex="male",
            child_ethnicity="white",
            child_status="none",
            parallel_proceedings={"police_investigation": "under_way"},
        ),
        agencies=("local_authority", "police", "Aire Valley Academies"),
        summaries=(("Aire Valley Academies", "2026-08-17", "2026-08-12", SUMMARY_RECEIVED),),
        assessment=(
            "No agency had concerns before this incident. The teacher acted on the disclosure the same day and "
            "agencies responded as the local procedures expect."
        ),
        decision="no_further_review",
        reasons=(
            "The rapid inquiry found no earlier signs that agencies missed and no practice to learn from beyond "
            "what it has already captured; the learning about summer provision is shared through the newsletter."
        ),
        national_summary=(
            "A disclosure made to a teacher at a summer activity scheme was acted on the same day. The scheme's "
            "staff knew the procedure because the partnership had briefed holiday providers before the summer: "
            "briefing holiday providers each year is worth keeping."
        ),
        decided="2026-08-21",
    ),
    DemoCase(
        key="leeds-county-lines-nsci",
        area="leeds",
        stage=S.REFERRED_NSCI,
        child=Child(408, "Reuben", "Okonjo-Hale", "2011-12-30", "LS9 9ZH"),
        aware="2026-09-21",
        notified="2026-09-23",
        notification=_notification(
            abuse_or_neglect="known",
            incident_date=D("2026-09-19"),
            aware_date=D("2026-09-21"),
            harm="serious_harm",
            harm_kinds=["criminal_exploitation", "trafficking"],
            summary=(
                "Boy of 14 stabbed in a flat in a coastal town where he had been taken to sell drugs; the third "
                "child from the city seriously harmed on the same drugs line in 12 months."
            ),
            child_age_years=14,
            child_sex="male",
            child_ethnicity="black",
            child_status="child_protection_plan",
            parallel_proceedings={"police_investigation": "under_way"},
            other_children="Two other children found at the address are notified with this case, by pseudonym.",
        ),
        agencies=("local_authority", "police", "Leeds Youth Justice Service"),
        assessment="The pattern across areas and the gravity of the harm go beyond what one area can learn alone.",
        decision="referred_nsci",
        reasons=(
            "Three children from the city harmed on one drugs line within 12 months, crossing three police "
            "forces: the national body is better placed to look at the pattern."
        ),
        decided="2026-10-14",
    ),
    DemoCase(
        key="leeds-infant-death-report",
        area="leeds",
        stage=S.REPORT_DRAFTED,
        child=Child(409, "Ivy", "Farrowdale", "2026-03-16", "LS12 9ZJ"),
        aware="2026-05-05",
        notified="2026-05-07",
        notification=_notification(
            incident_date=D("2026-05-03"),
            aware_date=D("2026-05-05"),
            harm="death",
            harm_kinds=["neglect"],
            summary=(
                "Baby of 7 weeks died while sleeping on a sofa with her father, who had taken heroin. She was on "
                "a child protection plan from birth because of parental drug use."
            ),
            child_age_years=0,
            child_sex="female",
            child_ethnicity="white",
            child_status="child_protection_plan",
            parallel_proceedings={"inquest": "planned", "police_investigation": "concluded"},
        ),
        agencies=("local_authority", "health", "police", "Young Lives Leeds"),
        assessment="Safer sleep advice was given but the plan did not address where the baby would sleep at night.",
        decision="lli",
        reasons="Learning on how safer sleep is planned with parents who use drugs.",
        decided="2026-05-27",
        lli=(
            "systems-learning-together",
            "How do practitioners plan safe sleep with parents who use drugs, and what gets in the way? Period: "
            "the pregnancy to the baby's death.",
        ),
        involvements=(("practitioner", "Specialist midwife", "accepted", "2026-06-08", "2026-06-09"),),
        findings=(
            DemoFinding(
                "pregnancy_birth",
                "good_practice",
                ("health",),
                "The specialist midwife saw the mother eleven times in pregnancy and the pre-birth plan was in "
                "place four weeks before the birth.",
                "The drug and alcohol midwifery team has protected caseloads and starts pre-birth planning at "
                "20 weeks by default.",
            ),
            DemoFinding(
                "planning",
                "problem",
                ("local_authority", "health", "Young Lives Leeds"),
                "Safer sleep advice was given five times, but no plan said where the baby would sleep when the "
                "parents had used drugs, and the family had no cot downstairs.",
                "Safer sleep is treated as advice for parents rather than a part of the child protection plan; "
                "the plan template has no place for it, and practitioners assumed another agency had covered it.",
            ),
        ),
        recommendations=(
            DemoRecommendation(
                1,
                "local_authority",
                "Add a safer sleep section to the child protection plan template for every baby under 12 months, "
                "agreed with the parents, naming where the baby sleeps by day and night and what happens after "
                "drug or alcohol use.",
                "A dip sample of 20 plans for babies in the quarter after the change finds the section completed "
                "and agreed in at least 18.",
                "2027-01-31",
            ),
            DemoRecommendation(
                1,
                "health",
                "Health visitors check the safer sleep plan at every contact with a family on a child protection "
                "plan and record where the baby slept the night before.",
                "Record audit of 30 health visiting contacts shows the check recorded in at least 27 by June 2027.",
                "2027-06-30",
            ),
        ),
        actions=(
            DemoAction(
                0, "Change the plan template in the case system", "Principal Social Worker", "2027-01-31", "in_progress"
            ),
        ),
        completed="2026-11-10",
        report={
            "title": "Local learning inquiry: baby Ivy, 7 weeks",
            "summary": (
                "Ivy died at 7 weeks while sleeping on a sofa with her father after he had used heroin. She was on "
                "a child protection plan from birth."
            ),
            "background": (
                "Ivy Farrowdale was born in March 2026. Her parents were known to the drug service. The pre-birth "
                "assessment led to a child protection plan; the family was visited weekly."
            ),
            "methodology_used": (
                "A systems approach: case-group meetings with 9 practitioners and a review of records."
            ),
            "what_went_well": (
                "Pre-birth planning was early and thorough; the midwife's relationship with the mother was strong."
            ),
            "learning": (
                "Advice is not a plan: where the baby sleeps after the parents have used drugs must be agreed and "
                "checked, not assumed."
            ),
        },
    ),
    DemoCase(
        key="leeds-online-abuse-published",
        area="leeds",
        stage=S.PUBLISHED,
        child=Child(410, "Nadia", "Sorensen-Quaye", "2013-01-25", "LS6 9ZK"),
        aware="2026-01-12",
        notified="2026-01-14",
        notification=_notification(
            abuse_or_neglect="known",
            incident_date=D("2026-01-09"),
            aware_date=D("2026-01-12"),
            harm="serious_harm",
            harm_kinds=["sexual", "online"],
            summary=(
                "Girl of 12 sexually abused by a man of 34 she met on a gaming platform; she was taken to a hotel "
                "and found by the police after her mother reported her missing."
            ),
            child_age_years=12,
            child_sex="female",
            child_ethnicity="mixed",
            child_status="none",
            parallel_proceedings={"criminal_trial": "concluded"},
        ),
        agencies=("local_authority", "police", "Aire Valley Academies"),
        assessment="School had two reports of the girl talking to an adult online and gave advice both times.",
        decision="lli",
        reasons="Learning on how schools respond to reports of children in contact with unknown adults online.",
        decided="2026-02-02",
        lli=(
            "appreciative-inquiry",
            "What helps school staff act on reports that a child is in contact with an unknown adult online?",
        ),
        findings=(
            DemoFinding(
                "early_help",
                "problem",
                ("Aire Valley Academies",),
                "Twice in November a friend told a teacher the girl was messaging 'an older guy'. The girl was "
                "given e-safety advice; no referral was made and her mother was not told.",
                "The academy's online safety policy treats contact with strangers as an education matter, and "
                "the flowchart staff use has no route to the designated lead unless images are involved.",
            ),
        ),
        recommendations=(
            DemoRecommendation(
                0,
                "Aire Valley Academies",
                "Revise the online safety flowchart so that any report of a child in contact with an unknown "
                "adult goes to the designated safeguarding lead the same day, who decides on referral.",
                "Termly audit shows every such report in the log reached the designated lead the same day.",
                "2026-09-01",
            ),
        ),
        actions=(
            DemoAction(
                0,
                "Publish the revised flowchart and train staff in all academies",
                "Director of Safeguarding, Aire Valley Academies",
                "2026-09-01",
                "done",
                "All 14 academies trained by September; the autumn audit found 23 reports, all with the "
                "designated lead the same day, 4 referred.",
            ),
        ),
        completed="2026-04-24",
        report={
            "title": "Local learning inquiry: online contact with an unknown adult",
            "summary": "A girl of 12 was sexually abused by a man she met online. School had two reports beforehand.",
            "background": "She lived with her mother and attended a city academy. No agency had been involved before.",
            "methodology_used": "Appreciative inquiry with school staff, the police and children's social care.",
            "what_went_well": "The police found her within six hours of the missing report.",
            "learning": (
                "Reports of contact with unknown adults online are safeguarding concerns, not lessons in e-safety."
            ),
        },
        published="2026-05-20",
        accountability=(("scrutiny", "Scrutiny Board (Children and Families)", "2026-06-17", ""),),
    ),
)
