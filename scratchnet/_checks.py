"""The layers' input checks: clear errors instead of numpy broadcast errors.

A layer calls one line at its boundary, so that its own methods read as the book's:
`check_params` in Affine's constructor, `check_input` first in forward, `check_dout` first in
backward. Each error names the layer, what it expected and what it got.
"""

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


def _book_layer(layer) -> str:
    """The book layer `layer` is, or derives from (a learner's BuggyRelu(Relu) is a Relu)."""
    for cls in type(layer).__mro__:
        if cls.__name__ in _KEPT:
            return cls.__name__
    raise TypeError(f"no input checks for {type(layer).__name__}")


# What each layer's forward keeps for backward: None there means forward has not run.
_KEPT = {"Relu": "mask", "Sigmoid": "out", "Affine": "x", "SoftmaxWithLoss": "y"}


def check_params(layer, W, b) -> tuple[np.ndarray, np.ndarray]:
    """Affine's W (D, M) and b (M,), as arrays (the caller's own arrays when they are ones)."""
    W, b = np.asarray(W), np.asarray(b)
    if W.ndim != 2 or b.shape != (W.shape[1],):
        raise ValueError(message(
            "{layer}: expected W of shape (D, M) and b of shape (M,), got W {W} and b {b}",
            layer=type(layer).__name__, W=W.shape, b=b.shape))
    return W, b


def check_input(layer, x, t=None):
    """What forward was given, checked for this layer: Affine's x, or SoftmaxWithLoss's x and t.

    Returns x as an array (and, for SoftmaxWithLoss, t as integer indices or as one-hot rows
    in x's dtype); raises an error naming the layer otherwise.
    """
    name = type(layer).__name__
    if _book_layer(layer) == "Affine":
        x = as_float_array(x, name)
        d = layer.W.shape[0]
        if x.ndim < 2 or x[0].size != d:
            raise ValueError(message(
                "{layer}: expected x with {d} features per sample, shape (N, {d}) or (N, ...) "
                "with {d} values per sample, got shape {got}", layer=name, d=d, got=x.shape))
        return x
    x = as_float_array(x, name, "scores x")
    if x.ndim != 2:
        raise ValueError(message(
            "{layer}: expected scores of shape (N, C), got shape {got} (one sample: "
            "x.reshape(1, -1))", layer=name, got=x.shape))
    require_finite(x, name, "scores x",
                   ": a nan here would make the loss nan. Check the input data, and lower the "
                   "learning rate if the weights diverged")
    t, one_hot = labels_to_indices(t, x.shape[0], x.shape[1], name)
    return x, (t.astype(x.dtype, copy=False) if one_hot else t)


def check_dout(layer, dout) -> None:
    """Before backward: forward has run, and dout has the shape of forward's output."""
    name, book = type(layer).__name__, _book_layer(layer)
    require_forward(getattr(layer, _KEPT[book]), name)
    if book == "Relu":
        want = layer.mask.shape
    elif book == "Affine":
        want = (layer.x.shape[0], layer.W.shape[1])
    else:  # Sigmoid broadcasts a scalar dout; SoftmaxWithLoss takes a scalar
        return
    if np.shape(dout) != want:
        raise ValueError(message(
            "{layer}.backward: expected dout of shape {want} (the shape of forward's output), "
            "got shape {got}", layer=name, want=want, got=np.shape(dout)))
