"""The columns the linkage model compares, made the same way for the batch and for a single notification.

Both paths call `prepare` on clear values and compare what it returns, so a value that cannot be read
(an unparseable date, a blank name, an unknown sex) is missing (None) in both, and a missing value
neither rewards nor punishes a pair. The free-text home address is split into house number, street
and locality here, because the notification form collects it as one field.

Pure Python, no Django.
"""

import datetime
import re
import unicodedata

import jellyfish

# The model's input columns, in the order the batch frame holds them.
COLUMNS = (
    "unique_id",
    "given_name",
    "family_name",
    "date_of_birth",
    "date_of_death",
    "sex",
    "house_number",
    "street",
    "locality",
    "postcode",
    "postcode_district",
    # Derived only for blocking: never compared on their own.
    "birth_year",
    "age_at_death",
    "name_pair",
    "name_sounds",
)

_NOT_LETTERS = re.compile(r"[^a-z0-9 ]+")
_HOUSE_NUMBER = re.compile(r"^(\d+[a-z]?)\b\s*(.*)$")
_POSTCODE = re.compile(r"^[A-Z0-9]{5,7}$")
SEXES = frozenset({"female", "male"})


def clean_text(value):
    """Lower case ASCII letters, digits and single spaces: 'Zoë O'Neil-Smith ' -> 'zoe oneil smith'.

    Accents are dropped so that the batch's SQL string functions (which count bytes) and Python's
    (which count characters) see the same strings."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().lower()
    text = text.replace("'", "").replace("-", " ").replace(".", " ")
    text = " ".join(_NOT_LETTERS.sub(" ", text).split())
    return text or None


def first_given_name(value):
    """The first of the given names: notifiers agree on it more often than on middle names."""
    text = clean_text(value)
    return text.split()[0] if text else None


def as_iso_date(value):
    """A date (date, ISO text or YYYYMMDD) as ISO text; anything unreadable is missing."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if len(text) == 8 and text.isdigit():
            return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def clean_postcode(value):
    """'ts18 3ab' -> 'TS18 3AB'. Text not shaped like a postcode is compared as typed, without spaces."""
    if value is None:
        return None
    compact = re.sub(r"[^A-Za-z0-9]", "", str(value)).upper()
    if not compact:
        return None
    if _POSTCODE.match(compact):
        return f"{compact[:-3]} {compact[-3:]}"
    return compact


def postcode_district(postcode):
    """The outward code of a UK postcode ('TS18' of 'TS18 3AB'); other postcodes have none."""
    if postcode and " " in postcode:
        return postcode.split(" ", 1)[0]
    return None


def split_address(address):
    """(house number, street, locality) of a free-text address, each None when not found.

    '3 Orchard Row, Stockton-on-Tees' -> ('3', 'orchard row', 'stockton on tees');
    'Flat 2, 9 Wren Court, Middlesbrough' -> ('9', 'wren court', 'middlesbrough'). The first part that
    starts with a number is the house and street; the last part, when there are several, the locality."""
    if not address:
        return None, None, None
    parts = [clean_text(part) for part in re.split(r"[,\n]+", str(address))]
    parts = [part for part in parts if part]
    if not parts:
        return None, None, None
    house_number = street = None
    for part in parts:
        found = _HOUSE_NUMBER.match(part)
        if found and found.group(2):
            house_number, street = found.group(1), found.group(2)
            break
    if street is None and not _HOUSE_NUMBER.match(parts[0]):
        street = parts[0]
    locality = parts[-1] if len(parts) > 1 and parts[-1] != street else None
    return house_number, street, locality


def _age_at_death(date_of_birth, date_of_death):
    """Completed years at death, as text (every column is text, so the batch frame has one type)."""
    if not date_of_birth or not date_of_death:
        return None
    born, died = datetime.date.fromisoformat(date_of_birth), datetime.date.fromisoformat(date_of_death)
    if died < born:
        return None
    return str(died.year - born.year - ((died.month, died.day) < (born.month, born.day)))


def prepare(
    unique_id,
    *,
    given_names=None,
    family_name=None,
    date_of_birth=None,
    date_of_death=None,
    sex=None,
    address=None,
    house_number=None,
    street=None,
    locality=None,
    postcode=None,
):
    """One record as the model compares it. Pass `address` as free text, or its parts when they are
    held apart (as in benchmark data sets)."""
    if address is not None:
        house_number, street, locality = split_address(address)
    else:
        house_number = clean_text(house_number)
        house_number = house_number.replace(" ", "") if house_number else None
        street, locality = clean_text(street), clean_text(locality)
    given, family = first_given_name(given_names), clean_text(family_name)
    born, died = as_iso_date(date_of_birth), as_iso_date(date_of_death)
    postcode = clean_postcode(postcode)
    sex = str(sex).strip().lower() if sex else None
    return {
        "unique_id": str(unique_id),
        "given_name": given,
        "family_name": family,
        "date_of_birth": born,
        "date_of_death": died,
        "sex": sex if sex in SEXES else None,
        "house_number": house_number,
        "street": street,
        "locality": locality,
        "postcode": postcode,
        "postcode_district": postcode_district(postcode),
        "birth_year": born[:4] if born else None,
        "age_at_death": _age_at_death(born, died),
        "name_pair": "|".join(sorted((given, family))) if given and family else None,
        "name_sounds": "|".join(sorted((jellyfish.soundex(given), jellyfish.soundex(family))))
        if given and family
        else None,
    }
