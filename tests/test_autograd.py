"""scratchnet.autograd: the graph built by the program gives chapter 5's gradients exactly."""

import numpy as np
import pytest

from scratchnet import TwoLayerNet, numerical_gradient, rel_error
from scratchnet.autograd import (Variable, relu, sigmoid, softmax_with_loss, sum,  # noqa: A004
                                 topological_order)

from .helpers import TOL


def autograd_loss(params: dict, x, t):
    """TwoLayerNet's loss as one expression on Variables: no hand-written gradient."""
    W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
    return softmax_with_loss(relu(x @ W1 + b1) @ W2 + b2, t)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("one_hot", [False, True])
def test_a_two_layer_net_as_an_expression_equals_two_layer_net_gradient(seed, one_hot):
    rng = np.random.default_rng(seed)
    d, h, c, n = (int(v) for v in rng.integers([2, 2, 2, 1], [40, 20, 12, 9]))
    net = TwoLayerNet(d, h, c, weight_init_std=1.0, rng=rng)
    x, t = rng.standard_normal((n, d)), rng.integers(0, c, n)
    if one_hot:
        t = np.eye(c)[t]
    hand = net.gradient(x, t)
    params = {k: Variable(v.copy()) for k, v in net.params.items()}
    loss = autograd_loss(params, x, t)
    loss.backward()
    assert float(loss.data) == pytest.approx(net.lastLayer.loss, rel=1e-12)
    for k in hand:
        assert params[k].grad.shape == hand[k].shape
        assert rel_error(params[k].grad, hand[k]) < 1e-12, k


def numerical_check(f, arrays):
    """Every Variable's .grad from backward against central differences of f."""
    variables = [Variable(a.copy()) for a in arrays]
    f(*variables).backward()
    for v, a in zip(variables, arrays):
        num = numerical_gradient(lambda _: float(f(*[Variable(b) for b in arrays]).data), a)
        assert rel_error(v.grad, num) < TOL


def test_random_graphs_with_branches_shared_inputs_and_broadcasting():
    rng = np.random.default_rng(7)
    for _ in range(5):
        x, W, b = rng.standard_normal((4, 3)), rng.standard_normal((3, 5)), rng.standard_normal(5)
        s = rng.standard_normal((1, 5))
        numerical_check(lambda x, W, b, s: sum(sigmoid(x @ W + b) * s + (x @ W) * (x @ W)),
                        [x, W, b, s])                        # x and W each used twice
        numerical_check(lambda x, b: sum(relu(x + x * b - b)), [x, rng.standard_normal(3)])


def test_a_value_used_twice_gets_the_sum_of_its_gradients():
    a = Variable(3.0)
    (a + a).backward()
    assert a.grad == 2.0                                     # notebook 01's b = a + a
    x = Variable(np.array([[1.0, -0.5], [-2.0, 3.0]]))
    y = relu(x) + x                                          # notebook 03's trap, now right
    y.backward(np.array([[1.0, 2.0], [3.0, 4.0]]))
    np.testing.assert_array_equal(x.grad, [[2.0, 2.0], [3.0, 8.0]])


def test_topological_order_puts_every_node_after_the_nodes_that_use_its_output():
    x = Variable(2.0)
    a = x * 3.0
    d = relu(a) + sigmoid(a)                                 # a diamond
    order = topological_order(d)
    assert len(order) == 4 and order[0] is a.creator and order[-1] is d.creator


def test_the_images_get_no_gradient():
    x = np.ones((2, 3))
    W = Variable(np.ones((3, 4)))
    sum(x @ W).backward()
    np.testing.assert_array_equal(W.grad, np.full((3, 4), 2.0))


def test_bad_input_gets_a_clear_error():
    with pytest.raises(ValueError, match=r"backward\(\) without a gradient needs a scalar"):
        (Variable(np.ones(3)) * 2.0).backward()
    with pytest.raises(ValueError, match=r"Add: shapes \(2, 3\) and \(4,\) do not broadcast"):
        Variable(np.ones((2, 3))) + Variable(np.ones(4))
    with pytest.raises(ValueError, match=r"MatMul: x @ W needs x \(N, D\) and W \(D, M\)"):
        Variable(np.ones((2, 3))) @ Variable(np.ones((4, 5)))


def test_same_as_torch_autograd_when_torch_is_installed():
    torch = pytest.importorskip("torch", reason="torch is not a dependency; install it to compare")
    rng = np.random.default_rng(11)
    for _ in range(3):
        arrays = [rng.standard_normal(s) for s in [(5, 4), (4, 3), (3,), (5, 3)]]
        mine = [Variable(a.copy()) for a in arrays]
        x, W, b, s = mine
        sum(sigmoid(relu(x @ W + b) * s + x @ W)).backward()
        theirs = [torch.tensor(a, requires_grad=True) for a in arrays]
        x, W, b, s = theirs
        torch.sigmoid(torch.relu(x @ W + b) * s + x @ W).sum().backward()
        for m, t in zip(mine, theirs):
            assert rel_error(m.grad, t.grad.numpy()) < 1e-12
