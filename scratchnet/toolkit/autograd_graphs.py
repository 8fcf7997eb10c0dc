"""The graph an autograd recorded, drawn like notebook 01's computational graphs (notebook 08).

Every Function of `scratchnet.autograd` records itself on the Variables it makes, so after a
forward pass the graph exists in memory; `recorded_graph` reads it back as a `Graph` of
`computational_graphs`, for `draw_graph`:

    apple, apple_num, tax = Variable(100.0), Variable(2.0), Variable(1.1)
    price = apple * apple_num * tax
    price.backward()
    draw_graph(recorded_graph(price, {apple: "apple", apple_num: "apple_num", tax: "tax",
                                      price: "price"}))

One node per recorded Function, labelled by its operation (×, +, @, relu, sigmoid, sum,
softmax-with-loss), one per input Variable, labelled by its name in `names` (a dict keyed by the
Variables themselves or by their id()), and the output at the end. Each edge carries the forward
value above it and, once backward has run, below it in red the gradient that flows back along
that edge: for a Variable used twice, each of its edges carries its own share, and its .grad is
their sum (b = a + a draws one edge labelled 1 + 1). Large arrays are drawn as their shape, as
`format_value` does. Names in `computational_graphs.LABELS` (apple, tax, price, ...) are drawn
with the book's Korean words when scratchnet speaks Korean; other names are drawn as given.
"""

from __future__ import annotations

import numpy as np

from ..autograd import Variable, topological_order
from ..language import tr
from .computational_graphs import Graph, _half_size, format_value, make_graph

LABEL_WIDTH = 0.19  # drawing units per character of an edge label (FONT_SIZE at SCALE)
OPS = {"Add": "+", "Mul": "×", "MatMul": "@", "Relu": "relu", "Sigmoid": "sigmoid", "Sum": "sum",
       "SoftmaxWithLoss": "softmax-with-loss"}


def _name_of(v, names: dict):
    for key in (v, id(v)):
        try:
            if key in names:
                return names[key]
        except TypeError:  # an unhashable key type: only ids then
            continue
    return None


def _input_label(v) -> str:
    """An unnamed input: its value when it is small (a constant such as 2), else what it is."""
    if np.size(v.data) <= 4:
        return format_value(v.data)
    return tr("constant", "상수") if not v.requires_grad else tr("input", "입력")


def _short(value):
    """A large array as its bare shape, "(100, 784)": shorter edge labels, a narrower figure."""
    if value is not None and not isinstance(value, str) and np.size(value) > 4:
        return str(np.shape(value))
    return value


def _edge_gradients(f) -> list:
    """What f's backward sends each input, when backward has run (None where nothing flows)."""
    if f.output.grad is None:
        return [None] * len(f.inputs)
    try:
        grads = list(f.backward(f.output.grad))
    except Exception:  # a Function whose backward cannot run twice: each input's own .grad
        grads = [x.grad for x in f.inputs]
    return [g if x.requires_grad else None for x, g in zip(f.inputs, grads)]


def _merge(edges: list) -> list:
    """One edge per (src, dst): b = a + a draws a's two uses as one edge, 'g1 + g2' below it."""
    merged: dict = {}
    for src, dst, forward, backward in edges:
        if (src, dst) not in merged:
            merged[(src, dst)] = [src, dst, forward, [backward]]
        else:
            merged[(src, dst)][3].append(backward)
    out = []
    for src, dst, forward, backs in merged.values():
        if all(b is None for b in backs):
            back = None
        elif len(backs) == 1:
            back = backs[0]
        else:
            back = " + ".join(format_value(b) for b in backs)
        out.append((src, dst, forward, back))
    return out


