"""numerical_gradient and the gradient-check report."""

import numpy as np
import pytest

from scratchnet import compare_gradients, numerical_gradient, rel_error


def test_numerical_gradient_of_a_quadratic_any_shape():
    x = np.arange(24.0).reshape(2, 3, 4)
    before = x.copy()
    grad = numerical_gradient(lambda v: np.sum(v ** 2), x)
    np.testing.assert_allclose(grad, 2 * before, rtol=1e-8)
    np.testing.assert_array_equal(x, before)  # restored exactly


def test_numerical_gradient_chain_rule_example():
    # z = t**2, t = x + y  ->  dz/dx = 2 (x + y)
    xy = np.array([1.5, -0.25])
    grad = numerical_gradient(lambda v: (v[0] + v[1]) ** 2, xy)
    np.testing.assert_allclose(grad, [2.5, 2.5], rtol=1e-8)


def test_numerical_gradient_refuses_integers():
    with pytest.raises(TypeError, match="numerical_gradient: x must be a float array, got dtype int64"):
        numerical_gradient(lambda v: float(np.sum(v)), np.arange(3, dtype=np.int64))
    with pytest.raises(TypeError, match="expected x as a numpy array, got list"):
        numerical_gradient(lambda v: 0.0, [1.0, 2.0])


def test_numerical_gradient_reports_non_finite_f():
    with pytest.raises(ValueError, match="f returned a non-finite value"):
        numerical_gradient(lambda v: float("inf") if v[0] > 0 else 0.0, np.array([0.0, 1.0]))


def test_float32_uses_a_larger_step_and_stays_close():
    x = np.linspace(-1, 1, 7).astype(np.float32)
    grad = numerical_gradient(lambda v: np.sum(np.sin(v)), x)
    assert grad.dtype == np.float32
    np.testing.assert_allclose(grad, np.cos(x), atol=1e-3)


def test_rel_error_is_scale_relative_and_zero_safe():
    assert rel_error(np.zeros(3), np.zeros(3)) == 0.0
    assert rel_error([1.0, 0.0], [1.0, 1e-12]) == pytest.approx(1e-12)
    assert rel_error([2.0, 4.0], [2.0, 3.0]) == pytest.approx(0.25)


def test_compare_gradients_table_and_verdict():
    a = {"W": np.array([1.0, 2.0]), "b": np.array([0.5])}
    good = compare_gradients(a, {"W": np.array([1.0, 2.0 + 1e-10]), "b": np.array([0.5])})
    assert good.passed and good.tolerance == 1e-7
    text = str(good)
    assert "W" in text and "5.0e-11" in text and "PASS" in text
    bad = compare_gradients(a, {"W": np.array([1.0, 2.0]), "b": np.array([0.4])})
    assert not bad.passed
    assert bad.worst.name == "b"
    assert "FAIL (worst: b)" in str(bad)
    with pytest.raises(ValueError, match="keys differ"):
        compare_gradients(a, {"W": a["W"]})
    f32 = compare_gradients({"W": np.ones(2, np.float32)}, {"W": np.ones(2, np.float32)})
    assert f32.tolerance == 1e-2 and f32.dtype == "float32"
