"""The suggestion accuracy measure: top-1 accuracy and precision/recall/F1 of the pre-ticked suggestions."""

import pytest

from safeguarding.learning.repository.coding.metrics import suggestion_accuracy


def test_top1_precision_recall_and_f1_against_the_final_codes():
    cases = [
        ({"neglect": 0.9, "recording": 0.6}, {"neglect"}),  # best right; one of two ticked kept
        ({"recording": 0.7, "neglect": 0.2}, {"neglect", "workload"}),  # best wrong; ticked one not kept
        ({}, {"training"}),  # no suggestion: a top-1 miss, a code not ticked
    ]
    result = suggestion_accuracy(cases, threshold=0.5)
    assert result.findings == 3
    assert result.top1_accuracy == pytest.approx(1 / 3)
    assert result.precision == pytest.approx(1 / 3)  # 3 ticked, 1 kept
    assert result.recall == pytest.approx(1 / 4)  # 4 final codes, 1 ticked
    assert result.f1 == pytest.approx(2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))


def test_the_threshold_decides_what_counts_as_ticked():
    cases = [({"neglect": 0.45, "recording": 0.9}, {"neglect", "recording"})]
    assert suggestion_accuracy(cases, 0.5).recall == pytest.approx(0.5)
    assert suggestion_accuracy(cases, 0.4).recall == pytest.approx(1.0)


def test_nothing_to_measure_gives_zeroes_not_an_error():
    result = suggestion_accuracy([], 0.5)
    assert (result.findings, result.top1_accuracy, result.precision, result.recall, result.f1) == (0, 0, 0, 0, 0)
