"""The exercise-check mechanism: four outcomes, hints only after failures, and reset."""

import json

import numpy as np
import pytest

from scratchnet.language import Text
from scratchnet.toolkit.exercises import (CHECKS, CheckResult, Unfilled, Wrong, check, exercise,
                                          forget_attempts)
from scratchnet.toolkit.exercises import _assert
from scratchnet.toolkit.reset import main as reset_main, reset


@pytest.fixture
def layer_exercise():
    """A two-part exercise: a Double layer, forward(x) = 2x, backward(dout) = 2 dout."""
    @exercise("test.double", parts=("forward", "backward"),
              hints=(Text("the derivative of 2x is 2", "2x의 미분은 2"), Text("return 2 * dout", "2 * dout을 돌려주세요")))
    def checker(Layer, part):
        layer = Layer()
        with part("forward"):
            _assert.close(layer.forward(np.array([1.0, -2.0])), [2.0, -4.0], "forward([1, -2])")
        with part("backward"):
            dout = np.array([0.5, 3.0])
            _assert.close(layer.backward(dout), [1.0, 6.0], "backward([0.5, 3])")
            _assert.unchanged(dout, np.array([0.5, 3.0]), "dout")

    forget_attempts()
    yield "test.double"
    del CHECKS["test.double"]
    forget_attempts()


def make_layer(forward=None, backward=None):
    def stub(self, x):
        raise NotImplementedError("your code here")
    return type("Layer", (), {"forward": forward or stub, "backward": backward or stub})


def test_four_outcomes(layer_exercise):
    stub = check(layer_exercise, make_layer())
    assert stub.status == "not attempted" and "not attempted yet" in stub.message
    assert "hint" not in stub.message.lower()  # no hint in an untouched stub
    assert check(layer_exercise, None).status == "not attempted"

    half = check(layer_exercise, make_layer(forward=lambda self, x: 2 * x))
    assert half.status == "partly done" and half.done == ("forward",)
    assert "forward is right; backward still raises NotImplementedError" in half.message

    wrong = check(layer_exercise, make_layer(lambda self, x: 2 * x, lambda self, d: d))
    assert wrong.status == "failed"
    assert wrong.message.startswith("test.double: FAIL in backward. backward([0.5, 3]): "
                                    "expected [1., 6.], got [0.5, 3. ]")

    def in_place(self, d):
        d *= 2
        return d
    overwrote = check(layer_exercise, make_layer(lambda self, x: 2 * x, in_place))
    assert overwrote.status == "failed" and "dout was changed by your code" in overwrote.message

    right = check(layer_exercise, make_layer(lambda self, x: 2 * x, lambda self, d: 2 * d))
    assert right.passed and right.message == "test.double: PASS (forward and backward checked)."


def test_hints_only_after_failures(layer_exercise):
    wrong = make_layer(lambda self, x: x)
    assert "Hint" not in check(layer_exercise, make_layer()).message
    first = check(layer_exercise, wrong).message
    assert "\nHint: the derivative of 2x is 2" in first and "stronger" not in first
    second = check(layer_exercise, wrong).message
    assert "\nA stronger hint: return 2 * dout" in second
    assert "A stronger hint" in check(layer_exercise, wrong).message  # and it stays
    forget_attempts()
    assert "\nHint: " in check(layer_exercise, wrong).message


def test_a_crash_is_a_failure_in_its_part(layer_exercise):
    res = check(layer_exercise, make_layer(lambda self, x: x / "a"))
    assert res.status == "failed"
    assert res.message.startswith("test.double: FAIL in forward. Your code raised TypeError")


def test_unfilled_prediction_is_partly_done():
    @exercise("test.predict", parts=("a", "b"), hints=(Text("h1", "힌트1"), Text("h2", "힌트2")))
    def checker(pred, part):
        for key, want in (("a", 1.0), ("b", 2.0)):
            with part(key):
                if pred[key] is None:
                    raise Unfilled(f"{key} is still None: fill in your number")
                if pred[key] != want:
                    raise Wrong(f"{key}: expected {want}, got {pred[key]}")
    try:
        untouched = check("test.predict", {"a": None, "b": None})
        assert untouched.status == "not attempted"
        assert untouched.message == ("test.predict: not attempted yet. Replace each None with "
                                     "your prediction, then run this cell again.")
        res = check("test.predict", {"a": 1.0, "b": None})
        assert res.status == "partly done"
        assert res.message == ("test.predict: partly done. a is right; "
                               "b is still None: fill in your number.")
        later = check("test.predict", {"a": None, "b": 2.0})  # filled in the other order
        assert later.status == "partly done" and later.done == ("b",)
        assert later.message == ("test.predict: partly done. b is right; "
                                 "a is still None: fill in your number.")
        wrong_later = check("test.predict", {"a": None, "b": 3.0})
        assert wrong_later.status == "failed" and "FAIL in b. b: expected 2.0" in wrong_later.message
        assert check("test.predict", {"a": 1.0, "b": 2.0}).passed
    finally:
        del CHECKS["test.predict"]
        forget_attempts()


