"""The sections an area's arrangements document must cover, with the guidance shown beside each.

They are data, not code paths: Wood recommendation 2 (what a local plan must describe) and
paragraph 69 (the strategic issues the partners' board should focus on). Adding a section here
adds it to every new draft; a version keeps the sections it was written with.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionDefinition:
    key: str
    title: str
    source: str
    guidance: str
    max_characters: int = 12000
    # Sections whose claims a reader should be able to check: completeness asks for evidence.
    needs_evidence: bool = False


SECTIONS = (
    SectionDefinition(
        "statutory-framework",
        "Meeting the statutory framework",
        "Recommendation 2",
        "How the partners' arrangements meet the statutory framework for multi-agency arrangements: "
        "which duties each of the three partners carries and how the arrangements discharge them together.",
    ),
    SectionDefinition(
        "coordination",
        "How services are coordinated",
        "Recommendation 2",
        "How the partners coordinate their services for children: the strategic decision-making body, "
        "any groups beneath it and what each decides. Keep the structure slim (paragraph 71).",
    ),
    SectionDefinition(
        "leadership",
        "Leadership by senior officials",
        "Recommendations 2, 4 and 12",
        "The lead chief officer each partner names, with the authority to commit their whole agency "
        "(paragraph 110), and how they share leadership of the arrangements.",
    ),
    SectionDefinition(
        "effectiveness",
        "Evaluating effectiveness",
        "Recommendation 2; paragraph 75",
        "How the partners will show that the arrangements improve outcomes for children: the measures "
        "they have chosen and how often they look at them.",
        needs_evidence=True,
    ),
    SectionDefinition(
        "independent-scrutiny",
        "Independent scrutiny",
        "Recommendation 2; paragraph 116",
        "How an independent perspective informs the partners' judgements: for example independent audits "
        "of themes, an advisory group, challenge sessions for agencies' leaders, or inspection findings.",
        needs_evidence=True,
    ),
    SectionDefinition(
        "children-and-young-people",
        "Engaging children and young people",
        "Recommendation 2",
        "How children, young people and families take part in shaping and checking the arrangements, "
        "and how the partners tell them what changed as a result.",
    ),
    SectionDefinition(
        "accountability",
        "Holding the arrangements to account",
        "Recommendation 2",
        "To whom the partners answer for the arrangements, how they report each year and how the public "
        "can see what they do.",
    ),
    SectionDefinition(
        "area-covered",
        "The area covered",
        "Paragraph 69",
        "The physical area the arrangements cover: which local authorities, and how it fits the footprints "
        "of the police force and health bodies serving it.",
        max_characters=4000,
    ),
    SectionDefinition(
        "vision",
        "Vision and partnership commitment",
        "Paragraph 69",
        "The authorising vision for the arrangements and what each partner commits to.",
        max_characters=6000,
    ),
    SectionDefinition(
        "resources",
        "Resource framework",
        "Paragraph 69; Annex D",
        "What the arrangements cost (the strategic body, joint training, local research, innovation) and "
        "how the partners share that cost, in money and in kind.",
        needs_evidence=True,
    ),
    SectionDefinition(
        "outcomes",
        "Assessing outcomes and intervening when performance falters",
        "Paragraph 69",
        "The method for assessing the outcomes of multi-agency practice and what happens, and who acts, "
        "when performance falters.",
    ),
    SectionDefinition(
        "information-sharing",
        "Information and data sharing",
        "Paragraph 69; recommendation 17",
        "The strategy for sharing information and data, including how vulnerable children who need early "
        "help are identified. Unless the law forbids it, information must be shared.",
    ),
    SectionDefinition(
        "workforce",
        "Workforce planning",
        "Paragraph 69",
        "High-level oversight of the workforce: gaps in skilled areas and how the partners close them.",
        max_characters=6000,
    ),
    SectionDefinition(
        "communication",
        "Communication strategy",
        "Paragraph 69",
        "How the partners communicate about protecting children, with practitioners and with the public.",
        max_characters=6000,
    ),
    SectionDefinition(
        "risk-and-intelligence",
        "Risk strategy and intelligence capacity",
        "Paragraph 69",
        "How the partners identify and adapt to new risks and events, and the core intelligence capacity "
        "they keep for it.",
    ),
    SectionDefinition(
        "local-inquiry",
        "Model of local inquiry",
        "Paragraph 69",
        "How the area inquires into serious incidents: rapid inquiry, proportionate local learning "
        "inquiries, and how learning is published and acted on.",
    ),
)

SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}


def definition(key):
    return SECTIONS_BY_KEY.get(key)
