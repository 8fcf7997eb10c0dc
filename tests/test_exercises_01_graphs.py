"""Notebook 01's exercise checks (scratchnet/toolkit/exercises/graphs.py): for each exercise,
not attempted, partly done, FAIL (one per stated constraint or likely mistake) and PASS, and the
hints only after failures."""

import numpy as np
import pytest

from scratchnet.toolkit.exercises import check

# ---------------------------------------------------------------- chain_rule_mul

def right_grads(x, y):
    t = x * y
    return 2 * t * y, 2 * t * x


def stub_grads(x, y):
    t = x * y  # noqa: F841
    raise NotImplementedError("your code here")


def test_chain_rule_mul_not_attempted():
    res = check("chain_rule_mul", stub_grads)
    assert res.status == "not attempted"
    assert res.message.startswith("chain_rule_mul: not attempted yet.")
    assert "hint" not in res.message.lower()
    assert check("chain_rule_mul", None).status == "not attempted"


@pytest.mark.parametrize("which", [0, 1])
def test_chain_rule_mul_partly_done_says_which(which):
    def half(x, y):
        pair = list(right_grads(x, y))
        pair[1 - which] = None
        return tuple(pair)
    res = check("chain_rule_mul", half)
    done, todo = ("dz/dx", "dz/dy")[which], ("dz/dx", "dz/dy")[1 - which]
    assert res.status == "partly done" and res.done == (done,)
    assert f"{done} is right; {todo} is still None" in res.message


@pytest.mark.parametrize("seq", [tuple, list, np.array])
def test_chain_rule_mul_accepts_any_sequence_of_two(seq):
    res = check("chain_rule_mul", lambda x, y: seq(right_grads(x, y)))
    assert res.passed and res.message == "chain_rule_mul: PASS (dz/dx and dz/dy checked)."


def test_chain_rule_mul_passes_with_numpy_scalars():
    res = check("chain_rule_mul", lambda x, y: tuple(np.float64(g) for g in right_grads(x, y)))
    assert res.passed


@pytest.mark.parametrize("attempt, part, words", [
    (lambda x, y: (2 * x * y, 2 * x * y), "dz/dx", "got 12 (that is dz/dt = 2t alone"),
    (lambda x, y: (y, x), "dz/dx", "got 2 (that is the local derivative dt/dx alone"),
    (lambda x, y: right_grads(x, y)[::-1], "dz/dx", "swapped"),
    (lambda x, y: (2 * (x + y), 2 * (x + y)), "dz/dx", "the answer for t = x + y"),
    (lambda x, y: (right_grads(x, y)[0], 2 * x * y), "dz/dy", "got 12 (that is dz/dt = 2t alone"),
    # the 2 of t**2 forgotten: at (3, 2) t * y = 12 = 2t, so one point alone cannot tell the two
    (lambda x, y: (x * y * y, x * y * x), "dz/dx", "got 12 (that is dz/dt · dt/dx with dz/dt = t"),
])
def test_chain_rule_mul_names_the_likely_mistake(attempt, part, words):
    res = check("chain_rule_mul", attempt)
    assert res.status == "failed"
    assert res.message.startswith(f"chain_rule_mul: FAIL in {part}. grads(3, 2): {part} should be ")
    assert words in res.message


@pytest.mark.parametrize("attempt, part, first, stronger", [
    # each kind of mistake gets hints about that mistake, never one that contradicts it
    (lambda x, y: (x * y * y, x * y * x), "dz/dx", "derivative of t² with respect to t",
     "the factor 2 of the power rule is missing"),
    (lambda x, y: (2 * x * y, 2 * x * y), "dz/dx", "between x and z sits one more node",
     "multiply 2t by it"),
    (lambda x, y: (y, x), "dz/dx", "what does the **2 node contribute",
     "multiply your dt/dx by dz/dt = 2t"),
    (lambda x, y: right_grads(x, y)[::-1], "dz/dx", "which of your two values belongs to x",
     "dz/dx = 2t · y"),
    (lambda x, y: (2 * (x + y), 2 * (x + y)), "dz/dx", "only the first node changed",
     "d(x · y)/dx is the other input"),
    (lambda x, y: (right_grads(x, y)[0], 2 * x * y), "dz/dy", "between y and z sits one more node",
     "multiply 2t by it"),
])
def test_chain_rule_mul_hints_follow_the_mistake(attempt, part, first, stronger):
    one = check("chain_rule_mul", attempt).message
    assert f"FAIL in {part}" in one and f"\nHint: " in one and first in one
    two = check("chain_rule_mul", attempt).message
    assert "\nA stronger hint: " in two and stronger in two


