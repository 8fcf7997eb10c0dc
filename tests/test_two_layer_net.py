"""TwoLayerNet: structure, gradient check, determinism, dtypes, in-place update semantics."""

from collections import OrderedDict

import numpy as np
import pytest

from scratchnet import Affine, Relu, SoftmaxWithLoss, TwoLayerNet, gradient_check, sgd_step
from scratchnet.two_layer_net import InputAffine


def test_structure_follows_the_book():
    net = TwoLayerNet(784, 50, 10, rng=0)
    assert list(net.params) == ["W1", "b1", "W2", "b2"]
    assert [p.shape for p in net.params.values()] == [(784, 50), (50,), (50, 10), (10,)]
    assert isinstance(net.layers, OrderedDict)
    assert list(net.layers) == ["Affine1", "Relu1", "Affine2"]
    # the first Affine skips dx, the gradient of the images, which nobody uses
    assert [type(l) for l in net.layers.values()] == [InputAffine, Relu, Affine]
    assert isinstance(net.layers["Affine1"], Affine)
    assert isinstance(net.lastLayer, SoftmaxWithLoss)
    assert net.layers["Affine1"].W is net.params["W1"]  # the same arrays, not copies
    assert 0.008 < net.params["W1"].std() < 0.012  # weight_init_std = 0.01


@pytest.mark.parametrize("sizes,n,one_hot", [((5, 4, 3), 2, False), ((12, 7, 4), 5, True),
                                             ((30, 10, 10), 3, False), ((1, 2, 2), 1, True)])
def test_gradient_check_float64(sizes, n, one_hot):
    rng = np.random.default_rng(sum(sizes))
    net = TwoLayerNet(*sizes, weight_init_std=1.0, rng=rng, dtype=np.float64)
    x = rng.standard_normal((n, sizes[0]))
    t = rng.integers(0, sizes[2], n)
    if one_hot:
        t = np.eye(sizes[2])[t]
    report = gradient_check(net, x, t)
    assert report.tolerance == 1e-7
    assert report.passed, str(report)
    assert max(r.rel_error for r in report.rows) < 1e-7


def test_gradient_check_catches_a_broken_layer():
    rng = np.random.default_rng(0)
    net = TwoLayerNet(6, 5, 3, weight_init_std=1.0, rng=rng, dtype=np.float64)
    x, t = rng.standard_normal((4, 6)), rng.integers(0, 3, 4)
    affine2 = net.layers["Affine2"]
    original = affine2.backward

    def wrong_db(dout):  # a classic slip: db summed over the wrong axis
        dx = original(dout)
        affine2.db = dout.sum(axis=1)[: affine2.db.size]
        return dx

    affine2.backward = wrong_db
    report = gradient_check(net, x, t)
    assert not report.passed
    assert report.worst.name == "b2"


def test_same_seed_same_network_any_dtype():
    a, b = TwoLayerNet(20, 8, 3, rng=7), TwoLayerNet(20, 8, 3, rng=7)
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])
    c = TwoLayerNet(20, 8, 3, rng=8)
    assert not np.array_equal(a.params["W1"], c.params["W1"])
    d = TwoLayerNet(20, 8, 3, rng=7, dtype=np.float64)
    np.testing.assert_allclose(d.params["W1"], a.params["W1"], rtol=1e-6)


def test_float64_by_default_as_the_book():
    net = TwoLayerNet(10, 6, 3, rng=0)
    assert {p.dtype for p in net.params.values()} == {np.dtype(np.float64)}
    x32 = np.ones((2, 10), dtype=np.float32)  # load_mnist's float32 images, as in the book
    assert net.predict(x32).dtype == np.float64


def test_dtype_is_kept_through_forward_and_backward():
    rng = np.random.default_rng(0)
    net = TwoLayerNet(10, 6, 3, rng=rng, dtype=np.float32)  # the training command's choice
    x = rng.standard_normal((4, 10))  # float64 input is converted once, at the door
    assert net.predict(x).dtype == np.float32
    grads = net.gradient(x, np.array([0, 1, 2, 0]))
    assert {g.dtype for g in grads.values()} == {np.dtype(np.float32)}
    with pytest.raises(TypeError, match="TwoLayerNet: dtype must be a float type, got int64"):
        TwoLayerNet(2, 2, 2, dtype=np.int64)


def test_in_place_update_reaches_the_layers_and_rebinding_is_detected():
    rng = np.random.default_rng(1)
    net = TwoLayerNet(8, 5, 3, rng=rng)
    x, t = rng.standard_normal((6, 8)), rng.integers(0, 3, 6)
    loss_before = net.loss(x, t)
    sgd_step(net.params, net.gradient(x, t), lr=0.5)
    assert net.detached_params() == []
    assert net.loss(x, t) < loss_before  # the layers saw the update

    grads = net.gradient(x, t)
    loss_before = net.loss(x, t)
    for key in ("W1", "b1"):
        net.params[key] = net.params[key] - 0.5 * grads[key]  # rebinding: the book's pitfall
    assert net.detached_params() == ["W1", "b1"]
    assert net.layers["Affine1"].W is not net.params["W1"]
    assert net.loss(x, t) == loss_before  # the layers never saw it


def test_accuracy_counts_and_checks():
    net = TwoLayerNet(4, 3, 2, rng=0)
    x = np.zeros((5, 4))
    pred = net.predict(x).argmax(axis=1)
    assert net.accuracy(x, pred) == 1.0
    assert net.accuracy(x, 1 - pred) == 0.0
    assert net.accuracy(x, np.eye(2)[pred], chunk=2) == 1.0  # one-hot, in chunks
    with pytest.raises(ValueError, match="TwoLayerNet.accuracy: got 5 samples but 4 labels"):
        net.accuracy(x, pred[:4])
    x[0, 0] = np.nan
    with pytest.raises(ValueError, match="TwoLayerNet.accuracy: the scores contain nan or inf"):
        net.accuracy(x, pred)
