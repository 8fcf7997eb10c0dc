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


def test_rel_error_is_per_entry_with_a_floor():
    assert rel_error(np.zeros(3), np.zeros(3)) == 0.0
    # each entry against its own size: 2 vs 3 is 1/5 whatever else the array holds
    assert rel_error([1000.0, 2.0], [1000.0, 3.0]) == pytest.approx(0.2)
    # a wrong small entry cannot hide behind a large one (max-normalised it would be 1e-6)
    assert rel_error([1000.0, 1e-2], [1000.0, 2e-2]) > 0.3
    # entries below the floor (1e-3 in float64) are measured against the floor
    assert rel_error([1.0, 0.0], [1.0, 1e-12]) == pytest.approx(1e-9)
    assert rel_error([1.0, 0.0], [1.0, 1e-12], floor=1e-6) == pytest.approx(1e-6)
    with pytest.raises(ValueError, match="shapes differ"):
        rel_error(np.zeros(3), np.zeros(4))


def test_one_rule_per_dtype():
    from scratchnet.gradient import check_rule, default_h
    assert (check_rule(np.float64).h, check_rule(np.float64).floor, check_rule(np.float64).threshold) \
        == (1e-4, 1e-3, 1e-7)
    assert (check_rule(np.float32).h, check_rule(np.float32).floor, check_rule(np.float32).threshold) \
        == (1e-2, 1e-2, 1e-2)
    assert default_h(np.float64) == 1e-4 and default_h(np.float32) == 1e-2
    # rel_error takes the floor of the less precise input
    assert rel_error(np.float32([1.0, 0.0]), np.float64([1.0, 1e-4])) == pytest.approx(1e-2)


def test_compare_gradients_table_and_verdict():
    a = {"W": np.array([1.0, 2.0]), "b": np.array([0.5])}
    good = compare_gradients(a, {"W": np.array([1.0, 2.0 + 1e-10]), "b": np.array([0.5])})
    assert good.passed and good.tolerance == 1e-7
    text = str(good)
    assert "W" in text and "< 1e-07" in text and "PASS" in text
    assert "5.0e-11" not in text and "2.5e-11" in good.details()  # exact numbers only on request
    bad = compare_gradients(a, {"W": np.array([1.0, 2.0]), "b": np.array([0.4])})
    assert not bad.passed
    assert bad.worst.name == "b"
    assert "FAIL (worst: b)" in str(bad) and "1.1e-01" in str(bad)  # a failure shows its size
    with pytest.raises(ValueError, match="keys differ"):
        compare_gradients(a, {"W": a["W"]})
    f32 = compare_gradients({"W": np.ones(2, np.float32)}, {"W": np.ones(2, np.float32)})
    assert f32.tolerance == 1e-2 and f32.dtype == "float32"
