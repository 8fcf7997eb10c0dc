"""Shared test helpers: gradient of a layer checked against central differences."""

import numpy as np

from scratchnet import numerical_gradient, rel_error
from scratchnet.gradient import check_rule

TOL = check_rule(np.float64).threshold  # the series' rule: per-entry relative error, with a floor


def check_layer_input_grad(layer, x, rng):
    """Compare layer.backward with the numerical gradient of L = sum(forward(x) * g)."""
    out = layer.forward(x)
    g = rng.standard_normal(np.shape(out))
    dx = layer.backward(g.copy())
    num = numerical_gradient(lambda _: float(np.sum(layer.forward(x) * g)), x)
    return rel_error(dx, num)
