"""A synthetic national table of child death notifications, with the truth of which are one death.

Used to train the default model that ships with the code (until there are enough real
notifications), and by the benchmarks and tests. Every child is invented:

- names follow real frequencies: England and Wales family names with their published shares (Faker's
  en_GB list, from ONS) and given names by popularity rank, mixed with a long tail of names from
  other countries, so a few names are very common and most are rare;
- deaths follow England's age pattern (most in the first year of life) over the years asked for;
- each death is notified 1 to 6 times (hospital, police, GP, school, coroner...), and each
  notification may carry what agencies get wrong: typing slips in names, given and family names
  swapped, a changed family name, a missing or mistyped date of birth, day and month swapped, a date
  of death a day out, an address the family moved from, a missing or mistyped postcode.

Needs Faker (the name and street lists). Deterministic for a seed.
"""

import datetime
import string

import numpy as np

NOTIFICATIONS_PER_DEATH = {1: 0.08, 2: 0.15, 3: 0.25, 4: 0.27, 5: 0.17, 6: 0.08}  # about 3.8 on average
# Age at death in completed years and its share of child deaths (England, NCMD).
AGE_SHARES = {
    0: 0.62,
    1: 0.05,
    2: 0.03,
    3: 0.02,
    4: 0.02,
    **{age: 0.012 for age in range(5, 11)},
    **{age: 0.025 for age in range(11, 15)},
    15: 0.04,
    16: 0.045,
    17: 0.053,
}
_OTHER_LOCALES = ("en_US", "en_IE", "en_IN", "de_DE", "it_IT", "nl_NL", "es_ES", "tr_TR", "fr_FR", "ro_RO")


def _person_providers():
    from faker import Faker

    return {locale: Faker(locale).provider("faker.providers.person") for locale in ("en_GB", *_OTHER_LOCALES)}


def _names(providers, provider_attribute):
    """(names, probabilities): the English list by its published share or popularity rank, then a
    long tail of names from other countries sharing a third of the probability."""
    english = getattr(providers["en_GB"], provider_attribute)
    if isinstance(english, dict):
        names, weights = list(english), np.array(list(english.values()), dtype=float)
    else:  # ranked by popularity: Zipf-like shares
        names = list(english)
        weights = 1 / (np.arange(len(names)) + 3.0)
    weights = weights / weights.sum() * (2 / 3)
    tail = []
    seen = set(names)
    for locale in _OTHER_LOCALES:
        values = getattr(providers[locale], provider_attribute, ())
        for name in values:
            if name not in seen:
                seen.add(name)
                tail.append(name)
    tail_weights = np.full(len(tail), (1 / 3) / len(tail))
    return names + tail, np.concatenate([weights, tail_weights])


def _cumulative(names):
    values, weights = names
    return values, np.cumsum(weights / weights.sum())


