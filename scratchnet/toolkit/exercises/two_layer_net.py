"""Checks for the exercises of notebook 05 (TwoLayerNet and its gradient check, book 5.7).

backward_pass               TwoLayerNet's gradient(self, x, t) (5.7.2): the backward pass over
                            self.lastLayer and the OrderedDict self.layers, returning the grads
gradcheck_loss_evaluations  predict how many numbers 784-50-10 holds, and how many losses its
                            numerical gradient computes (5.7.3)
gradcheck_relu_kink         predict which parameters fail a check at ReLU's kink, and by how much

The backward_pass check runs the learner's function on small random networks of sizes the
notebook never uses, watches every layer's backward (which ran, in which order, with which
dout), compares the gradients with numerical ones (the series' rule, notebook 05) and looks at
the parameters and inputs afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ...two_layer_net import TwoLayerNet
from ...language import Text
from . import Unfilled, Wrong, exercise
from ._assert import numerically, show, unchanged

# ---------------------------------------------------------------- backward_pass

PARAMS = ("W1", "b1", "W2", "b2")
LAST = "lastLayer"
# (input, hidden, output, batch): small nets, none of them the notebook's; hidden == output in
# the second, where Affine1 would take lastLayer's dout without a shape error
SIZES = [(5, 3, 4, 2), (4, 6, 6, 3), (7, 2, 3, 5)]


def _net(sizes, rng):
    """A float64 TwoLayerNet and a batch (x, t) whose hidden inputs all lie at least 1e-2 from
    ReLU's kink, where a numerical gradient would be unreliable."""
    d, h, m, n = sizes
    while True:
        net = TwoLayerNet(d, h, m, weight_init_std=1.0, rng=rng)
        net.params["b1"][:] = rng.standard_normal(h)  # in place: Affine1 holds this array
        net.params["b2"][:] = rng.standard_normal(m)
        x = rng.standard_normal((n, d))
        labels = rng.integers(0, m, n)
        t = np.eye(m)[labels] if n % 2 else labels  # one-hot for odd batches, indices otherwise
        if np.abs(x @ net.params["W1"] + net.params["b1"]).min() > 1e-2:
            return net, x, t


class _Watch:
    """Replaces each layer's backward on one net by a spy that checks, as the learner's code
    runs, that the backward pass starts at lastLayer with dout = 1 and then visits the layers
    in reverse order, each once, each given what the previous backward returned."""

    def __init__(self, net):
        self.layers = [(LAST, net.lastLayer)] + list(reversed(net.layers.items()))
        self.order = [name for name, _ in self.layers]
        self.calls, self.returned = [], []
        for name, layer in self.layers:
            layer.backward = self._spy(name, layer.backward)

    def _spy(self, name, real):
        def backward(dout=1):
            k = len(self.calls)
            if name in self.calls:
                raise Wrong(f"{name}.backward ran a second time: in one backward pass each layer's "
                            f"backward runs once, in the order {', '.join(self.order)}")
            if k == 0 and name != LAST:
                raise Wrong(f"The first backward call was {name}.backward: the backward pass "
                            f"starts at the loss, with dout = 1 at self.lastLayer")
            if k > 0 and name != self.order[k]:
                raise Wrong(f"After {self.calls[-1]}.backward came {name}.backward, expected "
                            f"{self.order[k]}.backward: the backward pass visits the layers in "
                            f"reverse order, {', '.join(self.order)}")
            if k == 0 and not (np.ndim(dout) == 0 and dout == 1):
                raise Wrong(f"{LAST}.backward was given dout = {show(dout)}: the backward pass "
                            "starts from dL/dL = 1")
            previous = self.returned[-1] if self.returned else None
            if k > 0 and not (dout is previous or (np.shape(dout) == np.shape(previous)
                                                   and np.array_equal(dout, previous))):
                shapes = (f" (shape {np.shape(dout)} instead of {np.shape(previous)})"
                          if np.shape(dout) != np.shape(previous) else "")
                raise Wrong(f"{name}.backward was given a dout that is not what "
                            f"{self.calls[-1]}.backward returned{shapes}: each backward's output "
                            "is the next one's dout")
            self.calls.append(name)
            out = real(dout)
            self.returned.append(out)
            return out
        return backward

    def complete(self) -> bool:
        return self.calls == self.order

    def missing(self) -> str:
        ran = ", ".join(f"{c}.backward" for c in self.calls) or "no backward"
        todo = [f"{c}.backward" for c in self.order[len(self.calls):]]
        return f"only {ran} ran; {', '.join(todo)} never ran"


