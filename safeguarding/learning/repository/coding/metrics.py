"""How good the coding suggestions are, measured against the codes the coders finally gave (pure, no Django).

Two views of the same suggestions:
- top-1 accuracy: the share of findings whose best suggestion is one of the coder's codes (a finding
  with no suggestion at all counts as a miss);
- precision, recall and F1 of the suggestions at or above the pre-tick threshold, counted over
  (finding, code) pairs: what the coder would have found ticked against what they kept.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SuggestionAccuracy:
    findings: int
    top1_accuracy: float
    precision: float
    recall: float
    f1: float
    threshold: float


def _ratio(part, whole):
    return part / whole if whole else 0.0


def suggestion_accuracy(cases, threshold):
    """`cases`: iterable of (suggestions {code: confidence}, final codes). Returns a SuggestionAccuracy."""
    findings = top1_hits = ticked_kept = ticked = final_total = 0
    for suggestions, final in cases:
        final = set(final)
        findings += 1
        final_total += len(final)
        if suggestions:
            best = max(suggestions, key=lambda code: (suggestions[code], code))
            top1_hits += best in final
        pre_ticked = {code for code, confidence in suggestions.items() if confidence >= threshold}
        ticked += len(pre_ticked)
        ticked_kept += len(pre_ticked & final)
    precision, recall = _ratio(ticked_kept, ticked), _ratio(ticked_kept, final_total)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return SuggestionAccuracy(findings, _ratio(top1_hits, findings), precision, recall, f1, threshold)
