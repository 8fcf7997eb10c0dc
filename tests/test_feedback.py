"""What a check says: hints per part and per kind of mistake, format slips that use no hint,
one prediction checker that never gives a wrong part's right value, and reveal()."""

import re

import numpy as np
import pytest

from scratchnet.language import Text, set_language
from scratchnet.toolkit.exercises import (CHECKS, CheckError, FormatSlip, Wrong, check, exercise,
                                          forget_attempts, reveal)
from scratchnet.toolkit.exercises._assert import close, show, show_pair
from scratchnet.toolkit.exercises.predict import Answer, prediction

H = {p: (Text(f"first {p}", f"첫 힌트 {p}"), Text(f"stronger {p}", f"더 자세한 힌트 {p}"))
     for p in ("a", "b")}


@pytest.fixture
def two_parts():
    @exercise("test.two", parts=("a", "b"), hints=H)
    def checker(attempt, part):
        with part("a"):
            if attempt.get("a") == "slip":
                raise FormatSlip("write a number")
            if attempt.get("a") == "special":
                raise Wrong("a special mistake", hint=(Text("special first", "특별 첫"),
                                                      Text("special stronger", "특별 자세히")))
            if attempt.get("a") != 1:
                raise Wrong("a is wrong")
        with part("b"):
            if attempt.get("b") != 2:
                raise Wrong("b is wrong")
    yield "test.two"
    del CHECKS["test.two"]


@pytest.fixture
def predicted():
    prediction("test.predict", {
        "n": Answer(Text("a count", "개수"), 600, mistakes={100: Text("100 is the batch size.",
                                                                     "100은 배치 크기입니다.")}),
        "v": Answer(Text("a gradient", "기울기"), (0.3, -0.8, 0.5), kind="numbers"),
        "s": Answer(Text("a shape", "형상"), (5, 784), kind="shape"),
        "names": Answer(Text("the failing ones", "실패하는 것"), ("W1", "b1"), kind="names"),
    }, hints=(Text("think", "생각"), Text("think harder", "더 생각")))
    yield "test.predict"
    del CHECKS["test.predict"]


RIGHT = {"n": 600, "v": [0.3, -0.8, 0.5], "s": (5, 784), "names": ["b1", "W1"]}


def test_hints_belong_to_the_part_that_failed(two_parts):
    first_a = check(two_parts, {"a": 0, "b": 2}).message
    assert "Hint: first a" in first_a
    first_b = check(two_parts, {"a": 1, "b": 0}).message
    assert "Hint: first b" in first_b and "stronger" not in first_b  # b's own first hint
    again_a = check(two_parts, {"a": 0, "b": 2}).message
    assert "A stronger hint: stronger a" in again_a


def test_a_format_slip_uses_no_hint(two_parts):
    slip = check(two_parts, {"a": "slip", "b": 2})
    assert slip.status == "failed" and "not in the form asked in a. write a number" in slip.message
    assert "Hint" not in slip.message and "hint" not in slip.message
    assert "Hint: first a" in check(two_parts, {"a": 0, "b": 2}).message  # still the first


def test_a_mistake_brings_its_own_hints(two_parts):
    assert "Hint: special first" in check(two_parts, {"a": "special", "b": 2}).message
    assert "A stronger hint: special stronger" in check(two_parts, {"a": "special", "b": 2}).message


def test_an_undeclared_part_is_an_error_of_the_check():
    @exercise("test.undeclared", parts=("a",), hints=H["a"])
    def checker(attempt, part):
        with part("b"):
            pass
    try:
        with pytest.raises(CheckError, match="part 'b' is not one of its declared parts"):
            check("test.undeclared", 1)
    finally:
        del CHECKS["test.undeclared"]


def test_hints_by_part_must_name_every_part():
    with pytest.raises(ValueError, match="hints by part need exactly the parts"):
        exercise("test.bad", parts=("a", "b"), hints={"a": H["a"]})


def test_every_registered_exercise_uses_only_its_declared_parts():
    """Run every check on its untouched stub and on None: a wrong part name would raise."""
    for name in CHECKS:
        check(name, None)  # would raise CheckError


