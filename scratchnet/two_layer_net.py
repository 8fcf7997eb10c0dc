"""A two-layer network, Affine -> Relu -> Affine -> SoftmaxWithLoss, trained by backprop."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

from ._checks import check_dout
from .gradient import numerical_gradient
from .language import message
from .layers import Affine, Relu, SoftmaxWithLoss


class InputAffine(Affine):
    """The network's first Affine. Its input is the data, and nobody uses the gradient of the
    data, so backward computes dW and db only and returns None: it skips dx = dout @ W.T,
    a third of this layer's arithmetic (dx would be (N, 784) for MNIST)."""

    def backward(self, dout):
        check_dout(self, dout)
        self.dW = self.x.T @ dout  # (D, N) @ (N, M) -> (D, M)
        self.db = dout.sum(axis=0)  # (M,)
        return None


class TwoLayerNet:
    """input_size -> hidden_size (ReLU) -> output_size.

    params: W1 (input, hidden), b1 (hidden,), W2 (hidden, output), b2 (output,).
    The layers hold the same arrays as params: update them in place (`-=`), never rebind.
    rng: a seed or numpy Generator; the same seed gives the same network.
    dtype: float64 by default, as the book's network (NumPy's default), so that gradient
    checks agree to the book's ~1e-10; pass dtype=np.float32 to train about twice as fast
    (python -m scratchnet.train and notebook 06 do).
    """

    def __init__(self, input_size: int, hidden_size: int, output_size: int,
                 weight_init_std: float = 0.01, rng=None, dtype=np.float64):
        rng = np.random.default_rng(rng)
        self.dtype = np.dtype(dtype)
        if self.dtype.kind != "f":
            raise TypeError(message("TwoLayerNet: dtype must be a float type, got {dtype}",
                                    dtype=self.dtype))

        def init(*shape):  # drawn in float64 then rounded: same seed, same net in any dtype
            return (weight_init_std * rng.standard_normal(shape)).astype(self.dtype)

        self.params = {
            "W1": init(input_size, hidden_size),
            "b1": np.zeros(hidden_size, dtype=self.dtype),
            "W2": init(hidden_size, output_size),
            "b2": np.zeros(output_size, dtype=self.dtype),
        }
        # The order is the order of the forward pass; backward walks it in reverse.
        self.layers = OrderedDict()
        self.layers["Affine1"] = InputAffine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        """Scores (logits) for x: (N, input_size) -> (N, output_size). No softmax needed."""
        x = np.asarray(x, dtype=self.dtype)  # one dtype through the whole network
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        """Mean cross-entropy loss for inputs x and labels t (one-hot or class indices)."""
        return self.lastLayer.forward(self.predict(x), t)

    def accuracy(self, x, t, chunk: int = 2_000) -> float:
        """Fraction of x classified as t, computed `chunk` samples at a time (flat memory)."""
        t = np.asarray(t)
        if t.ndim != 1:
            t = t.argmax(axis=1)  # one-hot -> class indices
        if len(x) != len(t):
            raise ValueError(message("TwoLayerNet.accuracy: got {x} samples but {t} labels",
                                     x=len(x), t=len(t)))
        correct = 0
        for i in range(0, len(x), chunk):
            scores = self.predict(x[i:i + chunk])
            if not np.isfinite(scores).all():
                raise ValueError(message(
                    "TwoLayerNet.accuracy: the scores contain nan or inf; check the input for "
                    "nan/inf and the weights for divergence (try a smaller learning rate)"))
            correct += int((scores.argmax(axis=1) == t[i:i + chunk]).sum())
        return correct / len(x)

    def numerical_gradient(self, x, t) -> dict:
        """Gradients by central differences: slow (two forward passes per parameter)."""
        loss_W = lambda W: self.loss(x, t)  # W is perturbed in place, so the loss sees it
        return {key: numerical_gradient(loss_W, param) for key, param in self.params.items()}

    def gradient(self, x, t) -> dict:
        """Gradients by backprop: one forward and one backward pass. Keyed like params.

        The loss of this forward pass stays in self.lastLayer.loss.
        """
        self.loss(x, t)  # forward: every layer keeps what its backward needs
        dout = self.lastLayer.backward(1)  # dL/dL = 1
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        a1, a2 = self.layers["Affine1"], self.layers["Affine2"]
        return {"W1": a1.dW, "b1": a1.db, "W2": a2.dW, "b2": a2.db}

    def detached_params(self) -> list:
        """Names of params that are no longer the arrays the layers use (rebound, not updated)."""
        a1, a2 = self.layers["Affine1"], self.layers["Affine2"]
        used = {"W1": a1.W, "b1": a1.b, "W2": a2.W, "b2": a2.b}
        return [k for k, arr in used.items() if self.params[k] is not arr]
