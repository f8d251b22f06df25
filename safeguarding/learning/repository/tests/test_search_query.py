"""The query sanitiser: whatever is typed becomes plain words and balanced phrases, never search syntax."""

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding.learning.repository.search.query import MAX_TERMS, MAX_WORD_CHARACTERS, parse


def test_plain_words_are_lower_cased_terms():
    assert parse("Neglect  Domestic abuse").terms == (("neglect",), ("domestic",), ("abuse",))


def test_a_balanced_quoted_phrase_stays_a_phrase():
    assert parse('"domestic abuse" neglect').terms == (("domestic", "abuse"), ("neglect",))


def test_an_unbalanced_quote_is_dropped_and_its_words_are_plain():
    assert parse('"domestic abuse" "toxic trio').terms == (("domestic", "abuse"), ("toxic",), ("trio",))
    assert parse('neglect"').terms == (("neglect",),)


def test_operators_and_punctuation_are_words_or_nothing():
    parsed = parse('neglect AND (abuse OR NOT NEAR(a b)) * ^ title:x -minus "')
    assert parsed.terms == tuple(
        (word,) for word in ["neglect", "and", "abuse", "or", "not", "near", "a", "b", "title", "x", "minus"]
    )
    assert parsed.as_literals() == " ".join(f'"{word}"' for (word,) in parsed.terms)


def test_empty_and_punctuation_only_queries_are_empty():
    for text in ["", "   ", None, '"', '""', "* ^ : - ( )", "_"]:
        assert not parse(text)


def test_a_very_long_query_is_cut_to_a_few_short_terms():
    parsed = parse(" ".join(f"word{n}" for n in range(1000)) + " " + "x" * 5000)
    assert len(parsed.terms) == MAX_TERMS
    assert parse("y" * 300).terms == (("y" * MAX_WORD_CHARACTERS,),)


def test_repeated_terms_count_once():
    assert parse("neglect Neglect NEGLECT").terms == (("neglect",),)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_only_quoted_literals_without_inner_quotes(text):
    parsed = parse(text)
    assert len(parsed.terms) <= MAX_TERMS
    for words in parsed.terms:
        assert words and all(word.isalnum() and '"' not in word for word in words)
    literals = parsed.as_literals()
    assert literals.count('"') == 2 * len(parsed.terms)
