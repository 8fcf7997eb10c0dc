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


# ----------------------------------------------- the timing logic of notebook 05 (no real clock)

def test_seconds_keeps_the_best_run_of_a_clock():
    from scratchnet.toolkit.gradient_cost import seconds
    ticks = iter([0.0, 0.5, 1.0, 1.2, 2.0, 2.9])  # runs of 0.5, 0.2 and 0.9 s
    calls = []
    best = seconds(lambda: calls.append(1), repeat=3, clock=lambda: next(ticks))
    assert best == pytest.approx(0.2) and len(calls) == 3


def test_numerical_estimate_is_time_per_parameter_of_b2_times_p():
    from scratchnet import TwoLayerNet
    from scratchnet.toolkit.gradient_cost import numerical_estimate
    net = TwoLayerNet(6, 4, 3, rng=0)
    x, t = np.ones((2, 6)), np.array([0, 2])
    timed = []

    def timer(f, repeat):  # runs f once, as a real timer would, and says it took 0.3 s
        f()
        timed.append(repeat)
        return 0.3
    before = {k: v.copy() for k, v in net.params.items()}
    P = 6 * 4 + 4 + 4 * 3 + 3
    assert numerical_estimate(net, x, t, repeat=7, timer=timer) == pytest.approx(0.3 / 3 * P)
    assert timed == [7]
    for k in before:  # the b2 it differentiated is restored
        np.testing.assert_array_equal(net.params[k], before[k])


def test_loglog_slope_of_power_laws():
    from scratchnet.toolkit.gradient_cost import loglog_slope
    P = np.array([3985, 7960, 15910, 39760, 79510, 159010])
    assert loglog_slope(P, 2e-9 * P ** 2) == pytest.approx(2.0)
    assert loglog_slope(P, 5e-4 * np.ones(6)) == pytest.approx(0.0, abs=1e-12)
    # a fixed cost plus a part that grows like P: the fitted k lies between 0 and 1
    k = loglog_slope(P, 3e-4 + 5e-9 * P)
    assert 0 < k < 1
    # noise of +-30 % around P**1.5 moves k by little
    noisy = 1e-6 * P ** 1.5 * np.array([1.3, 0.7, 1.2, 0.8, 1.3, 0.7])
    assert abs(loglog_slope(P, noisy) - 1.5) < 0.15
    with pytest.raises(ValueError, match="loglog_slope"):
        loglog_slope([1.0], [2.0])


def test_plot_gradient_cost_labels_the_numerical_points():
    import matplotlib
    matplotlib.use("Agg")
    from scratchnet.toolkit.gradient_cost import plot_gradient_cost
    fig = plot_gradient_cost([3985, 39760], [1.1, 14.0], [3e-4, 4e-4], measured=[True, False],
                             labels=["784-5-10", "784-50-10"])
    assert [t.get_text() for t in fig.axes[0].texts] == ["784-5-10", "784-50-10"]
    with pytest.raises(ValueError, match="plot_gradient_cost"):
        plot_gradient_cost([10, 100], [0.01, 0.1], [1e-4, 1e-4], labels=["one"])


def test_truncation_error_is_a_third_way_a_correct_gradient_fails():
    """The central difference is off by about h**2 |f'''| / 6: for sum(w**3), h**2 = 1e-8 in every
    entry, which the rule measures against 2 * 0.0012 for w = 0.02. h / 10 cures it; a bug stays."""
    from scratchnet.gradient import check_rule
    w = np.array([0.02, 0.5, 1.0])
    cube = lambda v: np.sum(v ** 3)
    right, wrong = 3 * w ** 2, 2 * w ** 2
    threshold = check_rule(np.float64).threshold
    err = rel_error(right, numerical_gradient(cube, w))
    assert err == pytest.approx(1e-8 / (2 * 3 * 0.02 ** 2), rel=1e-3) and err > threshold  # 4.2e-6
    assert rel_error(right, numerical_gradient(cube, w, h=1e-5)) < threshold
    assert rel_error(wrong, numerical_gradient(cube, w)) > 0.1
    assert rel_error(wrong, numerical_gradient(cube, w, h=1e-5)) > 0.1
