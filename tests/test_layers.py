"""Relu, Sigmoid, Affine, SoftmaxWithLoss: gradient checks in float64, dout untouched, bad input."""

import ast
import inspect
import textwrap
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scratchnet import Affine, Relu, Sigmoid, SoftmaxWithLoss, numerical_gradient, rel_error

from .helpers import TOL, check_layer_input_grad

SHAPES = [(1, 1), (3, 4), (5, 2, 3), (2, 1, 4, 4)]


@pytest.mark.parametrize("shape", SHAPES)
def test_relu_gradient(shape):
    rng = np.random.default_rng(1)
    x = rng.standard_normal(shape)
    x[np.abs(x) < 1e-3] = 0.5  # keep away from the kink, where no derivative exists
    assert check_layer_input_grad(Relu(), x, rng) < TOL


@pytest.mark.parametrize("shape", SHAPES)
def test_sigmoid_gradient(shape):
    rng = np.random.default_rng(2)
    x = 3 * rng.standard_normal(shape)
    assert check_layer_input_grad(Sigmoid(), x, rng) < TOL


def test_sigmoid_examples_from_the_notes():
    s = Sigmoid()
    np.testing.assert_allclose(s.forward(np.array([0.991, 0.34, 0.56])), [0.7292854, 0.58419052, 0.63645254])
    np.testing.assert_allclose(s.backward(1.3), [0.25665667, 0.31578554, 0.30079492], rtol=1e-7)
    s.forward(np.array([[0.5, -1.0], [2.0, -0.5]]))
    np.testing.assert_allclose(s.backward(np.array([[0.1, 0.2], [0.3, 0.4]])),
                               [[0.02350037, 0.03932239], [0.03149808, 0.09400148]], rtol=1e-6)


def test_sigmoid_no_overflow_warning_at_1000():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = Sigmoid()
        y = s.forward(np.array([-1000.0, 1000.0]))
        dx = s.backward(np.ones(2))
    np.testing.assert_array_equal(y, [0.0, 1.0])
    np.testing.assert_array_equal(dx, [0.0, 0.0])


def test_relu_mask_and_example_from_the_notes():
    r = Relu()
    x = np.array([[1.0, -0.5], [-2.0, 3.0]])
    np.testing.assert_array_equal(r.forward(x), [[1.0, 0.0], [0.0, 3.0]])
    np.testing.assert_array_equal(r.mask, [[False, True], [True, False]])
    np.testing.assert_array_equal(x, [[1.0, -0.5], [-2.0, 3.0]])  # forward left x alone
    dout = np.array([[-0.1, 4.0], [1.3, -1.1]])
    np.testing.assert_array_equal(r.backward(dout), [[-0.1, 0.0], [0.0, -1.1]])


@pytest.mark.parametrize("make", [Relu, Sigmoid])
def test_backward_leaves_dout_untouched(make):
    rng = np.random.default_rng(3)
    layer = make()
    layer.forward(rng.standard_normal((4, 5)))
    dout = rng.standard_normal((4, 5))
    before = dout.copy()
    dx = layer.backward(dout)
    np.testing.assert_array_equal(dout, before)
    assert not np.shares_memory(dx, dout)


@pytest.mark.parametrize("make", [Relu, Sigmoid])
def test_activation_backward_before_forward(make):
    with pytest.raises(RuntimeError, match=f"{make.__name__}.backward was called before {make.__name__}.forward"):
        make().backward(np.ones((2, 2)))


def test_relu_backward_shape_mismatch():
    r = Relu()
    r.forward(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"Relu.backward: expected dout of shape \(2, 3\).*got shape \(3, 2\)"):
        r.backward(np.ones((3, 2)))


# --- Affine -----------------------------------------------------------------------------

@pytest.mark.parametrize("x_shape,m", [((1, 3), 2), ((4, 5), 3), ((2, 1, 4, 4), 5), ((3, 2, 3), 1)])
def test_affine_gradients(x_shape, m):
    rng = np.random.default_rng(4)
    x = rng.standard_normal(x_shape)
    d = int(np.prod(x_shape[1:]))
    W, b = rng.standard_normal((d, m)), rng.standard_normal(m)
    layer = Affine(W, b)
    out = layer.forward(x)
    assert out.shape == (x_shape[0], m)
    g = rng.standard_normal(out.shape)
    dx = layer.backward(g)
    assert dx.shape == x_shape  # a tensor input gets its gradient back in its own shape
    loss = lambda _: float(np.sum(layer.forward(x) * g))
    assert rel_error(dx, numerical_gradient(loss, x)) < TOL
    assert rel_error(layer.dW, numerical_gradient(loss, W)) < TOL
    assert rel_error(layer.db, numerical_gradient(loss, b)) < TOL


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 6), d=st.integers(1, 7), m=st.integers(1, 5), seed=st.integers(0, 2**16))
def test_affine_shapes_property(n, d, m, seed):
    rng = np.random.default_rng(seed)
    layer = Affine(rng.standard_normal((d, m)), rng.standard_normal(m))
    out = layer.forward(rng.standard_normal((n, d)))
    dx = layer.backward(np.ones((n, m)))
    assert (out.shape, dx.shape, layer.dW.shape, layer.db.shape) == ((n, m), (n, d), (d, m), (m,))
    np.testing.assert_allclose(layer.db, np.full(m, n))  # db sums dout over the batch


