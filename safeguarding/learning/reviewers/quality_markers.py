"""The 18 SCR Quality Markers (SCIE and NSPCC), by stage of the inquiry, with a one-line description each."""

from collections import namedtuple

QualityMarker = namedtuple("QualityMarker", "key stage name description")

SET_UP, RUNNING, OUTPUTS = "Setting up", "Running the inquiry", "Outputs and follow-through"

QUALITY_MARKERS = (
    QualityMarker("referral", SET_UP, "Referral", "The case was referred promptly with the information needed."),
    QualityMarker(
        "decision_making", SET_UP, "Decision making", "The decision to hold one was timely, reasoned and recorded."
    ),
    QualityMarker(
        "advising_board_members",
        SET_UP,
        "Advising board members",
        "Partners and board members were told of the inquiry and their part in it.",
    ),
    QualityMarker(
        "informing_the_family",
        SET_UP,
        "Informing the family",
        "The family were told of the inquiry early and sensitively, and invited to contribute.",
    ),
    QualityMarker(
        "clarity_of_purpose",
        SET_UP,
        "Clarity of purpose",
        "The terms of reference say what the inquiry is for and what it will look at.",
    ),
    QualityMarker(
        "commissioning",
        RUNNING,
        "Commissioning",
        "Independent reviewers with the right skills were commissioned in good time.",
    ),
    QualityMarker(
        "governance", RUNNING, "Governance", "Oversight of the inquiry was clear, proportionate and independent."
    ),
    QualityMarker(
        "management", RUNNING, "Management", "The inquiry was planned and run to time, with risks and delays handled."
    ),
    QualityMarker(
        "parallel_processes",
        RUNNING,
        "Parallel processes",
        "Criminal, disciplinary and other proceedings were coordinated with the inquiry.",
    ),
    QualityMarker(
        "assembling_information",
        RUNNING,
        "Assembling information",
        "Relevant records and accounts were gathered from every agency involved.",
    ),
    QualityMarker(
        "practitioner_involvement",
        RUNNING,
        "Practitioner involvement",
        "Practitioners took part constructively and their view of the work was sought.",
    ),
    QualityMarker(
        "family_involvement",
        RUNNING,
        "Family involvement",
        "The child and family's experience and views were sought and reflected.",
    ),
    QualityMarker(
        "analysis", RUNNING, "Analysis", "The analysis explains why things happened, not only what happened."
    ),
    QualityMarker("report", OUTPUTS, "Report", "The report is clear, evidenced, readable and anonymised."),
    QualityMarker(
        "improvement_action",
        OUTPUTS,
        "Improvement action",
        "Recommendations address the system issues found and can be acted on.",
    ),
    QualityMarker(
        "board_written_response",
        OUTPUTS,
        "Board written response",
        "The partners responded in writing, saying what they will do and by when.",
    ),
    QualityMarker("publication", OUTPUTS, "Publication", "The report was published on time, with the response."),
    QualityMarker(
        "implementation_and_evaluation",
        OUTPUTS,
        "Implementation and evaluation",
        "Actions were carried out and their effect on practice was checked.",
    ),
)

MARKER_KEYS = tuple(marker.key for marker in QUALITY_MARKERS)
MARKERS_BY_KEY = {marker.key: marker for marker in QUALITY_MARKERS}
STAGES = (SET_UP, RUNNING, OUTPUTS)

MET, PARTLY_MET, NOT_MET = "met", "partly_met", "not_met"
RATINGS = {MET: "Met", PARTLY_MET: "Partly met", NOT_MET: "Not met"}
