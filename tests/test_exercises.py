"""The exercise-check mechanism: pass, fail with a hint, and 'not attempted' for stubs."""

import pytest

from scratchnet.exercises import CHECKS, CheckResult, check, exercise


@pytest.fixture
def double_exercise():
    @exercise("test.double", hint="return 2 * x")
    def checker(attempt):
        assert attempt(3) == 6, f"double(3) gave {attempt(3)}, expected 6"

    yield "test.double"
    del CHECKS["test.double"]


def test_pass_fail_and_not_attempted(double_exercise, capsys):
    assert check(double_exercise, lambda x: 2 * x).status == "passed"
    assert capsys.readouterr().out == "test.double: PASS\n"
    res = check(double_exercise, lambda x: x + 2)
    assert res.status == "failed" and "double(3) gave 5, expected 6" in res.message
    assert "Hint: return 2 * x" in res.message

    def stub(x):
        raise NotImplementedError

    assert check(double_exercise, stub).status == "not attempted"
    assert check(double_exercise, None).status == "not attempted"
    crash = check(double_exercise, lambda x: x / "a", quiet=True)
    assert crash.status == "failed" and "your code raised TypeError" in crash.message


def test_strict_mode_raises(double_exercise):
    with pytest.raises(AssertionError, match="FAIL"):
        check(double_exercise, lambda x: x, strict=True, quiet=True)


def test_unknown_and_duplicate_names(double_exercise):
    with pytest.raises(KeyError, match="no exercise called 'nope'"):
        check("nope", None)
    with pytest.raises(ValueError, match="registered twice"):
        exercise(double_exercise, hint="")(lambda a: None)
    assert isinstance(check(double_exercise, None, quiet=True), CheckResult)