def test_chain_rule_mul_hints_belong_to_the_part():
    no_pattern = lambda x, y: (right_grads(x, y)[0], 7.0)  # noqa: E731  dz/dy wrong, no known mistake
    one = check("chain_rule_mul", no_pattern).message
    assert "FAIL in dz/dy" in one and "\nHint: dz/dy = dz/dt · dt/dy" in one
    assert "A stronger hint: the × node's local derivative for y" in \
        check("chain_rule_mul", no_pattern).message
    # dz/dx has not failed yet: its first hint
    assert "\nHint: dz/dx = dz/dt · dt/dx" in check("chain_rule_mul", lambda x, y: (7.0, 7.0)).message


def test_chain_rule_mul_checks_points_the_learner_did_not_try():
    res = check("chain_rule_mul", lambda x, y: (24.0, 36.0))  # right at (3, 2) only
    assert res.status == "failed"
    assert "grads(-1.5, 4): dz/dx should be -48 (numerical gradient), got 24" in res.message

    def right_for_positive_only(x, y):
        t = x * y
        return 2 * abs(t) * abs(y), 2 * abs(t) * abs(x)
    assert check("chain_rule_mul", right_for_positive_only).status == "failed"


@pytest.mark.parametrize("attempt, words", [
    (lambda x, y: 24.0, "grads(3, 2) should give 2 values, got float"),
    (lambda x, y: (1.0, 2.0, 3.0), "should give 2 values, got 3"),
    (lambda x, y: ("24", 36.0), "dz/dx should be one number, got str '24'"),
    (lambda x, y: (np.array([24.0, 36.0]), 36.0), "dz/dx should be one number, got ndarray"),
    (lambda x, y: (True, 36.0), "dz/dx should be a number, got the truth value True"),
    ((24.0, 36.0), "pass the function itself"),  # grads(3, 2) passed instead of grads
])
def test_chain_rule_mul_wants_a_pair_of_numbers(attempt, words):
    res = check("chain_rule_mul", attempt)
    assert res.status == "failed" and words in res.message
    assert "chain_rule_mul: not in the form asked" in res.message and "Hint" not in res.message


def test_chain_rule_mul_a_format_slip_uses_no_hint():
    check("chain_rule_mul", lambda x, y: ("24", 36.0))
    first = check("chain_rule_mul", lambda x, y: (12.0 * 0 + 7.0, 36.0)).message
    assert "\nHint: " in first and "stronger" not in first


def test_chain_rule_mul_a_crash_is_a_failure():
    res = check("chain_rule_mul", lambda x, y: (x / 0, 1.0))
    assert res.status == "failed" and "Your code raised ZeroDivisionError" in res.message


def test_chain_rule_mul_hints_come_after_failures():
    wrong = lambda x, y: (y, x)  # noqa: E731
    assert "Hint" not in check("chain_rule_mul", stub_grads).message
    first = check("chain_rule_mul", wrong).message
    assert "\nHint: " in first and "stronger" not in first
    second = check("chain_rule_mul", wrong).message
    assert "\nA stronger hint: " in second
    assert "dz/dt = 2t, the **2" in second and "dz/dt = 2t, the **2" not in first  # nearly says it


# ---------------------------------------------------------------- branch_gradients

EMPTY = {"db/da": None, "dz/dx": None, "dz/dy": None}
RIGHT = {"db/da": 2, "dz/dx": 5, "dz/dy": 3}


def test_branch_gradients_not_attempted():
    res = check("branch_gradients", dict(EMPTY))
    assert res.status == "not attempted"
    assert res.message.startswith("branch_gradients: not attempted yet.")
    assert "hint" not in res.message.lower()


