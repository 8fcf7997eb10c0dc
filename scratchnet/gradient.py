"""Numerical gradients by central differences, and a check of backprop against them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


def default_h(dtype) -> float:
    """Step for central differences: the book's 1e-4 in float64, larger in float32.

    The rounding error of f(x+h) - f(x-h) grows like eps / h, the truncation error like h**2;
    float32's eps (1.2e-7) is 1e9 times float64's, so its best h is much larger.
    """
    return 1e-4 if np.dtype(dtype) == np.float64 else 1e-2


def numerical_gradient(f, x: np.ndarray, h: float | None = None) -> np.ndarray:
    """df/dx by central differences: (f(x + h) - f(x - h)) / 2h, one element at a time.

    f: a function of x returning a number.  x: a float array of any shape; it is changed
    in place during the computation and restored afterwards.  Returns an array shaped like x.
    """
    if not isinstance(x, np.ndarray):
        raise TypeError(f"numerical_gradient: expected x as a numpy array, got {type(x).__name__}")
    if x.dtype.kind != "f":
        raise TypeError(
            f"numerical_gradient: x must be a float array, got dtype {x.dtype}: "
            "an integer array cannot hold x + h, so every gradient would silently be 0"
        )
    h = default_h(x.dtype) if h is None else h
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)  # views: writing flat[i] changes x
    if not np.shares_memory(flat, x):
        raise ValueError("numerical_gradient: x must be a contiguous array (try np.ascontiguousarray)")
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + h
        f_plus = float(f(x))
        flat[i] = keep - h
        f_minus = float(f(x))
        flat[i] = keep  # restore
        gflat[i] = (f_plus - f_minus) / (2 * h)
    if not np.isfinite(gflat).all():
        raise ValueError("numerical_gradient: f returned a non-finite value (nan or inf)")
    return grad


def rel_error(a, b) -> float:
    """Largest difference relative to the largest magnitude: max|a - b| / max(|a|, |b|).

    Measured against the whole array, so tiny entries (a dead ReLU's exact zeros, say)
    do not blow it up. 0.0 when both are all zeros.
    """
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = max(np.abs(a).max(initial=0.0), np.abs(b).max(initial=0.0))
    return 0.0 if scale == 0 else float(np.abs(a - b).max() / scale)


def default_tolerance(dtype) -> float:
    """Largest acceptable rel_error for a gradient check in this dtype."""
    return 1e-7 if np.dtype(dtype) == np.float64 else 1e-2


@dataclass
class GradCheckRow:
    name: str
    shape: tuple
    rel_error: float
    mean_abs_diff: float


@dataclass
class GradCheckResult:
    """Backprop vs numerical gradients, one row per parameter; print it for a table."""

    rows: list = field(default_factory=list)
    tolerance: float = 1e-7
    dtype: str = "float64"

    @property
    def passed(self) -> bool:
        return all(r.rel_error < self.tolerance for r in self.rows)

    @property
    def worst(self) -> GradCheckRow:
        return max(self.rows, key=lambda r: r.rel_error)

    def __str__(self) -> str:
        lines = [f"{'param':<8}{'shape':<12}{'max rel error':>14}{'mean |diff|':>13}  verdict"]
        for r in self.rows:
            verdict = "ok" if r.rel_error < self.tolerance else "FAIL"
            lines.append(
                f"{r.name:<8}{str(r.shape):<12}{r.rel_error:>14.1e}{r.mean_abs_diff:>13.1e}  {verdict}"
            )
        overall = "PASS" if self.passed else f"FAIL (worst: {self.worst.name})"
        lines.append(f"{self.dtype}, tolerance {self.tolerance:.0e}: {overall}")
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):  # IPython shows the table, not a dataclass dump
        p.text(str(self))


def compare_gradients(analytic: dict, numeric: dict, tolerance: float | None = None,
                      dtype=None) -> GradCheckResult:
    """Compare two dicts of gradients keyed alike (e.g. net.gradient vs net.numerical_gradient)."""
    if analytic.keys() != numeric.keys():
        raise ValueError(f"compare_gradients: keys differ: {sorted(analytic)} vs {sorted(numeric)}")
    dtype = np.dtype(dtype or next(iter(analytic.values())).dtype)
    result = GradCheckResult(tolerance=tolerance or default_tolerance(dtype), dtype=dtype.name)
    for key in analytic:
        a, n = np.asarray(analytic[key]), np.asarray(numeric[key])
        if a.shape != n.shape:
            raise ValueError(f"compare_gradients: {key} has shape {a.shape} vs {n.shape}")
        diff = np.abs(a.astype(np.float64) - n)
        result.rows.append(GradCheckRow(key, a.shape, rel_error(a, n), float(diff.mean())))
    return result


def gradient_check(network, x, t, tolerance: float | None = None) -> GradCheckResult:
    """Backprop (network.gradient) vs central differences (network.numerical_gradient).

    Use float64 networks for a sharp check: float32 can only confirm about 2 digits.
    """
    analytic = {k: v.copy() for k, v in network.gradient(x, t).items()}
    numeric = network.numerical_gradient(x, t)
    dtype = next(iter(network.params.values())).dtype
    return compare_gradients(analytic, numeric, tolerance, dtype)