def test_affine_example_from_the_notes():
    x = np.arange(12.0).reshape(3, 4)
    W = np.ones((4, 3))
    layer = Affine(W, np.array([1.0, 2.0, 3.0]))
    np.testing.assert_array_equal(layer.forward(x), [[7, 8, 9], [23, 24, 25], [39, 40, 41]])
    layer.backward(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [0.0, 0.0, 0.0]]))
    np.testing.assert_array_equal(layer.db, [5.0, 7.0, 9.0])


def test_affine_keeps_references_so_in_place_updates_reach_it():
    W, b = np.ones((2, 2)), np.zeros(2)
    layer = Affine(W, b)
    assert layer.W is W and layer.b is b
    W -= 1.0  # in place: the layer sees it
    np.testing.assert_array_equal(layer.forward(np.ones((1, 2))), [[0.0, 0.0]])
    W = W + 5.0  # rebinding makes a new array: the layer keeps the old one
    assert layer.W is not W
    np.testing.assert_array_equal(layer.forward(np.ones((1, 2))), [[0.0, 0.0]])


def test_input_affine_returns_none_but_computes_dW_like_affine():
    from scratchnet.two_layer_net import InputAffine
    rng = np.random.default_rng(3)
    W, b, x, dout = (rng.standard_normal(s) for s in [(3, 2), (2,), (4, 3), (4, 2)])
    first, plain = InputAffine(W, b), Affine(W, b)
    np.testing.assert_array_equal(first.forward(x), plain.forward(x))
    assert first.backward(dout) is None
    plain.backward(dout)
    np.testing.assert_array_equal(first.dW, plain.dW)
    np.testing.assert_array_equal(first.db, plain.db)
    with pytest.raises(RuntimeError, match="InputAffine.backward was called before InputAffine.forward"):
        InputAffine(W, b).backward(dout)


def test_a_learners_subclass_is_checked_under_its_own_name():
    class BuggyRelu(Relu):
        pass
    with pytest.raises(RuntimeError, match="BuggyRelu.backward was called before BuggyRelu.forward"):
        BuggyRelu().backward(np.ones(3))


# The book's methods, def line included, in code lines (no blank lines, comments, docstrings).
BOOK_LENGTH = {"MulLayer.forward": 5, "MulLayer.backward": 4, "AddLayer.forward": 3,
               "AddLayer.backward": 4, "Relu.forward": 5, "Relu.backward": 4,
               "Sigmoid.forward": 4, "Sigmoid.backward": 3, "Affine.forward": 6,
               "Affine.backward": 6, "SoftmaxWithLoss.forward": 5, "SoftmaxWithLoss.backward": 9,
               "TwoLayerNet.gradient": 12}


@pytest.mark.parametrize("name", sorted(BOOK_LENGTH))
def test_printed_methods_are_the_books_length(name):
    """The notebooks print these beside the book's: at most 2 code lines more than the book's."""
    import scratchnet
    cls, method = name.split(".")
    n = code_lines(getattr(getattr(scratchnet, cls), method))
    assert n <= BOOK_LENGTH[name] + 2, f"{name}: {n} code lines, the book's {BOOK_LENGTH[name]}"


def test_code_lines_counts_code_only():
    def f(x):
        """A docstring
        of two lines."""
        # a comment

        y = x + 1  # trailing comment
        return y
    assert code_lines(f) == 3


def code_lines(function) -> int:
    """Lines of code of a function: no blank lines, comments or docstring."""
    source = textwrap.dedent(inspect.getsource(function))
    tree = ast.parse(source).body[0]
    doc = set()
    if (tree.body and isinstance(tree.body[0], ast.Expr)
            and isinstance(getattr(tree.body[0], "value", None), ast.Constant)):
        doc = set(range(tree.body[0].lineno, tree.body[0].end_lineno + 1))
    lines = source.splitlines()
    return sum(1 for i, line in enumerate(lines, 1)
               if line.strip() and not line.strip().startswith("#") and i not in doc)