def _spread(graph: Graph) -> None:
    """Move columns apart where a wide node (softmax-with-loss) would crowd its neighbours; an
    input keeps its place left of the node it feeds, an output moves right of a wide node."""
    ops = [n for n in graph.nodes if n.kind == "op"]
    columns = sorted({n.pos[0] for n in ops})
    half = {x: max(_half_size(n)[0] for n in ops if n.pos[0] == x) for x in columns}
    by_name = {n.name: n for n in graph.nodes}
    widest = max([len(format_value(v)) for e in graph.edges if by_name[e.src].kind == "op"
                  for v in (e.forward, e.backward) if v is not None], default=0)
    room = max(2.2, LABEL_WIDTH * widest + 0.6)  # an edge's labels fit between two nodes
    new = {columns[0]: columns[0]}
    for a, b in zip(columns, columns[1:]):
        new[b] = new[a] + max(b - a, half[a] + half[b] + room)
    old = {n.name: n.pos for n in graph.nodes}
    for n in ops:
        n.pos = (new[old[n.name][0]], n.pos[1])
    for n in graph.nodes:
        if n.kind == "input":
            dst = next(e.dst for e in graph.edges if e.src == n.name)
            away = max(old[dst][0] - old[n.name][0], room + _half_size(by_name[dst])[0] + 0.4)
            n.pos = (by_name[dst].pos[0] - away, n.pos[1])
        elif n.kind == "output":
            src = by_name[next(e.src for e in graph.edges if e.dst == n.name)]
            n.pos = (src.pos[0] + max(2.6, _half_size(src)[0] + room), src.pos[1])


def recorded_graph(output: Variable, names: dict | None = None, title: str = "",
                   since: Variable | None = None) -> Graph:
    """The graph that made `output`, as recorded by its Functions, with live values (and the
    gradients, after output.backward()). names: {variable: "name"} (or {id(variable): "name"})
    for the inputs and the output; an unnamed input is drawn as its value when small.
    since: a Variable drawn as an input, the graph that made it left out (a long chain, such as
    a network's, drawn in two figures that read on a projector)."""
    names = names or {}
    if not isinstance(output, Variable):
        raise TypeError(tr(f"recorded_graph: expected a Variable, got {type(output).__name__}",
                           f"recorded_graph: Variable이어야 하는데 받은 것은 "
                           f"{type(output).__name__}입니다"))
    functions = topological_order(output)
    if since is not None:
        before = {id(f) for f in topological_order(since)}
        functions = [f for f in functions if id(f) not in before]
    if not functions:
        raise ValueError(tr("recorded_graph: no Function made this Variable: nothing to draw",
                            "recorded_graph: 이 Variable을 만든 Function이 없어 그릴 것이 없습니다"))
    fname = {id(f): f"f{i}" for i, f in enumerate(functions)}
    ops = {fname[id(f)]: OPS.get(type(f).__name__, type(f).__name__.lower()) for f in functions}
    inputs: dict = {}  # id(variable) -> (node name, label)
    edges = []
    for f in functions:
        for x, g in zip(f.inputs, _edge_gradients(f)):
            if x.creator is not None and id(x.creator) in fname:
                src = fname[id(x.creator)]
            else:
                if id(x) not in inputs:
                    label = _name_of(x, names)
                    inputs[id(x)] = (f"v{len(inputs)}", label if label is not None else _input_label(x))
                src = inputs[id(x)][0]
            edges.append((src, fname[id(f)], _short(x.data), _short(g)))
    out_name = "out"
    edges.append((fname[id(output.creator)], out_name, _short(output.data), _short(output.grad)))
    graph = make_graph(ops, _merge(edges), title=title)
    labels = {name: label for name, label in inputs.values()}
    out_label = _name_of(output, names)
    labels[out_name] = out_label if out_label is not None else tr("output", "출력")
    for n in graph.nodes:
        if n.name in labels:
            n.op = labels[n.name]
    _spread(graph)
    values = {}
    seen = [v for f in functions for v in f.inputs] + [output]
    for v in seen:
        name = _name_of(v, names)
        if name is not None and name not in values:
            values[name] = v.data
            if v.grad is not None:
                values["d" + name] = v.grad
    graph.values = values
    return graph

