"""The two simplest nodes of a computational graph: multiply and add.

They work on plain numbers and on numpy arrays alike (section 5.4 of the book).
"""

from __future__ import annotations

from ._checks import require_forward


class MulLayer:
    """out = x * y.  Backward swaps the inputs: dx = dout * y, dy = dout * x."""

    def __init__(self):
        self.x = None  # kept by forward: backward needs both inputs
        self.y = None

    def forward(self, x, y):
        self.x, self.y = x, y
        return x * y

    def backward(self, dout):
        require_forward(self.x, "MulLayer")
        dx = dout * self.y  # d(xy)/dx = y
        dy = dout * self.x  # d(xy)/dy = x
        return dx, dy


class AddLayer:
    """out = x + y.  Backward passes dout through unchanged to both inputs."""

    def __init__(self):
        self._ran_forward = False  # an add node needs nothing from forward, but we check order

    def forward(self, x, y):
        self._ran_forward = True
        return x + y

    def backward(self, dout):
        require_forward(self._ran_forward or None, "AddLayer")
        dx = dout * 1  # d(x+y)/dx = 1
        dy = dout * 1  # d(x+y)/dy = 1
        return dx, dy
