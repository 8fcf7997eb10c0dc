"""Comparisons the exercise checks share. Each raises Wrong with what was expected, what came
and for which input, in words a learner can act on."""

from __future__ import annotations

import numpy as np

from ...gradient import check_rule, numerical_gradient, rel_error
from . import Wrong


def show(x, digits: int = 4) -> str:
    """A short, stable rendering of a number or array for a message."""
    if x is None:
        return "None"
    a = np.asarray(x)
    if a.dtype == object:
        return repr(x)
    if a.ndim == 0:
        return f"{float(a):.{digits}g}"
    if a.size > 12:
        return f"an array of shape {a.shape}"
    return np.array2string(np.round(a.astype(float), digits), separator=", ")


def sequence(got, n: int, what: str) -> list:
    """`got` as a list of n items: a tuple, a list, an array or any other sequence is fine."""
    if isinstance(got, (str, bytes, dict)) or got is None or not hasattr(got, "__len__"):
        raise Wrong(f"{what} should give {n} values, got {type(got).__name__} {show(got)}")
    items = list(got)
    if len(items) != n:
        raise Wrong(f"{what} should give {n} values, got {len(items)}")
    return items


def close(got, want, what: str, rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """got == want (to rounding), with the same shape."""
    try:
        got_arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"{what}: expected {show(want)}, got {type(got).__name__} {show(got)}") from None
    if got_arr.shape != np.shape(want):
        raise Wrong(f"{what}: expected shape {np.shape(want)}, got shape {got_arr.shape}")
    if not np.allclose(got_arr, want, rtol=rtol, atol=atol):
        raise Wrong(f"{what}: expected {show(want)}, got {show(got_arr)}")


def same_dtype(got, want_dtype, what: str) -> None:
    """An array result keeps the dtype of the input (float32 in, float32 out)."""
    got_dtype = np.asarray(got).dtype
    if got_dtype != np.dtype(want_dtype):
        raise Wrong(f"{what}: given {np.dtype(want_dtype)} input, returned {got_dtype}; "
                    f"keep the input's dtype")


def unchanged(arr, before, what: str) -> None:
    """The learner's code left a caller's array as it was."""
    if not np.array_equal(arr, before):
        raise Wrong(f"{what} was changed by your code: it was {show(before)}, now {show(arr)}. "
                    "Build a new array instead of writing into the caller's")


def numerically(f, x, got, what: str) -> None:
    """got matches the numerical gradient of scalar f at x (the series' one rule, notebook 05)."""
    x = np.array(x, dtype=np.float64)
    num = numerical_gradient(f, x)
    try:
        got_arr = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        raise Wrong(f"{what}: expected an array of shape {num.shape}, got {type(got).__name__}") from None
    if got_arr.shape != num.shape:
        raise Wrong(f"{what}: expected shape {num.shape}, got shape {got_arr.shape}")
    err = rel_error(got_arr, num)
    if not err < check_rule(np.float64).threshold:
        raise Wrong(f"{what}: your gradient {show(got_arr)} differs from the numerical gradient "
                    f"{show(num)} (relative error {err:.1e})")