class _Places:
    """Streets, each in a locality and a postcode district, shared by many households."""

    def __init__(self, rng, family_names, streets=30_000):
        from faker import Faker

        fake = Faker("en_GB")
        fake.seed_instance(int(rng.integers(1 << 30)))
        localities = [fake.city() for _ in range(1_500)]
        districts = sorted({fake.postcode().split()[0] for _ in range(4_000)})
        suffixes = fake.provider("faker.providers.address").street_suffixes
        # Streets named as English streets often are: after a family, with a common suffix.
        names = rng.choice(family_names, size=streets)
        kinds = rng.choice(suffixes, size=streets)
        self.streets = [f"{name} {kind}" for name, kind in zip(names, kinds, strict=True)]
        self.locality = rng.integers(len(localities), size=streets)
        self.district = rng.integers(len(districts), size=streets)
        self.localities, self.districts = localities, districts
        self.rng = rng

    def household(self):
        street = int(self.rng.integers(len(self.streets)))
        number = int(self.rng.zipf(1.6)) % 300 + 1
        district = self.districts[self.district[street]]
        # One postcode unit covers a run of about 15 houses of a street.
        unit = (street * 31 + number // 15) % (10 * 26 * 26)
        postcode = (
            f"{district} {unit // 676}{string.ascii_uppercase[unit // 26 % 26]}{string.ascii_uppercase[unit % 26]}"
        )
        locality = self.localities[self.locality[street]]
        return {"house_number": number, "street": self.streets[street], "locality": locality, "postcode": postcode}


def _typo(rng, text):
    """One slip: a letter changed, dropped, doubled or two neighbours swapped."""
    if len(text) < 2:
        return text
    at = int(rng.integers(len(text) - 1))
    kind = int(rng.integers(4))
    letter = string.ascii_lowercase[int(rng.integers(26))]
    if kind == 0:
        return text[:at] + letter + text[at + 1 :]
    if kind == 1:
        return text[:at] + text[at + 1 :]
    if kind == 2:
        return text[:at] + text[at] + text[at:]
    return text[:at] + text[at + 1] + text[at] + text[at + 2 :]


def _date_typo(rng, date):
    text = date.strftime("%Y%m%d")
    at = int(rng.integers(2, 8))
    for _ in range(10):
        changed = text[:at] + str(int(rng.integers(10))) + text[at + 1 :]
        try:
            return datetime.date(int(changed[:4]), int(changed[4:6]), int(changed[6:]))
        except ValueError:
            continue
    return date


def _address_text(home):
    return f"{home['house_number']} {home['street']}, {home['locality']}"


class Generator:
    def __init__(self, seed=2026):
        self.rng = np.random.default_rng(seed)
        providers = _person_providers()
        self.family = _cumulative(_names(providers, "last_names"))
        self.given = {sex: _cumulative(_names(providers, f"first_names_{sex}")) for sex in ("male", "female")}
        self.places = _Places(self.rng, self.family[0])
        self.ages = (np.array(list(AGE_SHARES)), np.array(list(AGE_SHARES.values())) / sum(AGE_SHARES.values()))
        self.counts = (np.array(list(NOTIFICATIONS_PER_DEATH)), np.array(list(NOTIFICATIONS_PER_DEATH.values())))

    def _pick(self, names):
        values, cumulative = names
        return values[min(int(np.searchsorted(cumulative, self.rng.random(), side="right")), len(values) - 1)]

    def death(self, first_day, days):
        rng = self.rng
        sex = "male" if rng.random() < 0.56 else "female"
        died = first_day + datetime.timedelta(days=int(rng.integers(days)))
        age = int(rng.choice(self.ages[0], p=self.ages[1]))
        days_lived = age * 365 + int(rng.integers(365)) if age else int(rng.exponential(40)) % 365
        given = self._pick(self.given[sex])
        if rng.random() < 0.3:
            given = f"{given} {self._pick(self.given[sex])}"
        family = self._pick(self.family)
        if rng.random() < 0.05:
            family = f"{family}-{self._pick(self.family)}"
        return {
            "given_names": given,
            "family_name": family,
            "sex": sex,
            "date_of_birth": died - datetime.timedelta(days=days_lived),
            "date_of_death": died,
            "home": self.places.household(),
            "previous_home": self.places.household(),
        }

    def notification(self, death):
        """One agency's account of the death, with the errors agencies make."""
        rng = self.rng
        given, family = death["given_names"], death["family_name"]
        if rng.random() < 0.25 and " " in given:
            given = given.split(" ")[0]
        if rng.random() < 0.05:
            given = _typo(rng, given)
        if rng.random() < 0.06:
            family = _typo(rng, family)
        if rng.random() < 0.02:
            family = self._pick(self.family)  # known by another parent's or a step-parent's name
        if rng.random() < 0.02:
            given, family = family, given.split(" ")[0]
        born = death["date_of_birth"]
        if rng.random() < 0.03:
            born = _date_typo(rng, born)
        if rng.random() < 0.01 and born.day <= 12 and born.day != born.month:
            born = born.replace(month=born.day, day=born.month)
        if rng.random() < 0.03:
            born = None
        died = death["date_of_death"]
        if rng.random() < 0.05:
            died = died + datetime.timedelta(days=int(rng.choice([-1, 1])))
        elif rng.random() < 0.01:
            died = _date_typo(rng, died)
        sex = death["sex"] if rng.random() > 0.01 else "not_known"
        if rng.random() < 0.003:
            sex = "female" if death["sex"] == "male" else "male"
        home = death["previous_home"] if rng.random() < 0.08 else death["home"]
        address, postcode = _address_text(home), home["postcode"]
        if rng.random() < 0.05:
            address = f"{home['street']}, {home['locality']}"
        if rng.random() < 0.03:
            address = address.replace(home["street"], _typo(rng, home["street"].lower()))
        if rng.random() < 0.1:
            address = ""
        if rng.random() < 0.03:
            postcode = postcode[:-1] + string.ascii_uppercase[int(rng.integers(26))]
        if rng.random() < 0.08:
            postcode = ""
        return {
            "given_names": given,
            "family_name": family,
            "date_of_birth": born,
            "date_of_death": died,
            "sex": sex,
            "address": address,
            "postcode": postcode,
        }

    def notifications(self, count, *, first_day=datetime.date(2016, 4, 1), years=10):
        """About `count` notifications of deaths over `years` from `first_day`: (death number, raw
        notification) pairs, the notifications of one death in a random order among the others."""
        found = []
        number = 0
        days = int(years * 365.25)
        while len(found) < count:
            death = self.death(first_day, days)
            times = int(self.rng.choice(self.counts[0], p=self.counts[1]))
            found.extend((number, self.notification(death)) for _ in range(times))
            number += 1
        found = found[:count]
        order = self.rng.permutation(len(found))
        return [found[i] for i in order]


def national_notifications(count, *, seed=2026, years=10):
    """[(death number, raw notification)] for about `count` notifications over `years`."""
    return Generator(seed).notifications(count, years=years)


def prepared(notifications):
    """(records, truth): prepared records numbered from 0, and the set of true pairs of numbers."""
    from collections import defaultdict

    from .records import prepare

    records, by_death = [], defaultdict(list)
    for index, (death, raw) in enumerate(notifications):
        records.append(prepare(index, **raw))
        by_death[death].append(str(index))
    truth = {frozenset((a, b)) for ids in by_death.values() for i, a in enumerate(ids) for b in ids[i + 1 :]}
    return records, truth
