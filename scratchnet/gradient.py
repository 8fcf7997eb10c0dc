"""Numerical gradients by central differences, and one rule for checking backprop against them.

The rule, used by every check in the series (per dtype, in CHECK_RULES):

    error = max over entries of |a - n| / max(|a| + |n|, floor)        pass if error < threshold

a is the backprop gradient, n the numerical one. Each entry is compared with its own size, so
a wrong small entry cannot hide behind a large one; entries smaller than `floor` are compared
with the floor instead, because a central difference cannot resolve them any better: its own
rounding error is about eps * |f| / h (about 1e-11 in float64 for a loss of order 1).

    float64: h = 1e-4 (the book's), floor 1e-3, threshold 1e-7
    float32: h = 1e-2,              floor 1e-2, threshold 1e-2 (float32 confirms ~2 digits)

The threshold is sharp on purpose (it catches the book's +1e-7 inside the log, a relative
error of a few 1e-7), so a correct backward pass can fail it in three ways:
- the loss differs from the one backprop differentiates (the book's +1e-7);
- a ReLU input lies within h of 0: f(x + h) and f(x - h) fall on different sides of the kink
  and the central difference averages two slopes;
- truncation: the central difference itself is off by about h**2 * |f'''| / 6, 1.7e-9 * |f'''|
  at h = 1e-4, more than the 1e-10 the rule allows an entry below the floor once |f'''| > 0.06
  (sum(w**3) at w = (0.02, 0.5, 1) fails with error 4.2e-6).
To tell truncation from a bug, check again with h / 10: a truncation error shrinks about 100
times, a bug's error stays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .language import columns, message, pad


@dataclass(frozen=True)
class CheckRule:
    """Step h, floor and threshold of a gradient check in one dtype."""

    h: float
    floor: float
    threshold: float


CHECK_RULES = {
    np.dtype(np.float64): CheckRule(h=1e-4, floor=1e-3, threshold=1e-7),
    np.dtype(np.float32): CheckRule(h=1e-2, floor=1e-2, threshold=1e-2),
}


def check_rule(dtype) -> CheckRule:
    """The rule for `dtype`: float32's for float32 (and float16), float64's otherwise."""
    dtype = np.dtype(dtype)
    if dtype.kind == "f" and dtype.itemsize <= 4:
        return CHECK_RULES[np.dtype(np.float32)]
    return CHECK_RULES[np.dtype(np.float64)]


def default_h(dtype) -> float:
    """Step for central differences: the book's 1e-4 in float64, 1e-2 in float32.

    The rounding error of (f(x+h) - f(x-h)) / 2h grows like eps * |f| / h, the truncation
    error like h**2 * |f'''| / 6; float32's eps (1.2e-7) is 1e9 times float64's, so its best h
    is much larger.
    """
    return check_rule(dtype).h


def numerical_gradient(f, x: np.ndarray, h: float | None = None) -> np.ndarray:
    """df/dx by central differences: (f(x + h) - f(x - h)) / 2h, one element at a time.

    f: a function of x returning a number.  x: a float array of any shape; it is changed
    in place during the computation and restored afterwards.  Returns an array shaped like x.
    """
    if not isinstance(x, np.ndarray):
        raise TypeError(message("numerical_gradient: expected x as a numpy array, got {got}",
                                got=type(x).__name__))
    if x.dtype.kind != "f":
        raise TypeError(message(
            "numerical_gradient: x must be a float array, got dtype {dtype}: "
            "an integer array cannot hold x + h, so every gradient would silently be 0",
            dtype=x.dtype))
    h = default_h(x.dtype) if h is None else h
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)  # views: writing flat[i] changes x
    if not np.shares_memory(flat, x):
        raise ValueError(message(
            "numerical_gradient: x must be a contiguous array (try np.ascontiguousarray)"))
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + h
        f_plus = float(f(x))
        flat[i] = keep - h
        f_minus = float(f(x))
        flat[i] = keep  # restore
        gflat[i] = (f_plus - f_minus) / (2 * h)
    if not np.isfinite(gflat).all():
        raise ValueError(message("numerical_gradient: f returned a non-finite value (nan or inf)"))
    return grad


def rel_error(a, b, floor: float | None = None) -> float:
    """The series' error measure: max over entries of |a - b| / max(|a| + |b|, floor).

    Each entry relative to its own size; entries below `floor` (default: the dtype's, see
    CHECK_RULES) relative to the floor. 0.0 when a and b are equal.
    """
    if np.shape(a) != np.shape(b):
        raise ValueError(message("rel_error: shapes differ: {a} vs {b}", a=np.shape(a), b=np.shape(b)))
    if floor is None:  # the less precise input's floor: float32's if either is float32
        floor = max(check_rule(np.asarray(v).dtype).floor for v in (a, b))
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.size == 0:
        return 0.0
    return float((np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), floor)).max())


@dataclass
class GradCheckRow:
    name: str
    shape: tuple
    rel_error: float  # the rule's error: max |a - n| / max(|a| + |n|, floor)
    mean_abs_diff: float  # the book's measure (5.7.3): mean of |a - n|


@dataclass
class GradCheckResult:
    """Backprop vs numerical gradients, one row per parameter; print it for a table.

    The table prints what any machine reproduces: a passing error as "< threshold", a failing
    one to 2 digits. `details()` gives every number (their last digits vary with the CPU).
    """

    rows: list = field(default_factory=list)
    tolerance: float = 1e-7  # the threshold
    dtype: str = "float64"

    @property
    def passed(self) -> bool:
        return all(r.rel_error < self.tolerance for r in self.rows)

    @property
    def worst(self) -> GradCheckRow:
        return max(self.rows, key=lambda r: r.rel_error)

    def _rule(self) -> str:
        rule = check_rule(self.dtype)
        return message("{dtype}: h {h:.0e}, floor {floor:.0e}, threshold {threshold:.0e}",
                       dtype=self.dtype, h=rule.h, floor=rule.floor, threshold=self.tolerance)

    @staticmethod
    def _first_column() -> int:
        """8 columns, or more when the heading needs them (매개변수 is 8 wide)."""
        return max(8, columns(message("param")) + 1)

    def _head(self, *last) -> str:
        return (pad(message("param"), self._first_column()) + pad(message("shape"), 12)
                + pad(message("error"), 10, ">") + "".join(last))

    def __str__(self) -> str:
        lines = [self._head("  ", message("verdict"))]
        for r in self.rows:
            ok = r.rel_error < self.tolerance
            shown = f"< {self.tolerance:.0e}" if ok else f"{r.rel_error:.1e}"
            verdict = message("ok") if ok else message("FAIL")
            lines.append(f"{pad(r.name, self._first_column())}{str(r.shape):<12}{shown:>10}  {verdict}")
        overall = (message("PASS") if self.passed else
                   message("FAIL (worst: {name})", name=self.worst.name))
        lines.append(f"{self._rule()}: {overall}")
        return "\n".join(lines)

    def details(self) -> str:
        """Every number, for exploring (not for stored outputs: the last digits vary)."""
        lines = [self._head(pad(message("mean |diff|"), 13, ">"))]
        for r in self.rows:
            lines.append(f"{pad(r.name, self._first_column())}{str(r.shape):<12}"
                         f"{r.rel_error:>10.1e}{r.mean_abs_diff:>13.1e}")
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):  # IPython shows the table, not a dataclass dump
        p.text(str(self))


def compare_gradients(analytic: dict, numeric: dict, tolerance: float | None = None,
                      dtype=None) -> GradCheckResult:
    """Compare two dicts of gradients keyed alike (e.g. net.gradient vs net.numerical_gradient)
    by the series' rule (CHECK_RULES) for `dtype` (default: the first analytic gradient's)."""
    if analytic.keys() != numeric.keys():
        raise ValueError(message("compare_gradients: keys differ: {a} vs {n}",
                                 a=sorted(analytic), n=sorted(numeric)))
    dtype = np.dtype(dtype or next(iter(analytic.values())).dtype)
    rule = check_rule(dtype)
    result = GradCheckResult(tolerance=tolerance or rule.threshold, dtype=dtype.name)
    for key in analytic:
        a, n = np.asarray(analytic[key]), np.asarray(numeric[key])
        if a.shape != n.shape:
            raise ValueError(message("compare_gradients: {key} has shape {a} vs {n}",
                                     key=key, a=a.shape, n=n.shape))
        diff = np.abs(a.astype(np.float64) - n)
        result.rows.append(GradCheckRow(key, a.shape, rel_error(a, n, rule.floor), float(diff.mean())))
    return result


def gradient_check(network, x, t, tolerance: float | None = None) -> GradCheckResult:
    """Backprop (network.gradient) vs central differences (network.numerical_gradient).

    Use float64 networks (the default) for a sharp check: float32 confirms about 2 digits.
    """
    analytic = {k: v.copy() for k, v in network.gradient(x, t).items()}
    numeric = network.numerical_gradient(x, t)
    dtype = next(iter(network.params.values())).dtype
    return compare_gradients(analytic, numeric, tolerance, dtype)
