"""Small input checks shared by the layers: clear errors instead of numpy broadcast errors."""

from __future__ import annotations

import numpy as np

from .language import message


def as_float_array(x, where: str, name: str = "x") -> np.ndarray:
    """Return `x` as a numpy array of floats, or raise a TypeError that names `where`."""
    arr = np.asarray(x)
    if arr.dtype.kind not in "fiu" or arr.dtype == np.bool_:
        raise TypeError(message("{where}: expected {name} as an array of numbers, got dtype {dtype}",
                                where=where, name=name, dtype=arr.dtype))
    return arr


class NonFiniteError(ValueError):
    """An array that must hold finite numbers holds nan or inf."""


def require_finite(x: np.ndarray, where: str, name: str, advice: str = "") -> None:
    """Raise NonFiniteError unless x is all finite; name, advice: templates, translated then."""
    finite = np.isfinite(x)
    if not finite.all():
        bad = x[~finite]
        raise NonFiniteError(message(
            "{where}: expected finite {name}, got {bad} of {size} values that are nan or inf "
            "({nan} nan){advice}", where=where, name=message(name), bad=bad.size, size=x.size,
            nan=int(np.isnan(bad).sum()), advice=message(advice) if advice else ""))


def require_forward(value, layer: str) -> None:
    """Raise if backward is called before forward (the layer has nothing stored yet)."""
    if value is None:
        raise RuntimeError(message(
            "{layer}.backward was called before {layer}.forward: "
            "run forward first, it stores what backward needs", layer=layer))


def labels_to_indices(t, n_samples: int, n_classes: int, where: str) -> tuple[np.ndarray, bool]:
    """Check labels `t` against scores of shape (n_samples, n_classes).

    Returns (t, one_hot): `t` as given when one-hot (n_samples, n_classes), else as integer
    class indices (n_samples,).
    """
    t = np.asarray(t)
    if t.ndim == 2:
        if t.shape != (n_samples, n_classes):
            raise ValueError(message(
                "{where}: one-hot labels must have shape ({n}, {c}) to match the scores, "
                "got shape {got}", where=where, n=n_samples, c=n_classes, got=t.shape))
        return t, True
    if t.ndim != 1:
        raise ValueError(message(
            "{where}: expected labels as class indices of shape ({n},) or one-hot of "
            "shape ({n}, {c}), got shape {got}", where=where, n=n_samples, c=n_classes, got=t.shape))
    if t.shape[0] != n_samples:
        raise ValueError(message(
            "{where}: got {labels} labels for {n} samples (labels shape {shape})",
            where=where, labels=t.shape[0], n=n_samples, shape=t.shape))
    if t.dtype.kind not in "iu":
        raise TypeError(message(
            "{where}: class indices must be integers, got dtype {dtype} "
            "(for one-hot labels pass a 2-D array)", where=where, dtype=t.dtype))
    if n_samples and (t.min() < 0 or t.max() >= n_classes):
        raise ValueError(message(
            "{where}: class indices must lie in 0..{last}, got values from {lo} to {hi}",
            where=where, last=n_classes - 1, lo=t.min(), hi=t.max()))
    return t, False