def test_prediction_four_outcomes_and_reveal(predicted):
    blank = dict.fromkeys(RIGHT)
    assert check(predicted, blank).status == "not attempted"
    assert "Hint" not in check(predicted, blank).message
    half = check(predicted, {**blank, "n": 600})
    assert half.status == "partly done" and half.done == ("n",)
    assert check(predicted, RIGHT).passed
    assert check(predicted, {**RIGHT, "n": np.int64(600), "v": np.array([0.3, -0.8, 0.5])}).passed
    shown = reveal(predicted)
    assert "600" in shown and "(0.3, -0.8, 0.5)" in shown and "(5, 784)" in shown


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("part, wrong, words", [
    ("n", 100, "100 is the batch size"),
    ("n", 601, "too large"),
    ("v", [0.3, 0.2, 0.5], "[1] is off"),
    ("v", [-0.3, 0.8, -0.5], "every entry is off"),
    ("s", (5, 1, 28, 28), "you predicted (5, 1, 28, 28)"),
    ("names", ["b1"], "you predicted [b1]"),
])
def test_a_wrong_prediction_never_shows_the_right_value(predicted, language, part, wrong, words):
    set_language(language)
    try:
        res = check(predicted, {**RIGHT, part: wrong})
    finally:
        set_language("en")
    assert res.status == "failed"
    if language == "en":
        assert f"FAIL in {part}" in res.message and words in res.message
    truth = {"n": ["600"], "v": ["-0.8", "0.3, -0.8"], "s": ["784)"], "names": ["w1"]}[part]
    assert not any(t in res.message.lower() for t in truth), res.message


@pytest.mark.parametrize("slip, words", [("600", "without quotes"), (True, "truth value"),
                                         ([600], "one number"), (float("nan"), "finite")])
def test_text_and_truth_values_are_format_slips_everywhere(predicted, slip, words):
    res = check(predicted, {**RIGHT, "n": slip})
    assert "not in the form asked in n" in res.message and words in res.message
    assert "Hint" not in res.message
    assert "Hint: think" in check(predicted, {**RIGHT, "n": 5}).message  # no hint was used up


def test_the_forms_of_a_prediction(predicted):
    assert "write a dict" in check(predicted, [600]).message
    assert "has no 'names'" in check(predicted, {k: RIGHT[k] for k in ("n", "v", "s")}).message
    assert "write 3 numbers, got 2" in check(predicted, {**RIGHT, "v": [0.3, -0.8]}).message
    assert "whole numbers" in check(predicted, {**RIGHT, "s": (5, 784.0)}).message
    assert "a tuple such as (2, 3)" in check(predicted, {**RIGHT, "s": 784}).message
    assert check(predicted, {**RIGHT, "names": {"W1", "b1"}}).passed
    assert check(predicted, {**RIGHT, "names": (" w1", "B1 ")}).passed  # case and spaces aside


def test_a_tuple_form():
    prediction("test.pair", {"x": Answer(Text("x", "x"), 1.0), "y": Answer(Text("y", "y"), 2.0)},
               hints=H["a"], form="tuple")
    try:
        assert check("test.pair", (1, 2)).passed
        assert "write the 2 values (x and y) as a tuple" in check("test.pair", (1,)).message
    finally:
        del CHECKS["test.pair"]


def test_reveal_of_code_points_to_the_solutions():
    assert "solutions/" in reveal("mul_layer")


def test_masks_print_as_truth_values_and_a_fail_never_shows_two_equal_values():
    assert show(np.array([True, False])) == "[ True, False]"
    want, got = show_pair(0.478261, np.float32(0.478261) + np.float32(1e-5))
    assert want != got
    with pytest.raises(Wrong) as e:
        close(0.47827, 0.478261, "accuracy")
    assert "expected 0.478261, got 0.47827" in str(e.value)
    close(np.float32(0.478261), 0.478261, "a float32 fraction")  # float32 precision: passes