def _loss_of(net, key, x, t):
    """The loss as a function of params[key] alone, for a numerical gradient."""
    param = net.params[key]

    def f(value):
        keep = param.copy()
        param[...] = value  # in place: the layer holds this very array
        try:
            return net.loss(x, t)
        finally:
            param[...] = keep
    return f


def _brief(value) -> str:
    """None or a number as such; anything else by its length."""
    if value is None or isinstance(value, (int, float, np.number)):
        return show(value)
    return f"of length {len(value)}" if hasattr(value, "__len__") else ""


def _no_gradient(*args, **kwargs):
    raise Wrong("your code called self.gradient, TwoLayerNet's own backward pass: write the "
                "backward pass yourself, with self.lastLayer and self.layers")


@exercise("backward_pass", parts=("backward", "grads"), hints=(
    Text("the backward pass runs from the loss to the input: the first backward is self.lastLayer's, "
    "with dout = 1; then the layers of self.layers from the last to the first (an OrderedDict "
    "keeps their forward order), each backward's result being the next one's dout", ko=""),
    Text("keep one variable dout: set it from self.lastLayer.backward(1), then loop over the layers "
    "of self.layers.values() in reversed order, replacing dout by what each backward returns; "
    "after the loop self.layers['Affine1'].dW and .db are the gradients of W1 and b1 "
    "(Affine2: W2, b2): return them in a dict keyed like self.params", ko="")))
def check_backward_pass(gradient, part) -> None:
    """gradient(self, x, t) -> {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}, self a TwoLayerNet."""
    rng = np.random.default_rng(57)
    runs = []
    with part("backward"):
        for sizes in SIZES:
            net, x, t = _net(sizes, rng)
            net.gradient = _no_gradient  # this instance only: the class keeps its own
            before = {key: p.copy() for key, p in net.params.items()}
            x_before, t_before = x.copy(), t.copy()
            watch = _Watch(net)
            try:
                grads, unfinished = gradient(net, x, t), None
            except NotImplementedError as e:
                if not watch.calls:
                    raise
                grads, unfinished = None, e
            if not watch.complete():
                stopped = " before your code raised NotImplementedError" if unfinished else ""
                net_name = "-".join(map(str, sizes[:3]))
                raise Wrong(f"On a {net_name} net: {watch.missing()}{stopped}. One backward pass "
                            f"calls every layer's backward: {', '.join(watch.order)}")
            for key in PARAMS:
                if not np.array_equal(net.params[key], before[key]):
                    raise Wrong(f"self.params['{key}'] was changed by your code: gradient only "
                                "computes the gradients and leaves the parameters as they were "
                                "(updating them is the training loop's job, notebook 06)")
            unchanged(x, x_before, "x")
            unchanged(t, t_before, "t")
            runs.append((sizes, net, x, t, grads, unfinished))
    with part("grads"):
        for sizes, net, x, t, grads, unfinished in runs:
            if unfinished is not None:
                raise unfinished
            where = f"on a {sizes[0]}-{sizes[1]}-{sizes[2]} net, batch of {sizes[3]}"
            if not isinstance(grads, Mapping):
                raise Wrong(f"gradient returned {type(grads).__name__} {_brief(grads)}: return a "
                            f"dict of the gradients, keyed like self.params ({', '.join(PARAMS)})")
            if set(grads) != set(PARAMS):
                raise Wrong(f"gradient returned a dict with keys {sorted(grads)}: expected the "
                            f"keys of self.params, {', '.join(PARAMS)}")
            for key in PARAMS:
                numerically(_loss_of(net, key, x, t), net.params[key], grads[key],
                            f"grads['{key}'] {where}")


# ---------------------------------------------------------------- gradcheck_loss_evaluations

