"""Comparisons the exercise checks share. Each raises Wrong with what was expected, what came
and for which input, in words a learner can act on."""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np

from ...gradient import check_rule, numerical_gradient, rel_error
from ...language import tr
from . import FormatSlip, Wrong


def show(x, digits: int = 4) -> str:
    """A short, stable rendering of a number or array for a message."""
    if x is None:
        return "None"
    a = np.asarray(x)
    if a.dtype.kind not in "biuf":  # a string, an object: as written
        return repr(x)
    if a.dtype.kind == "b":  # a mask: True/False, as the learner's code holds it
        return str(bool(a)) if a.ndim == 0 else (
            tr(f"a mask of shape {a.shape}", f"형상 {a.shape}의 마스크") if a.size > 12
            else np.array2string(a, separator=", "))
    if a.ndim == 0:
        return f"{float(a):.{digits}g}"
    if a.size > 12:
        return tr(f"an array of shape {a.shape}", f"형상 {a.shape}의 배열")
    return np.array2string(np.round(a.astype(float), digits), separator=", ")


def show_pair(want, got) -> tuple[str, str]:
    """show(want), show(got), with as many digits as it takes for the two to print differently."""
    for digits in (4, 6, 8, 12, 17):
        pair = show(want, digits), show(got, digits)
        if pair[0] != pair[1]:
            return pair
    return pair


def sequence(got, n: int, what: str) -> list:
    """`got` as a list of n items: a tuple, a list, an array or any other sequence is fine."""
    if isinstance(got, (str, bytes, dict)) or got is None or not hasattr(got, "__len__"):
        raise Wrong(tr(f"{what} should give {n} values, got {type(got).__name__} {show(got)}",
                       f"{what}: 값 {n}개를 돌려주어야 합니다. 나온 것: {type(got).__name__} "
                       f"{show(got)}"))
    items = list(got)
    if len(items) != n:
        raise Wrong(tr(f"{what} should give {n} values, got {len(items)}",
                       f"{what}: 값 {n}개를 돌려주어야 하는데 {len(items)}개를 돌려주었습니다"))
    return items


def close(got, want, what: str, rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """got == want (to rounding), with the same shape."""
    try:
        got_arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{what}: expected {show(want)}, got {type(got).__name__} {show(got)}",
                       f"{what}: {show(want)}이어야 하는데 나온 것은 {type(got).__name__} {show(got)}입니다")
                    ) from None
    if got_arr.shape != np.shape(want):
        raise Wrong(tr(f"{what}: expected shape {np.shape(want)}, got shape {got_arr.shape}",
                       f"{what}: 형상이 {np.shape(want)}이어야 하는데 나온 형상은 {got_arr.shape}입니다"))
    if np.asarray(got).dtype == np.float32:  # judged at float32's precision, not float64's
        rtol, atol = max(rtol, 1e-6), max(atol, 1e-7)
    if not np.allclose(got_arr, want, rtol=rtol, atol=atol):
        want_s, got_s = show_pair(want, got_arr)
        raise Wrong(tr(f"{what}: expected {want_s}, got {got_s}",
                       f"{what}: {want_s}이어야 하는데 나온 값은 {got_s}입니다"))


def same_dtype(got, want_dtype, what: str) -> None:
    """An array result keeps the dtype of the input (float32 in, float32 out)."""
    got_dtype = np.asarray(got).dtype
    if got_dtype != np.dtype(want_dtype):
        raise Wrong(tr(f"{what}: given {np.dtype(want_dtype)} input, returned {got_dtype}; "
                       "keep the input's dtype",
                       f"{what}: 입력은 {np.dtype(want_dtype)}인데 돌려준 값은 {got_dtype}입니다. "
                       "입력의 dtype을 그대로 유지하세요"))


def unchanged(arr, before, what: str) -> None:
    """The learner's code left a caller's array as it was."""
    if not np.array_equal(arr, before):
        raise Wrong(tr(f"{what} was changed by your code: it was {show(before)}, now {show(arr)}. "
                       "Build a new array instead of writing into the caller's",
                       f"{what}: 여러분의 코드가 값을 바꾸었습니다(전 {show(before)}, 후 "
                       f"{show(arr)}). 호출한 쪽의 배열에 쓰지 말고 새 배열을 만드세요"))


def numerically(f, x, got, what: str) -> None:
    """got matches the numerical gradient of scalar f at x (the series' one rule, notebook 05)."""
    x = np.array(x, dtype=np.float64)
    num = numerical_gradient(f, x)
    try:
        got_arr = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{what}: expected an array of shape {num.shape}, got {type(got).__name__}",
                       f"{what}: 형상 {num.shape}의 배열이어야 합니다. 나온 것: "
                       f"{type(got).__name__}")) from None
    if got_arr.shape != num.shape:
        raise Wrong(tr(f"{what}: expected shape {num.shape}, got shape {got_arr.shape}",
                       f"{what}: 형상이 {num.shape}이어야 하는데 나온 형상은 {got_arr.shape}입니다"))
    err = rel_error(got_arr, num)
    if not err < check_rule(np.float64).threshold:
        raise Wrong(tr(f"{what}: your gradient {show(got_arr)} differs from the numerical gradient "
                       f"{show(num)} (relative error {err:.1e})",
                       f"{what}: 여러분의 기울기와 수치 미분으로 구한 기울기가 다릅니다: "
                       f"{show(got_arr)} 대 {show(num)} (상대 오차 {err:.1e})"))


def a_class(attempt, name: str):
    """`attempt` itself when it is a class; else a FormatSlip (no hint used): the check makes
    its own objects from the class, a new one for each test, so it wants `Relu`, not `Relu()`."""
    if isinstance(attempt, type):
        return attempt
    if hasattr(attempt, "forward") or hasattr(attempt, "backward"):
        cls = type(attempt).__name__
        raise FormatSlip(tr(f"pass the class, `{cls}`, not `{cls}()`: the check makes its own "
                            "objects from the class, a new one for each test",
                            f"`{cls}()`가 아니라 클래스 `{cls}` 자체를 넘기세요. 검사는 그 클래스로 "
                            "테스트마다 새 객체를 직접 만듭니다"))
    raise FormatSlip(tr(f"pass the class `{name}` itself (the name after `class`), "
                        f"got {type(attempt).__name__} {show(attempt)}",
                        f"클래스 `{name}` 자체(`class` 뒤의 이름)를 넘기세요. 받은 것: "
                        f"{type(attempt).__name__} {show(attempt)}"))


def a_function(attempt, exercise: str, name: str):
    """`attempt` itself when it is a function; else a FormatSlip (no hint used): the check calls
    it on inputs of its own, so it wants `grads`, not `grads(3, 2)` nor a class."""
    if callable(attempt) and not isinstance(attempt, type):
        return attempt
    raise FormatSlip(tr(f"pass the function itself, check(\"{exercise}\", {name}), not what it "
                        f"returns (got {type(attempt).__name__} {show(attempt)})",
                        f"함수 자체를 넘기세요: check(\"{exercise}\", {name}). 함수가 돌려준 값이 "
                        f"아닙니다(받은 것: {type(attempt).__name__} {show(attempt)})"))


@contextmanager
def mistake(hint: tuple):
    """A Wrong raised inside, with no hints of its own, gets `hint`: the hints of this kind of
    mistake (a comparison here knows what went wrong, the checker knows which mistake it is)."""
    try:
        yield
    except FormatSlip:
        raise
    except Wrong as e:
        if e.hint is not None:
            raise
        raise Wrong(str(e), hint=hint) from None
