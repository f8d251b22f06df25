"""Emerging hazards: phrases in the circumstances of recent deaths that rise above their baseline.

For each phrase (one to three words, ignoring phrases made only of common words) we count the deaths
whose circumstances contain it in the recent window (r of R deaths) and in the baseline before it
(b of B deaths). If the phrase were as common as before, each of its r + b deaths would fall in the
recent window with probability R / (R + B), so r is Binomial(r + b, R / (R + B)); the p-value is
P(X >= r). A phrase is flagged when it has at least `minimum` recent deaths, its recent frequency is
at least twice its baseline frequency, and its p-value is below 0.05 divided by the number of
phrases tested (Bonferroni), because hundreds of phrases are tested at once.

National roles only: the deaths behind a phrase are listed with their circumstances (free text).
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from scipy.stats import binom

WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "after",
        "as",
        "be",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "over",
        "she",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "with",
        "who",
        "while",
        "when",
        "by",
        "out",
        "up",
        "down",
        "no",
        "not",
        "found",
        "taken",
        "days",
        "weeks",
        "later",
        "home",
        "hospital",
    ]
)
MAXIMUM_WORDS = 3


@dataclass(frozen=True)
class Hazard:
    phrase: str  # the phrases flagged on the same deaths, comma-separated
    recent: int
    baseline: int
    recent_deaths: int
    baseline_deaths: int
    p_value: float
    deaths: list  # the recent MortalityRecords mentioning it

    @property
    def ratio(self):
        if not self.baseline:
            return None
        return (self.recent / self.recent_deaths) / (self.baseline / self.baseline_deaths)


def phrases(text):
    words = WORD.findall(text.lower())
    found = set()
    for size in range(1, MAXIMUM_WORDS + 1):
        for start in range(len(words) - size + 1):
            gram = words[start : start + size]
            if gram[0] in COMMON or gram[-1] in COMMON:
                continue
            found.add(" ".join(gram))
    return found


def _month_index(year, month):
    return year * 12 + month - 1


def emerging_hazards(queryset, *, recent_months=6, baseline_months=36, minimum=3, alpha=0.05):
    """Flagged phrases, strongest first, over the `recent_months` up to the latest month with deaths."""
    if recent_months < 1 or baseline_months < 1:
        raise ValueError("recent_months and baseline_months must be at least 1")
    if minimum < 1:
        raise ValueError("minimum must be at least 1")
    latest = (
        queryset.order_by("-year_of_death", "-month_of_death").values_list("year_of_death", "month_of_death").first()
    )
    if latest is None:
        return []
    end = _month_index(*latest)
    start_recent = end - recent_months + 1
    start_baseline = start_recent - baseline_months
    rows = (
        queryset.exclude(circumstances="")
        .order_by()
        .values_list("pk", "year_of_death", "month_of_death", "circumstances")
    )
    recent_ids = defaultdict(list)
    baseline_counts = defaultdict(int)
    recent_total = baseline_total = 0
    for pk, year, month, text in rows.iterator(chunk_size=5000):
        index = _month_index(year, month)
        if index < start_baseline:
            continue
        if index >= start_recent:
            recent_total += 1
            for phrase in phrases(text):
                recent_ids[phrase].append(pk)
        else:
            baseline_total += 1
            for phrase in phrases(text):
                baseline_counts[phrase] += 1
    if not recent_total or not baseline_total:
        return []
    candidates = {phrase: ids for phrase, ids in recent_ids.items() if len(ids) >= minimum}
    share = recent_total / (recent_total + baseline_total)
    threshold = alpha / max(len(candidates), 1)
    flagged = []
    for phrase, ids in candidates.items():
        recent, baseline = len(ids), baseline_counts.get(phrase, 0)
        if baseline and (recent / recent_total) < 2 * (baseline / baseline_total):
            continue
        p_value = float(binom.sf(recent - 1, recent + baseline, share))
        if p_value < threshold:
            flagged.append((phrase, recent, baseline, p_value, ids))
    records = queryset.in_bulk([pk for *_, ids in flagged for pk in ids])
    hazards = [
        Hazard(
            _ordered(group),
            recent,
            baseline,
            recent_total,
            baseline_total,
            p_value,
            [records[pk] for pk in sorted(ids)],
        )
        for group, recent, baseline, p_value, ids in _grouped(flagged)
    ]
    return sorted(hazards, key=lambda hazard: (hazard.p_value, hazard.phrase))


def _grouped(flagged):
    """Phrases flagged on exactly the same deaths are one hazard ('button battery', 'battery')."""
    groups = {}
    for phrase, recent, baseline, p_value, ids in flagged:
        key = frozenset(ids)
        if key in groups:
            groups[key][0].append(phrase)
            # The group's figures are its strongest phrase's.
            if p_value < groups[key][3]:
                groups[key][1:4] = [recent, baseline, p_value]
        else:
            groups[key] = [[phrase], recent, baseline, p_value, ids]
    return groups.values()


def _ordered(group):
    """Two-word phrases first (the usual shape of a named hazard), then longer, then single words."""
    return ", ".join(sorted(group, key=lambda phrase: ({2: 0, 3: 1}.get(len(phrase.split()), 2), phrase)))