@pytest.mark.parametrize("filled", ["db/da", "dz/dx", "dz/dy"])
def test_branch_gradients_partly_done_says_which(filled):
    res = check("branch_gradients", {**EMPTY, filled: RIGHT[filled]})
    assert res.status == "partly done" and res.done == (filled,)
    assert f"{filled} is right; " in res.message and "is still None: write your prediction of" in res.message


def test_branch_gradients_pass():
    assert check("branch_gradients", dict(RIGHT)).message == \
        "branch_gradients: PASS (db/da, dz/dx and dz/dy checked)."
    assert check("branch_gradients", {"db/da": 2.0, "dz/dx": np.float64(5), "dz/dy": 3.0}).passed
    assert check("branch_gradients", {"db/da": np.int64(2), "dz/dx": 5.000000001, "dz/dy": 3}).passed


def test_branch_gradients_is_declared_with_the_one_checker():
    from scratchnet.toolkit.exercises import CHECKS
    assert set(CHECKS["branch_gradients"].answers) == {"db/da", "dz/dx", "dz/dy"}
    assert CHECKS["branch_gradients"].form == ["dict"]


@pytest.mark.parametrize("key, value, words", [
    ("db/da", 1, "Only one branch counted?"),
    ("dz/dx", 4, "along the × branch alone"),
    ("dz/dx", 1, "along the + branch alone"),
    ("dz/dx", 3, "3 is x itself"),
    ("dz/dy", 4, "4 is y itself"),
    ("dz/dy", 5, "y is used only once"),
    ("dz/dy", 15, "15 is z, a forward value"),
    ("db/da", 6, "6 is b, a forward value"),
    ("dz/dx", 7, "It is too large. Nudge x by a small h"),
    ("dz/dx", 5.0001, "you predicted 5.0001, which is not it"),  # a near miss, as written
])
def test_branch_gradients_fail_names_which_and_why(key, value, words):
    res = check("branch_gradients", {**RIGHT, key: value})
    assert res.status == "failed"
    assert res.message.startswith(f"branch_gradients: FAIL in {key}. {key} (")
    assert f"you predicted {value:g}, which is not it." in res.message
    assert words in res.message


def test_branch_gradients_keeps_the_answer_for_the_reveal():
    res = check("branch_gradients", {**RIGHT, "dz/dx": 4})
    assert "5" not in res.message  # the right dz/dx is left to the reveal cell, hint included
    res = check("branch_gradients", {**RIGHT, "dz/dy": 4})
    assert "3" not in res.message  # nor the right dz/dy (the text says "the same x and y")
    from scratchnet.toolkit.exercises import reveal
    assert "dz/dx (z = x*y + x at x = 3, y = 4): 5.0" in reveal("branch_gradients")


@pytest.mark.parametrize("prediction, words", [
    ((2, 5, 3), "write a dict {'db/da': ..., 'dz/dx': ..., 'dz/dy': ...}, got tuple"),
    ({"db/da": 2, "dz/dx": 5}, "the dict has no 'dz/dy'"),
    ({**RIGHT, "dz/dx": "5"}, "dz/dx: write the number itself, without quotes ('5' is text)"),
    ({**RIGHT, "dz/dx": [5]}, "dz/dx: write one number, got list"),
    ({**RIGHT, "dz/dx": True}, "dz/dx: write a number; True is a truth value"),
])
def test_branch_gradients_wants_numbers_in_the_dict(prediction, words):
    res = check("branch_gradients", prediction)
    assert res.status == "failed" and words in res.message
    assert "not in the form asked" in res.message and "Hint" not in res.message


def test_branch_gradients_hints_come_after_failures():
    wrong = {**RIGHT, "db/da": 1}
    assert "Hint" not in check("branch_gradients", dict(EMPTY)).message
    check("branch_gradients", {**RIGHT, "db/da": "1"})  # a format slip uses no hint
    first = check("branch_gradients", wrong).message
    assert "\nHint: both input slots of the + node hold a" in first and "stronger" not in first
    assert "\nA stronger hint: backwards, the + node sends the arriving 1" in \
        check("branch_gradients", wrong).message
    # dz/dy has failed only now: its own first hint
    assert "\nHint: y reaches z along one path only" in \
        check("branch_gradients", {**RIGHT, "dz/dy": 4}).message
