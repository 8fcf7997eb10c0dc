"""Shared test helpers: gradient of a layer checked against central differences."""

import numpy as np

from scratchnet import numerical_gradient, rel_error

TOL = 1e-7  # float64 relative error (max |a - b| / max |a|) we demand of every analytic gradient


def check_layer_input_grad(layer, x, rng):
    """Compare layer.backward with the numerical gradient of L = sum(forward(x) * g)."""
    out = layer.forward(x)
    g = rng.standard_normal(np.shape(out))
    dx = layer.backward(g.copy())
    num = numerical_gradient(lambda _: float(np.sum(layer.forward(x) * g)), x)
    return rel_error(dx, num)