def _count(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise Wrong(f"{what}: give a number, got {type(value).__name__} {show(value)}")
    return value


@exercise("gradcheck_loss_evaluations", parts=("parameters", "loss_evaluations"), hints=(
    Text("count the numbers in W1 (784, 50), b1 (50,), W2 (50, 10) and b2 (10,); numerical_gradient "
    "computes the loss at x + h and at x - h for each number, one number at a time", ko=""),
    Text("parameters = 784 * 50 + 50 + 50 * 10 + 10: every weight and every bias; each of them costs "
    "numerical_gradient two loss evaluations, f(x + h) and f(x - h)", ko="")))
def check_gradcheck_loss_evaluations(prediction, part) -> None:
    """prediction: {"parameters": P of 784-50-10, "loss_evaluations": losses computed by its
    numerical gradient}."""
    if not isinstance(prediction, Mapping):
        raise Wrong(f"give a dict with keys 'parameters' and 'loss_evaluations', "
                    f"got {type(prediction).__name__}")
    shapes = {"W1": (784, 50), "b1": (50,), "W2": (50, 10), "b2": (10,)}
    P = sum(int(np.prod(s)) for s in shapes.values())  # 39,760
    for key in ("parameters", "loss_evaluations"):
        with part(key):
            (_parameters if key == "parameters" else _loss_evaluations)(prediction.get(key), P)


def _parameters(got, P: int) -> None:
    if got is None:
        raise Unfilled("parameters is still None: count the numbers in W1, b1, W2 and b2")
    got = _count(got, "parameters")
    if got != P:
        why = {784 * 50: "784 * 50 is W1 alone", 784 * 50 + 50 * 10: "the biases count too",
               784 + 50 + 10: "that counts the units, not the weights between them"}.get(got, "")
        raise Wrong(f"parameters: expected {P:,} for 784-50-10, got {show(got, 8)}"
                    + (f" ({why})" if why else ""))


def _loss_evaluations(got, P: int) -> None:
    if got is None:
        raise Unfilled("loss_evaluations is still None: count the losses numerical_gradient "
                       "computes for all the parameters of 784-50-10")
    got = _count(got, "loss_evaluations")
    if got != 2 * P:
        why = {P: " (one per parameter is too few: the central difference needs f(x + h) and "
                  "f(x - h))"}.get(got, "")
        raise Wrong(f"loss_evaluations: expected {2 * P:,} for 784-50-10, got {show(got, 8)}{why}")


# ---------------------------------------------------------------- gradcheck_relu_kink

KINK_INPUT, KINK_H = 3e-5, 1e-4  # sample 2's input to unit 0, and float64's h


@exercise("gradcheck_relu_kink", parts=("failing", "ratio"), hints=(
    Text("a parameter's check fails when stepping it by h moves unit 0's input across 0; for the "
    "ratio, write the loss at b1[0] + h and at b1[0] - h as the loss at the kink plus slope "
    "times distance on the side where ReLU is on", ko=""),
    Text("W1 and b1 feed the ReLU inputs, W2 and b2 come after them. At b1[0] + h unit 0's input is "
    "3e-5 + 1e-4 (on: the loss moved by g times that), at b1[0] - h it is below 0 (off: the loss "
    "sits where it was at the kink); divide the difference by 2h", ko="")))
def check_gradcheck_relu_kink(prediction, part) -> None:
    """prediction: {"failing": names of the params whose check fails, "ratio": numerical dL/db1[0]
    over backprop's}."""
    if not isinstance(prediction, Mapping):
        raise Wrong(f"give a dict with keys 'failing' and 'ratio', got {type(prediction).__name__}")
    for key in ("failing", "ratio"):
        with part(key):
            (_failing if key == "failing" else _ratio)(prediction.get(key))


def _failing(got) -> None:
    if got is None:
        raise Unfilled("failing is still None: name the parameters whose check will fail, "
                       "e.g. ('W2',)")
    if isinstance(got, str):
        names = [got]  # a single name is fine too
    elif isinstance(got, (list, tuple, set, frozenset)):
        names = list(got)
    else:
        raise Wrong(f"failing: give the names as a tuple, list or set, such as ('W2',), "
                    f"got {type(got).__name__} {show(got)}")
    unknown = [n for n in names if n not in PARAMS]
    if unknown:
        raise Wrong(f"failing: {', '.join(map(repr, unknown))} is not a parameter of TwoLayerNet; "
                    f"choose among {', '.join(PARAMS)}")
    if set(names) != {"W1", "b1"}:
        raise Wrong(f"failing: expected W1 and b1, got {', '.join(names) or 'none'}: the check "
                    "fails for the parameters whose step of h can move unit 0's input across 0")


def _ratio(got) -> None:
    if got is None:
        raise Unfilled("ratio is still None: give numerical dL/db1[0] divided by backprop "
                       "dL/db1[0]")
    got = _count(got, "ratio")
    want = (KINK_INPUT + KINK_H) / (2 * KINK_H)  # 0.65: on for 1.3e-4 of the 2e-4 interval
    if abs(got - want) > 0.01:
        raise Wrong(f"ratio: expected {want:.2f}, got {show(got)}")
