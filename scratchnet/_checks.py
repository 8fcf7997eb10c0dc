"""Small input checks shared by the layers: clear errors instead of numpy broadcast errors."""

from __future__ import annotations

import numpy as np


def as_float_array(x, where: str, name: str = "x") -> np.ndarray:
    """Return `x` as a numpy array of floats, or raise a TypeError that names `where`."""
    arr = np.asarray(x)
    if arr.dtype.kind not in "fiu" or arr.dtype == np.bool_:
        raise TypeError(f"{where}: expected {name} as an array of numbers, got dtype {arr.dtype}")
    return arr


class NonFiniteError(ValueError):
    """An array that must hold finite numbers holds nan or inf."""


def require_finite(x: np.ndarray, where: str, name: str, advice: str = "") -> None:
    """Raise NonFiniteError, naming `where` and counting the bad values, unless x is all finite."""
    finite = np.isfinite(x)
    if not finite.all():
        bad = x[~finite]
        raise NonFiniteError(
            f"{where}: expected finite {name}, got {bad.size} of {x.size} values that are nan or inf "
            f"({int(np.isnan(bad).sum())} nan){advice}"
        )


def require_forward(value, layer: str) -> None:
    """Raise if backward is called before forward (the layer has nothing stored yet)."""
    if value is None:
        raise RuntimeError(
            f"{layer}.backward was called before {layer}.forward: "
            "run forward first, it stores what backward needs"
        )


def labels_to_indices(t, n_samples: int, n_classes: int, where: str) -> tuple[np.ndarray, bool]:
    """Check labels `t` against scores of shape (n_samples, n_classes).

    Returns (t, one_hot): `t` as given when one-hot (n_samples, n_classes), else as integer
    class indices (n_samples,).
    """
    t = np.asarray(t)
    if t.ndim == 2:
        if t.shape != (n_samples, n_classes):
            raise ValueError(
                f"{where}: one-hot labels must have shape ({n_samples}, {n_classes}) to match "
                f"the scores, got shape {t.shape}"
            )
        return t, True
    if t.ndim != 1:
        raise ValueError(
            f"{where}: expected labels as class indices of shape ({n_samples},) or one-hot of "
            f"shape ({n_samples}, {n_classes}), got shape {t.shape}"
        )
    if t.shape[0] != n_samples:
        raise ValueError(
            f"{where}: got {t.shape[0]} labels for {n_samples} samples (labels shape {t.shape})"
        )
    if t.dtype.kind not in "iu":
        raise TypeError(
            f"{where}: class indices must be integers, got dtype {t.dtype} "
            "(for one-hot labels pass a 2-D array)"
        )
    if n_samples and (t.min() < 0 or t.max() >= n_classes):
        raise ValueError(
            f"{where}: class indices must lie in 0..{n_classes - 1}, "
            f"got values from {t.min()} to {t.max()}"
        )
    return t, False
