"""NHS number validation (Modulus 11) and the linkage key that joins one child's records."""

import nhs_number
import pytest
from django.test import override_settings
from hypothesis import assume, given
from hypothesis import strategies as st

from safeguarding.core.identity import nhs

from .conftest import NHS_NUMBER

MESSAGE = "NHS number must be 10 digits with a valid check digit (Modulus 11)"


@pytest.mark.parametrize("typed", ["9434765919", "943 476 5919", "943-476-5919", " 9434765919 ", "94 3476 59 19"])
def test_valid_number_is_normalised_to_ten_digits(typed):
    assert nhs.normalise(typed) == "9434765919"


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("9434765918", id="wrong check digit"),
        pytest.param("943476591", id="nine digits"),
        pytest.param("94347659190", id="eleven digits"),
        pytest.param("943476591X", id="a letter"),
        pytest.param("", id="empty"),
        pytest.param("9434765030", id="nine digits whose check digit would be 10"),
    ],
)
def test_invalid_number_is_refused_with_the_rule(typed):
    with pytest.raises(ValueError, match=r"^NHS number must be 10 digits with a valid check digit \(Modulus 11\)$"):
        nhs.normalise(typed)


def test_linkage_key_is_an_hmac_not_the_number():
    key = nhs.linkage_key(NHS_NUMBER)

    assert len(key) == 64 and int(key, 16) >= 0
    assert NHS_NUMBER not in key


def test_linkage_key_depends_on_the_secret():
    with override_settings(LINKAGE_HMAC_KEY=b"a" * 32):
        first = nhs.linkage_key(NHS_NUMBER)
    with override_settings(LINKAGE_HMAC_KEY=b"b" * 32):
        second = nhs.linkage_key(NHS_NUMBER)

    assert first != second


def test_linkage_key_refuses_an_invalid_number():
    with pytest.raises(ValueError, match=MESSAGE.replace("(", r"\(").replace(")", r"\)")):
        nhs.linkage_key("9434765918")


def typed_variants(digits):
    """The ways a person types one number: grouped 3-3-4 with spaces or hyphens, or with stray spaces."""
    return st.sampled_from(
        [
            digits,
            f"{digits[:3]} {digits[3:6]} {digits[6:]}",
            f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",
            f"  {digits}\t",
            " ".join(digits),
        ]
    )


nine_digits = st.integers(min_value=0, max_value=999_999_999).map(lambda n: f"{n:09d}")


@given(st.data())
def test_linkage_key_is_the_same_however_the_number_is_typed(data):
    # Within England and Wales's 9 range; Scottish CHI numbers must also begin with a real date.
    digits = data.draw(
        st.integers(900_000_000, 999_999_999).map(str).filter(lambda d: nhs_number.calculate_checksum(d) < 10)
    )
    digits += str(nhs_number.calculate_checksum(digits))
    first, second = data.draw(typed_variants(digits)), data.draw(typed_variants(digits))

    assert nhs.linkage_key(first) == nhs.linkage_key(second) == nhs.linkage_key(digits)


@given(st.lists(nine_digits, min_size=2, max_size=2, unique=True))
def test_different_numbers_have_different_linkage_keys(prefixes):
    numbers = []
    for prefix in prefixes:
        check = nhs_number.calculate_checksum(prefix)
        assume(check < 10 and nhs_number.is_valid(prefix + str(check)))  # else no valid number has these digits
        numbers.append(prefix + str(check))

    assert nhs.linkage_key(numbers[0]) != nhs.linkage_key(numbers[1])


@given(nine_digits, st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_always_refused(prefix, offset):
    check = nhs_number.calculate_checksum(prefix)
    wrong = (check + offset) % 10 if check < 10 else offset  # a check digit of 10 makes every digit wrong
    with pytest.raises(ValueError):
        nhs.normalise(prefix + str(wrong))
