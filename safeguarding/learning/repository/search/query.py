"""What a person typed, made safe: plain words and "quoted phrases", nothing else.

Search syntax (AND, OR, NOT, NEAR, *, ^, :, -, brackets) is never passed to either engine: every word is
sent as a quoted literal, so a query cannot fail to parse. A phrase in balanced double quotes stays a
phrase; an unbalanced quote is dropped and the words after it are plain words.
"""

import re
from dataclasses import dataclass

MAX_QUERY_CHARACTERS = 500
MAX_TERMS = 12
MAX_WORDS_IN_PHRASE = 8
MAX_WORD_CHARACTERS = 40
# Letters and digits in any script; everything else separates words.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class ParsedQuery:
    # Each term is a tuple of words: one word, or a phrase.
    terms: tuple[tuple[str, ...], ...] = ()

    def __bool__(self):
        return bool(self.terms)

    @property
    def text(self):
        """The query as it is searched for, to show back to the person."""
        return " ".join(f'"{" ".join(words)}"' if len(words) > 1 else words[0] for words in self.terms)

    def as_literals(self):
        """Every term double-quoted: FTS5 reads it as a string (a phrase), PostgreSQL's websearch syntax
        as a phrase too, so neither engine sees an operator."""
        return " ".join(f'"{" ".join(words)}"' for words in self.terms)


def _words(text):
    return [word[:MAX_WORD_CHARACTERS] for word in _WORD.findall(text.lower())]


def parse(text):
    """Any text gives a ParsedQuery (possibly empty); nothing here raises."""
    text = (text or "")[:MAX_QUERY_CHARACTERS]
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        # An odd number of quotes: the last one has no partner, so what follows it is plain words.
        pieces[-2:] = [" ".join(pieces[-2:])]
    terms = []
    for position, piece in enumerate(pieces):
        words = _words(piece)
        if position % 2 == 1 and len(words) > 1:
            terms.append(tuple(words[:MAX_WORDS_IN_PHRASE]))
        else:
            terms.extend((word,) for word in words)
    unique = tuple(dict.fromkeys(terms))
    return ParsedQuery(unique[:MAX_TERMS])