def test_affine_bad_input():
    layer = Affine(np.zeros((784, 50)), np.zeros(50))
    with pytest.raises(ValueError, match=r"Affine: expected x with 784 features per sample.*got shape \(100, 783\)"):
        layer.forward(np.zeros((100, 783)))
    with pytest.raises(ValueError, match=r"Affine: expected x with 784 features.*got shape \(784,\)"):
        layer.forward(np.zeros(784))  # one sample needs a batch axis: (1, 784)
    with pytest.raises(TypeError, match="Affine: expected x as an array of numbers, got dtype <U1"):
        layer.forward(np.array([["a"] * 784]))
    with pytest.raises(RuntimeError, match="Affine.backward was called before Affine.forward"):
        layer.backward(np.zeros((1, 50)))
    with pytest.raises(ValueError, match=r"Affine: expected W of shape \(D, M\) and b of shape \(M,\), got W \(3, 2\) and b \(3,\)"):
        Affine(np.zeros((3, 2)), np.zeros(3))
    layer.forward(np.zeros((2, 784)))
    with pytest.raises(ValueError, match=r"Affine.backward: expected dout of shape \(2, 50\) \(the shape of forward's output\), got shape \(2, 10\)"):
        layer.backward(np.zeros((2, 10)))


# --- SoftmaxWithLoss -------------------------------------------------------------------------

@pytest.mark.parametrize("n,c", [(1, 2), (4, 3), (7, 10)])
@pytest.mark.parametrize("one_hot", [False, True])
def test_softmax_with_loss_gradient(n, c, one_hot):
    rng = np.random.default_rng(5)
    x = 2 * rng.standard_normal((n, c))
    t = rng.integers(0, c, n)
    if one_hot:
        t = np.eye(c)[t]
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    dout = 0.7  # the upstream gradient is honoured, not assumed to be 1
    dx = layer.backward(dout)
    num = numerical_gradient(lambda _: dout * layer.forward(x, t), x)
    assert rel_error(dx, num) < TOL


def test_softmax_with_loss_matches_y_minus_t_over_n():
    x = np.array([[2.0, 0.5, -1.0], [1.0, 3.0, -0.5]])
    t = np.array([[1, 0, 0], [0, 1, 0]])
    layer = SoftmaxWithLoss()
    loss = layer.forward(x, t)
    # The book adds 1e-7 inside the log and gets 0.19724462996723546; without it:
    assert loss == pytest.approx(0.1972447518897, abs=1e-12)
    np.testing.assert_allclose(layer.backward(), (layer.y - t) / 2)
    np.testing.assert_allclose(layer.backward(2.0), (layer.y - t))
    assert layer.forward(x, np.array([0, 1])) == pytest.approx(loss)


def test_softmax_with_loss_stable_for_huge_logits():
    layer = SoftmaxWithLoss()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert layer.forward(np.array([[1000.0, 0.0, -1000.0]]), np.array([0])) == 0.0
        assert layer.forward(np.array([[1000.0, 0.0, -1000.0]]), np.array([2])) == pytest.approx(2000.0)
        dx = layer.backward()
    np.testing.assert_allclose(dx, [[1.0, 0.0, -1.0]])


def test_softmax_with_loss_keeps_float32():
    layer = SoftmaxWithLoss()
    x = np.ones((3, 4), dtype=np.float32)
    layer.forward(x, np.eye(4)[[0, 1, 2]])  # float64 one-hot labels
    assert layer.backward().dtype == np.float32


def test_softmax_with_loss_bad_labels():
    layer = SoftmaxWithLoss()
    x = np.zeros((4, 10))
    with pytest.raises(ValueError, match="SoftmaxWithLoss: got 3 labels for 4 samples"):
        layer.forward(x, np.array([1, 2, 3]))
    with pytest.raises(ValueError, match=r"SoftmaxWithLoss: class indices must lie in 0\.\.9, got values from -1 to 3"):
        layer.forward(x, np.array([-1, 2, 3, 0]))
    with pytest.raises(ValueError, match=r"SoftmaxWithLoss: one-hot labels must have shape \(4, 10\).*got shape \(4, 9\)"):
        layer.forward(x, np.zeros((4, 9)))
    with pytest.raises(TypeError, match="SoftmaxWithLoss: class indices must be integers, got dtype float64"):
        layer.forward(x, np.array([1.0, 2.0, 3.0, 4.0]))
    with pytest.raises(RuntimeError, match="SoftmaxWithLoss.backward was called before SoftmaxWithLoss.forward"):
        SoftmaxWithLoss().backward()


def test_softmax_with_loss_refuses_non_finite_scores():
    layer = SoftmaxWithLoss()
    x = np.zeros((2, 3))
    x[0, 1], x[1, 2] = np.nan, np.inf
    with pytest.raises(ValueError, match=r"SoftmaxWithLoss: expected finite scores x, got 2 of 6 "
                                         r"values that are nan or inf \(1 nan\)"):
        layer.forward(x, np.array([0, 1]))
