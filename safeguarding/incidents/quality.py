"""The advisory quality check of a recommendation (Wood para 161: recommendations that are
'predictable and or banal, unfocussed and not addressed to specific individuals or organisations').

Flags never stop a save: they are shown beside the recommendation while it is written.
"""

import re

# (pattern, why it is flagged). Matched as whole words, case-insensitively, in every form of the verb:
# "Practitioners should be reminded" is as empty as "remind staff".
VAGUE_PHRASES = (
    (
        r"improv(e|es|ed|ing) (the )?communications?",
        "“improve communication” does not say what will be communicated, by whom, or when",
    ),
    (
        r"better information[- ]sharing",
        "“better information sharing” does not say what information, between whom, or how",
    ),
    (
        r"remind(s|ed|ing)?",
        "“remind staff” (or reminding, being reminded) changes nothing in the system that led to the problem",
    ),
    (r"consider(s|ing|ed)?", "“consider” commits no one to a change"),
)


def recommendation_flags(*, change, outcome, addressee, due_on):
    """Sentences, each naming one weakness of the recommendation; empty when it is SMART."""
    flags = []
    text = f"{change or ''} {outcome or ''}"
    for pattern, why in VAGUE_PHRASES:
        if re.search(rf"\b{pattern}\b", text, flags=re.IGNORECASE):
            flags.append(f"Vague wording: {why}.")
    if addressee is None:
        flags.append("No addressee: name the organisation that must make the change.")
    if not (outcome or "").strip():
        flags.append("No measurable outcome: say what will show that the change has worked.")
    if due_on is None:
        flags.append("No date: say by when the change must be made.")
    return flags
