"""sigmoid, softmax and cross_entropy_error: values, stability and bad input."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from scratchnet import cross_entropy_error, sigmoid, softmax


def test_sigmoid_values_and_no_overflow_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow RuntimeWarning would fail the test
        y = sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    np.testing.assert_allclose(y, [0.0, 0.5, 1.0])
    np.testing.assert_allclose(sigmoid(np.array([0.991, 0.34, 0.56])), [0.7292854, 0.58419052, 0.63645254])


@pytest.mark.parametrize("x", [np.array([0.3, 2.9, 4.0]), np.array([[0.3, 2.9, 4.0], [1000.0, 0.0, -1000.0]])])
def test_softmax_rows_sum_to_one_without_overflow(x):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = softmax(x)
    assert y.shape == x.shape
    np.testing.assert_allclose(y.sum(axis=-1), 1.0)
    assert np.isfinite(y).all()


@settings(max_examples=40, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=8),
                  elements=st.floats(-1e3, 1e3)))
def test_softmax_is_shift_invariant_and_normalised(x):
    y = softmax(x)
    np.testing.assert_allclose(y.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(softmax(x + 7.5), y, atol=1e-12)


def test_cross_entropy_one_hot_and_indices_agree():
    y = np.array([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]])
    one_hot = np.zeros((1, 10))
    one_hot[0, 2] = 1
    expected = -np.log(0.6 + 1e-7)  # the book's form keeps its delta = 1e-7
    assert cross_entropy_error(y, one_hot) == pytest.approx(expected)
    assert cross_entropy_error(y, np.array([2])) == pytest.approx(expected)
    assert cross_entropy_error(y[0], one_hot[0]) == pytest.approx(expected)  # 1-D
    assert cross_entropy_error(y[0], 2) == pytest.approx(expected)


def test_cross_entropy_bad_labels():
    y = softmax(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"cross_entropy_error: got 5 labels for 4 samples"):
        cross_entropy_error(y, np.zeros(5, dtype=int))
    with pytest.raises(ValueError, match=r"class indices must lie in 0\.\.2, got values from 0 to 3"):
        cross_entropy_error(y, np.array([0, 1, 2, 3]))
    with pytest.raises(ValueError, match=r"one-hot labels must have shape \(4, 3\).*got shape \(4, 10\)"):
        cross_entropy_error(y, np.zeros((4, 10)))
    with pytest.raises(TypeError, match="class indices must be integers, got dtype float64"):
        cross_entropy_error(y, np.array([0.0, 1.0, 2.0, 1.0]))
    with pytest.raises(TypeError, match="cross_entropy_error: expected y as an array of numbers"):
        cross_entropy_error(np.array([["a", "b"]]), np.array([0]))


@pytest.mark.parametrize("one_hot", [False, True])
def test_cross_entropy_from_log_is_the_books_loss_without_its_delta(one_hot):
    from scratchnet.functions import cross_entropy_error_from_log, log_softmax
    rng = np.random.default_rng(2)
    x = rng.standard_normal((6, 4))
    t = rng.integers(0, 4, 6)
    y = softmax(x)
    want = -np.log(y[np.arange(6), t]).mean()
    loss = cross_entropy_error_from_log(log_softmax(x), np.eye(4)[t] if one_hot else t)
    assert loss == pytest.approx(want, rel=1e-12)
    np.testing.assert_allclose(np.exp(log_softmax(x)), y, rtol=1e-12)
    # where softmax rounds to 0 the book's log(y + 1e-7) caps the loss at 16.1; this one is exact
    assert cross_entropy_error_from_log(log_softmax(np.array([[0.0, 800.0]])), np.array([0])) == 800.0
