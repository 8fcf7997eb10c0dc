"""A small autograd: chapter 5's layers, wired by the program instead of by hand (notebook 08).

Each operation is a Function with the book's forward and backward. Called on Variables, it
records itself as their creator, so a computation builds its own computational graph as it
runs. `loss.backward()` then walks that graph in reverse topological order (every node after
all the nodes that use its output) and adds up the gradients of a Variable used twice.

    W, b = Variable(W0), Variable(b0)
    loss = softmax_with_loss(relu(x @ W + b), t)
    loss.backward()            # W.grad, b.grad: the same numbers as the hand-wired layers
"""

from __future__ import annotations

import numpy as np

from .functions import cross_entropy_error_from_log, log_softmax, sigmoid as _sigmoid


class Variable:
    """An array in a graph: .data, .grad (set by backward), .creator (the Function that made it,
    None for an input). requires_grad=False: a constant, e.g. the images, gets no gradient."""

    __array_ufunc__ = None  # x_numpy @ W_variable: numpy steps aside for W.__rmatmul__

    def __init__(self, data, requires_grad: bool = True, creator=None):
        data = np.asarray(data)
        self.data = data if data.dtype.kind == "f" else data.astype(float)
        self.grad = None
        self.requires_grad = requires_grad
        self.creator = creator

    @property
    def shape(self) -> tuple:
        return self.data.shape

    def __repr__(self) -> str:
        return f"Variable({self.data!r})"

    def backward(self, grad=None) -> None:
        """Fill .grad of every Variable this one depends on: dself/dthat."""
        if grad is None:
            if self.data.size != 1:
                raise ValueError(f"backward() without a gradient needs a scalar (a loss), got a "
                                 f"Variable of shape {self.shape}: pass backward(grad) of that shape")
            grad = np.ones_like(self.data)
        self.grad = np.asarray(grad)
        for f in reversed(topological_order(self)):
            grads = f.backward(f.output.grad)
            for x, g in zip(f.inputs, grads):
                if x.requires_grad and g is not None:
                    x.grad = g if x.grad is None else x.grad + g  # used twice: the gradients add

    def __add__(self, other): return Add()(self, other)
    def __radd__(self, other): return Add()(other, self)
    def __mul__(self, other): return Mul()(self, other)
    def __rmul__(self, other): return Mul()(other, self)
    def __neg__(self): return Mul()(self, -1.0)
    def __sub__(self, other): return Add()(self, -as_variable(other))
    def __rsub__(self, other): return Add()(other, -self)
    def __matmul__(self, other): return MatMul()(self, other)
    def __rmatmul__(self, other): return MatMul()(other, self)


def as_variable(x) -> Variable:
    """x itself if it is a Variable; else a constant Variable (no gradient wanted)."""
    return x if isinstance(x, Variable) else Variable(x, requires_grad=False)


def topological_order(output: Variable) -> list:
    """The Functions that made `output`, each after the Functions that made its inputs."""
    order, seen, stack = [], set(), [(output.creator, False)]
    while stack:
        f, inputs_done = stack.pop()
        if f is None or (id(f) in seen and not inputs_done):
            continue
        if inputs_done:
            order.append(f)
            continue
        seen.add(id(f))
        stack.append((f, True))
        stack.extend((x.creator, False) for x in f.inputs)
    return order


class Function:
    """One node of the graph: forward(*arrays) -> array, backward(dout) -> one gradient per input."""

    def __call__(self, *inputs) -> Variable:
        self.inputs = [as_variable(x) for x in inputs]
        self.needs_grad = [x.requires_grad for x in self.inputs]
        out = self.forward(*(x.data for x in self.inputs))
        self.output = Variable(out, requires_grad=any(self.needs_grad), creator=self)
        return self.output


def unbroadcast(grad, shape) -> np.ndarray:
    """Sum grad down to `shape`: a value broadcast to many entries gets all their gradients."""
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=axes, keepdims=True) if axes else grad


class Add(Function):
    def forward(self, x, y):
        try:
            np.broadcast_shapes(x.shape, y.shape)
        except ValueError:
            raise ValueError(f"Add: shapes {x.shape} and {y.shape} do not broadcast") from None
        self.x_shape, self.y_shape = x.shape, y.shape
        return x + y

    def backward(self, dout):
        return unbroadcast(dout, self.x_shape), unbroadcast(dout, self.y_shape)


class Mul(Function):
    def forward(self, x, y):
        self.x, self.y = x, y
        return x * y

    def backward(self, dout):
        return unbroadcast(dout * self.y, np.shape(self.x)), unbroadcast(dout * self.x, np.shape(self.y))


class MatMul(Function):
    def forward(self, x, W):
        if x.ndim != 2 or W.ndim != 2 or x.shape[1] != W.shape[0]:
            raise ValueError(f"MatMul: x @ W needs x (N, D) and W (D, M), got {x.shape} and {W.shape}")
        self.x, self.W = x, W
        return x @ W  # (N, M)

    def backward(self, dout):
        dx = dout @ self.W.T if self.needs_grad[0] else None  # the images need none
        return dx, self.x.T @ dout


class Relu(Function):
    def forward(self, x):
        self.mask = (x <= 0)
        return np.maximum(x, 0)

    def backward(self, dout):
        return (np.where(self.mask, 0, dout),)


class Sigmoid(Function):
    def forward(self, x):
        self.out = _sigmoid(x)
        return self.out

    def backward(self, dout):
        return (dout * (1.0 - self.out) * self.out,)


class Sum(Function):
    def forward(self, x):
        self.x_shape = x.shape
        return np.sum(x)

    def backward(self, dout):
        return (np.broadcast_to(dout, self.x_shape).copy(),)


class SoftmaxWithLoss(Function):
    """The book's fused layer: forward(x) -> mean loss against the labels t given at creation."""

    def __init__(self, t):
        self.t = np.asarray(t)

    def forward(self, x):
        if self.t.ndim == 2:  # one-hot rows, in the scores' dtype
            self.t = self.t.astype(x.dtype, copy=False)
        log_y = log_softmax(x)
        self.y = np.exp(log_y)
        return np.asarray(cross_entropy_error_from_log(log_y, self.t))

    def backward(self, dout):
        n = self.y.shape[0]
        if self.t.ndim == 2:
            dx = (self.y - self.t) / n
        else:
            dx = self.y.copy()
            dx[np.arange(n), self.t] -= 1
            dx = dx / n
        return (dout * dx,)


def relu(x): return Relu()(x)
def sigmoid(x): return Sigmoid()(x)
def sum(x): return Sum()(x)  # noqa: A001  (the graph's sum, as np.sum)
def softmax_with_loss(x, t): return SoftmaxWithLoss(t)(x)