def test_a_stub_can_say_what_it_asks_for():
    @exercise("test.fix", hints=(Text("h1", "힌트1"), Text("h2", "힌트2")), todo=Text("Delete the raise line and fix the bug.", "raise 줄을 지우고 버그를 고치세요."))
    def checker(fixed):
        fixed()
    try:
        def untouched():
            raise NotImplementedError("find the bug")
        assert check("test.fix", untouched).message == ("test.fix: not attempted yet. "
                                                        "Delete the raise line and fix the bug.")
    finally:
        del CHECKS["test.fix"]


def test_result_shows_once_as_the_cell_output(layer_exercise, capsys):
    res = check(layer_exercise, None)
    assert capsys.readouterr().out == ""  # nothing printed: the cell's result shows it
    assert repr(res) == str(res) == res.message
    assert isinstance(res, CheckResult)


def test_strict_unknown_and_duplicate(layer_exercise):
    with pytest.raises(AssertionError, match="not attempted"):
        check(layer_exercise, None, strict=True)
    with pytest.raises(KeyError, match="no exercise called 'nope'"):
        check("nope", None)
    with pytest.raises(ValueError, match="registered twice"):
        exercise(layer_exercise, hints=(Text("a", "가"), Text("b", "나")))(lambda a: None)
    with pytest.raises(ValueError, match="two hints"):
        exercise("test.one_hint", hints=("a",))


def test_assert_helpers_accept_any_sequence_and_say_what_came():
    assert _assert.sequence((1, 2), 2, "grads") == [1, 2]
    assert _assert.sequence([1, 2], 2, "grads") == [1, 2]
    assert _assert.sequence(np.array([1, 2]), 2, "grads") == [1, 2]
    with pytest.raises(Wrong, match="should give 2 values, got 3"):
        _assert.sequence([1, 2, 3], 2, "grads")
    with pytest.raises(Wrong, match="should give 2 values, got float"):
        _assert.sequence(1.5, 2, "grads")
    with pytest.raises(Wrong, match="expected shape \\(2,\\), got shape \\(3,\\)"):
        _assert.close([1, 2, 3], [1, 2], "x")
    with pytest.raises(Wrong, match="given float32 input, returned float64"):
        _assert.same_dtype(np.zeros(2), np.float32, "forward")
    with pytest.raises(Wrong, match="differs from the numerical gradient"):
        _assert.numerically(lambda v: float(np.sum(v ** 2)), [1.0, 2.0], [2.0, 3.0], "grad")
    _assert.numerically(lambda v: float(np.sum(v ** 2)), [1.0, 2.0], [2.0, 4.0], "grad")


def _notebook(tmp_path, source):
    nb = {"cells": [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# t"},
                    {"cell_type": "code", "id": "e", "execution_count": 3,
                     "metadata": {"scratchnet": {"exercise": "test.double"}},
                     "outputs": [{"output_type": "stream", "name": "stdout", "text": "x"}],
                     "source": source}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_reset_puts_the_stub_back(tmp_path, capsys):
    path = _notebook(tmp_path, "raise NotImplementedError\ncheck('test.double', Double)")
    assert reset(path, record=True) == ["test.double"]
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"][1]["source"] = "class Double: ...  # the learner's work"
    path.write_text(json.dumps(nb), encoding="utf-8")
    reset_main([str(path)])
    assert "reset 1 exercise cell(s): test.double" in capsys.readouterr().out
    cell = json.loads(path.read_text(encoding="utf-8"))["cells"][1]
    assert cell["source"] == "raise NotImplementedError\ncheck('test.double', Double)"
    assert cell["outputs"] == [] and cell["execution_count"] is None
    with pytest.raises(SystemExit, match="has no exercise nope; its exercises: test.double"):
        reset(path, ["nope"])
    with pytest.raises(SystemExit, match="no notebook at"):
        reset(tmp_path / "missing.ipynb")