def _wrong_values(answer):
    """Wrong values for a part: its known mistakes, and plain wrong ones of the same form."""
    truth = answer.truth
    if answer.kind == "number":
        t = float(truth)
        plain = [t * 1.7 + 0.3, t - 1.0 if t != 1.0 else 5.0, 0.0 if t != 0 else 1.0]
        if answer.within is not None:
            plain = [answer.within[1] * 3 + 1, answer.within[0] - 1]
    elif answer.kind == "numbers":
        plain = [[v * 1.7 + 0.3 for v in truth], [-v for v in truth] if any(truth) else [1] * len(truth)]
    elif answer.kind == "shape":
        plain = [tuple(truth) + (1,), tuple(reversed(truth)) if len(truth) > 1 else (truth[0] + 1,)]
    elif answer.kind == "name":
        plain = ["nothing-like-it"]
    else:
        plain = [[], list(truth)[:1] + ["zz"]]
    return list(answer.mistakes) + plain


def _shows(value: str, message: str) -> bool:
    """`value` stands in `message` as a whole (5 is not shown by 15 or 5.5)."""
    return re.search(rf"(?<![\w.]){re.escape(value)}(?![\w]|\.\d)", message) is not None


def _shown_truths(answer):
    """How the right value could appear in a message."""
    t = answer.truth
    if answer.kind == "number":
        return {f"{float(t):g}", str(t)} - {"0", "1"}  # 0 and 1 appear in words too
    if answer.kind == "numbers":
        return {", ".join(f"{float(v):g}" for v in t), str(tuple(t))}
    if answer.kind == "shape":
        return {str(tuple(t))}
    if answer.kind == "name":
        return {repr(t), f"'{t}'"}
    return {", ".join(sorted(t)), str(tuple(t))}


PREDICTIONS = sorted(name for name, ex in CHECKS.items() if ex.answers)


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("name", PREDICTIONS)
def test_no_prediction_fail_shows_the_right_value_of_the_wrong_part(name, language):
    """Every prediction of the series, every part, known mistakes and plain wrong numbers."""
    ex = CHECKS[name]
    right = {p: a.truth for p, a in ex.answers.items()}
    set_language(language)
    try:
        for part, answer in ex.answers.items():
            for wrong in _wrong_values(answer):
                attempt = {**right, part: wrong}
                if ex.form == ["tuple"]:
                    attempt = tuple(attempt[p] for p in ex.answers)
                res = check(name, attempt)
                assert res.status == "failed", (name, part, wrong, res.message)
                assert not any(_shows(t, res.message) for t in _shown_truths(answer)), (
                    name, part, wrong, res.message)
            forget_attempts()
            attempt = dict(right) if ex.form != ["tuple"] else tuple(right[p] for p in ex.answers)
            assert check(name, attempt).passed, name
    finally:
        set_language("en")


# Every exercise in which the learner predicts values rather than writes code.
SERIES_PREDICTIONS = {"branch_gradients", "apple_orange_gradients", "shopping_coupon",
                      "sigmoid_local_derivatives", "affine_image_shapes",
                      "softmax_gradient_prediction", "softmax_uniform_loss",
                      "gradcheck_loss_evaluations", "gradcheck_relu_kink",
                      "mnist_untrained_guess", "mnist_epoch_count", "debug_stuck_digit",
                      "debug_print_lines"}


def test_every_prediction_of_the_series_is_declared_with_the_one_checker():
    """The predictions the notebooks ask for, all through predict.prediction()."""
    assert SERIES_PREDICTIONS - set(PREDICTIONS) == set()


@pytest.fixture(autouse=True)
def _fresh():
    forget_attempts()
    yield
    forget_attempts()


def test_shows_matches_a_value_as_a_whole():
    assert _shows("5", "you predicted 5, which is not it") and _shows("(5, 784)", "got (5, 784).")
    assert not _shows("5", "you predicted 15") and not _shows("5", "you predicted 5.5")
    assert not _shows("0.3", "0.35 is not it")


def test_reveal_shows_without_quotes():
    from IPython.lib.pretty import pretty
    text = pretty(reveal("branch_gradients"))
    assert not text.startswith(("'", '"')) and "\n" in text and "\\n" not in text
