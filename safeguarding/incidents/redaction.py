"""Finding named details in a learning report before it is published, and taking them out.

Pure text functions: the caller supplies the child's names (unsealed inside an audited action) and
the words known not to be names (the area's agencies, for example). A name from the identity is
matched anywhere, whole word and any case; any other capitalised word that is not at the start of a
sentence is offered as a possible name for the author to decide on.
"""

import re
from dataclasses import dataclass

# The report's sections in reading order, with the headings the pages and the PDF use.
SECTIONS = (
    ("title", "Title"),
    ("summary", "Summary"),
    ("background", "Background"),
    ("methodology_used", "How the inquiry was carried out"),
    ("what_went_well", "What went well"),
    ("learning", "What we have learned"),
)
REDACTED = "[redacted]"

# Apostrophes and opening quotes, straight and curly.
_APOSTROPHES = "'\u2019"
_OPENING_QUOTES = '"\u201c\u2018'
_CAPITALISED = re.compile(rf"\b[A-Z][a-z]+(?:[{_APOSTROPHES}-][A-Z][a-z]+)*\b")
_SENTENCE_START = re.compile(rf"(^|[.!?:;]\s+|\n\s*|\(\s*|[{_OPENING_QUOTES}]\s*)$")
# Capitalised words that are not names of people, seen often in reports.
_NOT_NAMES_TEXT = """
    A An And As At But By For From He Her His I If In It Its Mr Mrs Ms Miss Dr No Not Of On Or She So The Their
    There They This To We When Where Which Who With You
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter
    England English Wales Welsh Scotland Britain British UK NHS GP ICB CAMHS
    Police Council Service Services Trust Board Partnership Children Child Court Crown Prosecution Probation
    Health Hospital School Academy Academies Care Commissioner Committee Safeguarding Inquiry Local Learning
    Significant Incident Process Review Reviews Appreciative Learning Together Systems National Serious Case
    Integrated Youth Justice Family Families Social Baby
"""
NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


@dataclass(frozen=True)
class Candidate:
    term: str
    from_identity: bool
    occurrences: tuple  # (section heading, text around it)


def identity_terms(*names):
    """The words of the child's names to look for: each word, and each part of a hyphenated one."""
    terms = []
    for name in names:
        for word in re.split(r"\s+", (name or "").strip()):
            parts = [word, *word.split("-")] if "-" in word else [word]
            terms.extend(part for part in parts if len(part) >= 2)
    return list(dict.fromkeys(terms))


def _heading_of_learning(field):
    """'finding_2_why' → 'Finding 2'."""
    kind, number, _rest = field.split("_", 2)
    return f"{kind.capitalize()} {number}"


def _pattern(term):
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)


def _snippet(text, start, end, width=40):
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return f"{'…' if start > width else ''}{before}{text[start:end]}{after}{'…' if end + width < len(text) else ''}"


def candidates(sections, *, names, known_words=()):
    """Every term that may identify someone, with where it appears; the child's names first."""
    headings = dict(SECTIONS)
    known = {word.lower() for word in (*NOT_NAMES, *known_words)}
    found = {}

    def add(term, from_identity, heading, text, match):
        key = term.lower()
        entry = found.setdefault(key, {"term": term, "from_identity": from_identity, "occurrences": []})
        entry["from_identity"] = entry["from_identity"] or from_identity
        entry["occurrences"].append((heading, _snippet(text, match.start(), match.end())))

    name_keys = {name.lower() for name in names}
    for field, text in sections.items():
        heading = headings.get(field) or _heading_of_learning(field)
        for name in names:
            for match in _pattern(name).finditer(text or ""):
                add(name, True, heading, text, match)
        for match in _CAPITALISED.finditer(text or ""):
            word = match.group(0)
            if word.lower() in known or word.lower() in name_keys:
                continue
            if _SENTENCE_START.search(text[: match.start()]):
                continue
            add(word, False, heading, text, match)
    ordered = sorted(found.values(), key=lambda entry: (not entry["from_identity"], entry["term"].lower()))
    return [Candidate(e["term"], e["from_identity"], tuple(e["occurrences"])) for e in ordered]


def redact(sections, terms):
    """The sections with each term replaced by [redacted], whole words, any case."""
    result = {}
    for field, text in sections.items():
        for term in sorted(terms, key=len, reverse=True):  # "Mae" inside "Isla Mae" goes with the longer term
            text = _pattern(term).sub(REDACTED, text or "")
        result[field] = text
    return result


def remaining(sections, terms):
    """The terms still present in the sections."""
    return [term for term in terms if any(_pattern(term).search(text or "") for text in sections.values())]
