"""Computational graphs (계산 그래프) drawn with matplotlib, from live values.

The drawing follows the book's figures: each node is a circle labelled with its operation
(×, +, exp, /, ...); every edge carries its forward value above it (black) and its backward
value, the gradient, below it (red, with a red arrow pointing back).

Two steps, so that any notebook can draw its own graph:

    graph = apple_graph(mul_apple_layer, mul_tax_layer)   # a builder reads live layers
    fig = draw_graph(graph)                                # matplotlib Figure, PNG-ready

A `Graph` is plain data: `Node`s (name, operation label, position) and `Edge`s (from node,
to node, forward value, backward value), plus `values`, a dict of the exact numbers by
name ("price", "dapple", ...). Build one by hand for a new picture:

    g = Graph(nodes=[Node("x", "x", (0, 0), kind="input"), Node("mul", "×", (3, 0)),
                     Node("out", "out", (6, 0), kind="output")],
              edges=[Edge("x", "mul", forward=2.0, backward=3.0),
                     Edge("mul", "out", forward=6.0, backward=1.0)])
    draw_graph(g)

Value labels use `format_value`: 4 significant digits ('g' format), so 715.0000000000001 is
drawn as 715 and 0.25665667 as 0.2567; arrays of more than 4 numbers are drawn as their shape,
and a string value is drawn as given. This rounds only the label; `Graph.values` and the
layers keep the exact floats (print them to see the last digits).

Layout: positions are in drawing units, nodes about 3 units apart; the figure is SCALE
inches per unit unless `Graph.size` is set, so all graphs share one font scale. Inputs are
text at the start of their edges (kind="input"), outputs text at the end (kind="output").
Where two edges meet at a node, set `label_at` about 0.35 so their labels stay apart.
`draw_graph(g, ax=ax)` draws into an existing Axes; `graph_labels(fig)` lists the drawn texts.

Builders here: `apple_graph`, `apple_orange_graph`, `single_node_graph`, `chain_rule_graph`,
`chain_rule_symbols`, `branch_graph`, `node_rule_graph`, `sigmoid_expanded_graph` (with
`sigmoid_steps`) and `sigmoid_graph`. `make_graph` lays a graph out from its arrows, by name,
with no coordinates: the quickest way to draw a new one.
Output is deterministic: fixed figure size and dpi, no randomness (`graph_png` gives bytes).

Words in a figure follow `set_language`: the builders' titles (in the language current when the
graph is built) and, when it is drawn, the legend and the nodes named after the book's shopping
example (`LABELS`: apple is drawn as 사과, apple_num as 사과의 개수, tax as 소비세, price as
지불 금액, as in the book's 그림 5-14 and 5-17).
Graphs keep their code names (`graph.node("apple")`, `graph.values["dapple"]`); code (`dout`,
`x`, `relu`, `exp`) and math are drawn as written. In English the figures are unchanged.
Notebooks 01-03 draw their graphs with it, and so do the chain_rule and shopping widgets.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyBboxPatch

from ..language import Text, tr
from ..layer_naive import AddLayer, MulLayer
from ..layers import Sigmoid

FORWARD_COLOR = "black"
BACKWARD_COLOR = "#d62728"  # red, as in the book's figures
NOTE_COLOR = "#1f4e9c"  # local derivatives written under a node
DPI = 100
FONT_SIZE = 15  # value labels; legible when projected
NODE_RADIUS = 0.42
SCALE = 0.72  # inches per drawing unit when a graph does not set its own size

LABELS = {  # a node labelled with one of these code names is drawn with the book's words
    "apple": Text("apple", "사과"),
    "apple_num": Text("apple_num", "사과의 개수"),
    "orange": Text("orange", "귤"),
    "orange_num": Text("orange_num", "귤의 개수"),
    "tax": Text("tax", "소비세"),
    "price": Text("price", "지불 금액"),
    "copy": Text("copy", "복사"),  # branch_graph's branch point
}


@dataclass
class Node:
    """A node of the graph.

    name: unique id used by edges.  op: text drawn in the node ("×", "+", "exp", "/") or,
    for kind "input"/"output", the variable name written at the end of the edge (a name in
    LABELS, such as apple_num, is drawn with the book's words in Korean: 사과의 개수).
    pos: (x, y) in drawing units (nodes about 3 units apart read well).
    kind: "op" (a circle, or a rounded box for long labels), "input" (text, edges leave it
    to the right) or "output" (text, edges arrive from the left).
    note: optional text under the node, e.g. its local derivative r"$\\partial/\\partial x = 2t$".
    """

    name: str
    op: str
    pos: tuple[float, float]
    kind: str = "op"
    note: str = ""


@dataclass
class Edge:
    """An arrow src -> dst carrying a forward value (above) and a backward value (below, red).

    Either value may be None (not drawn). label_at: where along the edge the values sit
    (0 = at src, 1 = at dst); move it toward the wider end where two edges converge.
    """

    src: str
    dst: str
    forward: object = None
    backward: object = None
    label_at: float = 0.5


@dataclass
class Graph:
    """Nodes, edges, exact values by name, a title, and the figure size in inches
    (None: from the drawing's extent, SCALE inches per unit)."""

    nodes: list[Node]
    edges: list[Edge]
    values: dict = field(default_factory=dict)
    title: str = ""
    size: tuple[float, float] | None = None

    def node(self, name: str) -> Node:
        for n in self.nodes:
            if n.name == name:
                return n
        raise KeyError(f"Graph.node: no node called {name!r}; nodes: {[n.name for n in self.nodes]}")


def format_value(v, digits: int = 4) -> str:
    """A compact label: `digits` significant digits, trailing zeros dropped.

    715.0000000000001 -> '715', 3.3000000000000003 -> '3.3', 0.25665667 -> '0.2567',
    an array of up to 4 numbers -> '[0.7293, 0.5842]', a larger one -> its shape,
    'shape (100, 784)'; a string is drawn as given. Display only: the exact value is unchanged.
    """
    if isinstance(v, str):
        return v
    arr = np.asarray(v)
    if arr.ndim > 0 and arr.size > 4:  # too many numbers for an edge: show the shape instead
        return tr(f"shape {arr.shape}", f"형상 {arr.shape}")
    if arr.ndim > 0:
        return "[" + ", ".join(format_value(a, digits) for a in arr.ravel()) + "]"
    v = float(arr)
    if v == 0:
        return "0"  # also for -0.0
    text = f"{v:.{digits}g}"
    return text.replace("-", "\u2212")  # a true minus sign: wider, easier to read


# ---------------------------------------------------------------- drawing


def node_label(node: Node) -> str:
    """The text drawn for a node: its op, or the book's words for it from LABELS, in the
    language current now (사과의 개수 for apple_num in Korean, apple_num in English)."""
    return str(LABELS[node.op]) if node.op in LABELS else node.op


def _width(text: str) -> float:
    """How wide a label is, in Latin letters: a Hangul syllable is drawn about 1.6 times as wide."""
    return sum(1.6 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _half_size(node: Node) -> tuple[float, float]:
    """Half width and height of a node's shape (terminals are points)."""
    if node.kind != "op":
        return 0.0, 0.0
    width = _width(node_label(node))
    if width <= 3:
        return NODE_RADIUS, NODE_RADIUS
    return 0.14 * width + 0.2, NODE_RADIUS  # a box wide enough for "sigmoid"


def _boundary(node: Node, direction: np.ndarray) -> np.ndarray:
    """The point where a ray from the node's centre along `direction` leaves its shape."""
    centre = np.asarray(node.pos, dtype=float)
    hw, hh = _half_size(node)
    if hw == 0:
        return centre + direction * 0.12  # a small gap after an input label
    if hw == hh:  # circle
        return centre + direction * hw
    scale = min(hw / abs(direction[0]) if direction[0] else np.inf,
                hh / abs(direction[1]) if direction[1] else np.inf)
    return centre + direction * scale


def _label_alignment(n: np.ndarray) -> dict:
    """Text alignment for a label placed on the side `n` (unit vector) of an edge."""
    ha = "center" if abs(n[0]) < 0.7 else ("left" if n[0] > 0 else "right")
    va = "center" if abs(n[1]) < 0.3 else ("bottom" if n[1] > 0 else "top")
    return {"ha": ha, "va": va}


def _draw_edge(ax, graph: Graph, edge: Edge) -> None:
    src, dst = graph.node(edge.src), graph.node(edge.dst)
    p, q = np.asarray(src.pos, float), np.asarray(dst.pos, float)
    d = (q - p) / np.linalg.norm(q - p)  # unit direction of the edge
    start, end = _boundary(src, d), _boundary(dst, -d)
    if dst.kind == "output":
        end = q - d * 0.12
    ax.annotate("", xy=end, xytext=start,
                arrowprops=dict(arrowstyle="-|>", lw=1.8, color=FORWARD_COLOR, mutation_scale=18,
                                shrinkA=0, shrinkB=0))
    n = np.array([-d[1], d[0]])  # normal; forward values go on the upper (or left) side
    if n[1] < 0 or (n[1] == 0 and n[0] > 0):
        n = -n
    at = start + (end - start) * edge.label_at
    if edge.forward is not None:
        ax.text(*(at + n * 0.14), format_value(edge.forward), color=FORWARD_COLOR,
                fontsize=FONT_SIZE, **_label_alignment(n))
    if edge.backward is not None:
        half = min(0.35 - 0.15 * abs(d[1]), 0.25 * np.linalg.norm(end - start))  # short, pointing back
        base = at - n * 0.16
        ax.annotate("", xy=base - d * half, xytext=base + d * half,
                    arrowprops=dict(arrowstyle="-|>", lw=1.6, color=BACKWARD_COLOR,
                                    mutation_scale=14, shrinkA=0, shrinkB=0))
        gap = 0.34 + 0.25 * abs(d[1])  # slanted edges: clear the red arrow's tip
        ax.text(*(at - n * gap), format_value(edge.backward), color=BACKWARD_COLOR,
                fontsize=FONT_SIZE, **_label_alignment(-n))


def _draw_node(ax, graph: Graph, node: Node) -> None:
    x, y = node.pos
    label = node_label(node)
    if node.kind == "input":
        out = [e for e in graph.edges if e.src == node.name]
        dx, dy = (np.subtract(graph.node(out[0].dst).pos, node.pos) if out else (1.0, 0.0))
        if abs(dy) > abs(dx):  # an edge going down (or up): the label sits above (or below) it
            ax.text(x, y, label, fontsize=FONT_SIZE, ha="center",
                    va="bottom" if dy < 0 else "top", style="italic")
        else:
            ax.text(x, y, label, fontsize=FONT_SIZE, ha="right", va="center", style="italic")
        return
    if node.kind == "output":
        ax.text(x, y, label, fontsize=FONT_SIZE, ha="left", va="center", style="italic")
        return
    hw, hh = _half_size(node)
    if hw == hh:
        ax.add_patch(Circle((x, y), hw, facecolor="white", edgecolor="black", lw=2, zorder=3))
    else:
        ax.add_patch(FancyBboxPatch((x - hw, y - hh), 2 * hw, 2 * hh, boxstyle="round,pad=0,rounding_size=0.3",
                                    facecolor="white", edgecolor="black", lw=2, zorder=3))
    size = FONT_SIZE + 3 if len(label) == 1 else FONT_SIZE
    ax.text(x, y, label, fontsize=size, ha="center", va="center", zorder=4)
    if node.note:
        ax.text(x, y - hh - 0.15, node.note, fontsize=FONT_SIZE - 2, color=NOTE_COLOR,
                ha="center", va="top", zorder=4)


def _extent(graph: Graph) -> tuple[tuple[float, float], tuple[float, float]]:
    """x and y limits: the nodes plus room for input/output labels, values and the legend."""
    xs = [n.pos[0] for n in graph.nodes]
    ys = [n.pos[1] for n in graph.nodes]
    left = max([0.2 * _width(node_label(n)) for n in graph.nodes if n.kind == "input"],
               default=0) + 0.5
    right = max([0.2 * _width(node_label(n)) for n in graph.nodes if n.kind == "output"],
                default=0) + 0.5
    return (min(xs) - left, max(xs) + right), (min(ys) - 1.6, max(ys) + 0.8)


def figure_size(graph: Graph) -> tuple[float, float]:
    """graph.size if set, else SCALE inches per drawing unit (so all graphs share one font scale)."""
    if graph.size is not None:
        return graph.size
    (x0, x1), (y0, y1) = _extent(graph)
    title = 0.5 if graph.title else 0.0
    return round((x1 - x0) * SCALE, 2), round((y1 - y0) * SCALE + title, 2)


def draw_graph(graph: Graph, ax=None, legend: bool = True) -> Figure:
    """Draw `graph`; returns the Figure (a new pyplot figure of size graph.size unless `ax`).

    Forward values above each edge in black, backward values below in red. End a notebook
    cell with plt.show(). Pass `ax` to place the graph in a figure of your own.
    """
    if not isinstance(graph, Graph):
        raise TypeError(f"draw_graph: expected a Graph, got {type(graph).__name__}")
    if ax is None:
        fig, ax = plt.subplots(figsize=figure_size(graph), dpi=DPI)
        fig.subplots_adjust(left=0, right=1, bottom=0, top=0.92 if graph.title else 1)
    fig = ax.figure
    for edge in graph.edges:
        _draw_edge(ax, graph, edge)
    for node in graph.nodes:
        _draw_node(ax, graph, node)
    (x0, x1), (y0, y1) = _extent(graph)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")
    ax.axis("off")
    if graph.title:
        ax.set_title(graph.title, fontsize=FONT_SIZE)
    if legend:
        lines = [(tr("above: forward value", "위: 순전파 값"), FORWARD_COLOR)]
        if any(e.backward is not None for e in graph.edges):
            lines.append((tr("below: backward value (gradient)", "아래: 역전파 값(기울기)"),
                          BACKWARD_COLOR))
        for line, (text, color) in enumerate(lines):
            ax.annotate(text, xy=(0.01, 0.01), xycoords="axes fraction", xytext=(0, 18 * (len(lines) - 1 - line)),
                        textcoords="offset points", fontsize=FONT_SIZE - 4, color=color,
                        ha="left", va="bottom")
    return fig


def graph_png(graph: Graph) -> bytes:
    """The drawn graph as PNG bytes (same input, same bytes); the figure is closed after."""
    fig = Figure(figsize=figure_size(graph), dpi=DPI)
    fig.subplots_adjust(left=0, right=1, bottom=0, top=0.92 if graph.title else 1)
    draw_graph(graph, ax=fig.add_subplot())
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def graph_labels(fig: Figure) -> list[str]:
    """Every text drawn on the figure's axes, in drawing order (for tests and checks)."""
    return [t.get_text() for ax in fig.axes for t in ax.texts]


# ---------------------------------------------------------------- builders


def _require_ran(layer, what: str) -> None:
    """Any multiply layer with the book's x, y and backward (the learner's own too), after forward."""
    if not all(hasattr(layer, a) for a in ("x", "y", "backward")) or layer.x is None:
        raise ValueError(f"{what}: expected a MulLayer after forward (x and y set), got {layer!r}")


def apple_graph(mul_apple_layer: MulLayer, mul_tax_layer: MulLayer, dprice: float = 1) -> Graph:
    """The book's apple example: price = (apple * apple_num) * tax.

    The layers must have run forward; their stored inputs give the forward values, and the
    builder runs backward from `dprice` (the package's layers keep nothing from backward,
    so this gives exactly the values of the notebook's own backward calls).
    """
    _require_ran(mul_apple_layer, "apple_graph")
    _require_ran(mul_tax_layer, "apple_graph")
    apple, apple_num = mul_apple_layer.x, mul_apple_layer.y
    apple_price, tax = mul_tax_layer.x, mul_tax_layer.y
    price = apple_price * tax
    dapple_price, dtax = mul_tax_layer.backward(dprice)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    values = dict(apple=apple, apple_num=apple_num, tax=tax, apple_price=apple_price, price=price,
                  dprice=dprice, dapple_price=dapple_price, dtax=dtax, dapple=dapple,
                  dapple_num=dapple_num)
    nodes = [
        Node("apple", "apple", (0, 2.5), "input"),
        Node("apple_num", "apple_num", (0, -0.1), "input"),
        Node("mul_apple", "×", (3.5, 1.2)),
        Node("tax", "tax", (3.5, -0.9), "input"),
        Node("mul_tax", "×", (7.0, 1.2)),
        Node("price", "price", (9.6, 1.2), "output"),
    ]
    edges = [
        Edge("apple", "mul_apple", apple, dapple, 0.35),
        Edge("apple_num", "mul_apple", apple_num, dapple_num, 0.35),
        Edge("mul_apple", "mul_tax", apple_price, dapple_price),
        Edge("tax", "mul_tax", tax, dtax, 0.4),
        Edge("mul_tax", "price", price, dprice),
    ]
    return Graph(nodes, edges, values)


def apple_orange_graph(mul_apple_layer: MulLayer, mul_orange_layer: MulLayer,
                       add_apple_orange_layer: AddLayer, mul_tax_layer: MulLayer,
                       dprice: float = 1) -> Graph:
    """The apple + orange example: price = (apple * apple_num + orange * orange_num) * tax.

    Layers after forward; the builder runs backward from `dprice` in reverse order
    (tax, add, then the two fruit layers, whose order does not matter).
    """
    for layer in (mul_apple_layer, mul_orange_layer, mul_tax_layer):
        _require_ran(layer, "apple_orange_graph")
    apple, apple_num = mul_apple_layer.x, mul_apple_layer.y
    orange, orange_num = mul_orange_layer.x, mul_orange_layer.y
    apple_price, orange_price = apple * apple_num, orange * orange_num
    all_price, tax = mul_tax_layer.x, mul_tax_layer.y
    price = all_price * tax
    dall_price, dtax = mul_tax_layer.backward(dprice)
    dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)
    dorange, dorange_num = mul_orange_layer.backward(dorange_price)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    values = dict(apple=apple, apple_num=apple_num, orange=orange, orange_num=orange_num, tax=tax,
                  apple_price=apple_price, orange_price=orange_price, all_price=all_price,
                  price=price, dprice=dprice, dall_price=dall_price, dtax=dtax,
                  dapple_price=dapple_price, dorange_price=dorange_price, dapple=dapple,
                  dapple_num=dapple_num, dorange=dorange, dorange_num=dorange_num)
    nodes = [
        Node("apple", "apple", (0, 5.8), "input"),
        Node("apple_num", "apple_num", (0, 3.4), "input"),
        Node("mul_apple", "×", (3.4, 4.6)),
        Node("orange", "orange", (0, 1.8), "input"),
        Node("orange_num", "orange_num", (0, -0.6), "input"),
        Node("mul_orange", "×", (3.4, 0.6)),
        Node("add", "+", (6.6, 2.6)),
        Node("tax", "tax", (6.6, 0.2), "input"),
        Node("mul_tax", "×", (9.8, 2.6)),
        Node("price", "price", (12.4, 2.6), "output"),
    ]
    edges = [
        Edge("apple", "mul_apple", apple, dapple, 0.35),
        Edge("apple_num", "mul_apple", apple_num, dapple_num, 0.35),
        Edge("orange", "mul_orange", orange, dorange, 0.35),
        Edge("orange_num", "mul_orange", orange_num, dorange_num, 0.35),
        Edge("mul_apple", "add", apple_price, dapple_price),
        Edge("mul_orange", "add", orange_price, dorange_price),
        Edge("add", "mul_tax", all_price, dall_price),
        Edge("tax", "mul_tax", tax, dtax, 0.4),
        Edge("mul_tax", "price", price, dprice),
    ]
    return Graph(nodes, edges, values)


def single_node_graph(layer, dout, inputs: tuple | None = None,
                      names: tuple[str, str, str] = ("x", "y", "z")) -> Graph:
    """One MulLayer or AddLayer after forward, with its backward for upstream `dout`.

    A MulLayer stores its inputs. An AddLayer does not (its backward does not need them):
    pass them as `inputs=(x, y)` to have them drawn, or leave them out to show only gradients.
    """
    if not isinstance(layer, (MulLayer, AddLayer)):
        raise TypeError(f"single_node_graph: expected a MulLayer or AddLayer, got {type(layer).__name__}")
    dx, dy = layer.backward(dout)
    xn, yn, zn = names
    if isinstance(layer, MulLayer):
        x, y, op = layer.x, layer.y, "×"
        z = x * y
    elif isinstance(layer, AddLayer):
        x, y = inputs if inputs is not None else (None, None)
        z = None if inputs is None else x + y
        op = "+"
    nodes = [Node(xn, xn, (0, 1.9), "input"), Node(yn, yn, (0, -0.9), "input"),
             Node("node", op, (3.2, 0.5)), Node(zn, zn, (6.0, 0.5), "output")]
    edges = [Edge(xn, "node", x, dx, 0.35), Edge(yn, "node", y, dy, 0.35),
             Edge("node", zn, z, dout)]
    values = {xn: x, yn: y, zn: z, "d" + xn: dx, "d" + yn: dy, "d" + zn: dout}
    title = (tr("multiply: the inputs swap", "곱셈: 입력을 서로 바꿔 곱함") if op == "×" else
             tr("add: dout passes through", "덧셈: dout을 그대로 흘려보냄"))
    return Graph(nodes, edges, values, title=title)


def chain_rule_graph(x: float, y: float, dz: float = 1.0) -> Graph:
    """z = t**2 with t = x + y: forward values and, from dz, the chain rule backwards.

    Local derivatives: dt/dx = dt/dy = 1 (the + node), dz/dt = 2t (the **2 node), so
    dz/dx = dz/dt * dt/dx = 2t * 1 = 2(x + y).
    """
    add = AddLayer()
    t = add.forward(x, y)
    z = t ** 2
    dt = dz * 2 * t  # local derivative of **2: 2t
    dx, dy = add.backward(dt)  # local derivative of +: 1 for both inputs
    values = dict(x=x, y=y, t=t, z=z, dz=dz, dt=dt, dx=dx, dy=dy)
    nodes = [
        Node("x", "x", (0, 1.8), "input"),
        Node("y", "y", (0, -0.6), "input"),
        Node("add", "+", (3.2, 0.6), note=r"$\partial t/\partial x = \partial t/\partial y = 1$"),
        Node("square", "**2", (6.6, 0.6), note=r"$\partial z/\partial t = 2t$"),
        Node("z", "z", (9.4, 0.6), "output"),
    ]
    edges = [
        Edge("x", "add", x, dx, 0.35),
        Edge("y", "add", y, dy, 0.35),
        Edge("add", "square", t, dt),
        Edge("square", "z", z, dz),
    ]
    return Graph(nodes, edges, values)


COLUMN = 3.5  # drawing units between two columns of operation nodes in make_graph


def make_graph(ops: dict, edges: list, notes: dict | None = None, title: str = "") -> Graph:
    """A graph from its arrows, written by name: no coordinates.

    ops: the operation nodes, name -> the label drawn in its circle, e.g. {"mul": "×"}.
    edges: one tuple per arrow, (src, dst, forward) or (src, dst, forward, backward): the value
    drawn above the arrow and, in red, below it (a number, a string, or None for nothing).
    Every other name in `edges` is a variable, drawn as its name: an input if arrows leave it,
    an output if an arrow arrives. notes: optional text under an operation node, by name.

    Layout: each operation node one column right of the rightmost operation feeding it; a node
    fed only by inputs has them fanned out on its left; an input that joins a later node (the
    apple example's tax) comes in from below; an output sits right of its node. Each input
    should feed one node: for other shapes place `Node`s and `Edge`s by hand.
    values: each forward value by its arrow's src name, each backward value by "d" + src.

        make_graph({"mul": "×"}, [("x", "mul", 3), ("y", "mul", 2), ("mul", "z", 6)])
    """
    notes = notes or {}
    for e in edges:
        if len(e) not in (3, 4):
            raise ValueError(f"make_graph: an edge is (src, dst, forward) or (src, dst, forward, "
                             f"backward), got {e!r}")
    edges = [tuple(e) + (None,) * (4 - len(e)) for e in edges]
    names = list(dict.fromkeys(n for e in edges for n in e[:2]))
    for name in list(ops) + list(notes):
        if name not in names:
            raise ValueError(f"make_graph: {name!r} is in ops or notes but on no edge; "
                             f"the edges name {names}")
    feeds = {name: [e[0] for e in edges if e[1] == name] for name in names}

    column: dict = {}

    def col(name, seen=()):
        if name not in column:
            if name in seen:
                raise ValueError(f"make_graph: the arrows go round in a circle through {name!r}")
            column[name] = 1 + max([col(s, seen + (name,)) for s in feeds[name] if s in ops],
                                   default=0)
        return column[name]

    pos: dict = {}
    first = [n for n in ops if not any(s in ops for s in feeds[n])]
    for row, name in enumerate(first):  # nodes fed only by inputs: one row each
        pos[name] = (col(name) * COLUMN, -4.0 * row if row else 0.0)
    for name in sorted(ops, key=col):
        if name not in pos:
            ys = [pos[s][1] for s in feeds[name] if s in ops]
            pos[name] = (col(name) * COLUMN, sum(ys) / len(ys))
    nodes = []
    for name in ops:
        x, y = pos[name]
        inputs = [s for s in feeds[name] if s not in ops]
        if name in first:  # fanned out on the left, 2.5 units apart
            spots = [(x - COLUMN, y + 1.25 * (len(inputs) - 1) - 2.5 * k) for k in range(len(inputs))]
        else:  # joining from below (then above)
            spots = [(x - COLUMN, y + (-2.1 if k % 2 == 0 else 2.1) * (1 + k // 2))
                     for k in range(len(inputs))]
        for s, spot in zip(inputs, spots):
            pos.setdefault(s, spot)
        nodes.append(Node(name, ops[name], pos[name], note=notes.get(name, "")))
    inputs = [Node(n, n, pos.get(n, (0.0, 0.0)), "input") for n in names
              if n not in ops and not feeds[n]]
    for name in names:
        if name not in ops and feeds[name]:  # an output, right of the node it comes from
            x, y = pos.get(feeds[name][0], (0.0, 0.0))
            nodes.append(Node(name, name, (x + 2.6, y), "output"))
    nodes = inputs + nodes
    values = {}
    graph_edges = []
    for src, dst, forward, backward in edges:
        graph_edges.append(Edge(src, dst, forward, backward, 0.5 if src in ops else 0.4))
        values[src] = forward
        if backward is not None:
            values["d" + src] = backward
    return Graph(nodes, graph_edges, values, title=title)


def chain_rule_symbols() -> Graph:
    """z = t**2 with t = x + y in symbols (the book's 그림 5-7 and 5-8): forward values t, z above
    the edges, and below, in red, each edge's dz/d(value) as a product of local derivatives."""
    dz_dt = r"\dfrac{\partial z}{\partial t}"
    nodes = [Node("x", "x", (0, 1.8), "input"), Node("y", "y", (0, -0.6), "input"),
             Node("add", "+", (3.2, 0.6)), Node("square", "**2", (6.6, 0.6)),
             Node("z", "z", (9.4, 0.6), "output")]
    edges = [Edge("x", "add", None, rf"${dz_dt}\dfrac{{\partial t}}{{\partial x}}$", 0.35),
             Edge("y", "add", None, rf"${dz_dt}\dfrac{{\partial t}}{{\partial y}}$", 0.35),
             Edge("add", "square", "$t$", f"${dz_dt}$"),
             Edge("square", "z", "$z$", r"$\dfrac{\partial z}{\partial z}$")]
    return Graph(nodes, edges, title=tr("in symbols", "기호로"))


def branch_graph(x: float, y: float, dz: float = 1.0) -> Graph:
    """z = x*y + x, where x is used twice: both passes, with the branch point drawn as a node
    called `copy`, whose backward adds what arrives along the two branches (written under it).

    Backward: the + node passes dz to m = x*y and to x; the × node gives x the value dm * y and
    y the value dm * x; copy adds: dz/dx = y + 1 (times dz), dz/dy = x.
    """
    m = x * y
    z = m + x
    dm, dx_add = dz * 1, dz * 1
    dx_mul, dy = dm * y, dm * x
    dx = dx_mul + dx_add
    values = dict(x=x, y=y, m=m, z=z, dz=dz, dm=dm, dx_add=dx_add, dx_mul=dx_mul, dy=dy, dx=dx)
    nodes = [Node("x", "x", (0, 0.6), "input"),
             Node("copy", "copy", (2.6, 0.6), note=f"{format_value(dx_mul)} + {format_value(dx_add)}"),
             Node("y", "y", (2.6, 3.6), "input"), Node("mul", "×", (5.8, 2.6)),
             Node("add", "+", (9.0, 0.6)), Node("z", "z", (11.6, 0.6), "output")]
    edges = [Edge("x", "copy", x, dx), Edge("copy", "mul", x, dx_mul),
             Edge("y", "mul", y, dy, 0.4), Edge("copy", "add", x, dx_add, 0.6),
             Edge("mul", "add", m, dm), Edge("add", "z", z, dz)]
    return Graph(nodes, edges, values)


def node_rule_graph(op: str) -> Graph:
    """One + or × node in symbols (book 5.3.1 and 5.3.2): x and y in, `x op y` out,
    and below, in red, what backward sends each input: dout × 1 for +, dout times the other
    input for ×."""
    if op not in ("+", "×"):
        raise ValueError(f"node_rule_graph: expected '+' or '×', got {op!r}")
    dx, dy, title = (("dout × 1", "dout × 1", tr("add: dout passes on to both",
                                                   "덧셈: dout을 양쪽에 그대로")) if op == "+" else
                     ("dout × y", "dout × x", tr("multiply: the inputs swap",
                                                 "곱셈: 입력을 서로 바꿔 곱함")))
    nodes = [Node("x", "x", (0, 1.9), "input"), Node("y", "y", (0, -0.9), "input"),
             Node("node", op, (3.2, 0.5)), Node("z", "z", (6.0, 0.5), "output")]
    edges = [Edge("x", "node", None, dx, 0.35), Edge("y", "node", None, dy, 0.35),
             Edge("node", "z", f"x {op} y", "dout")]
    return Graph(nodes, edges, title=title)


def sigmoid_steps(x, dout) -> dict:
    """Sigmoid y = 1 / (1 + exp(-x)) one node at a time, forward then backward.

    Forward:  a = -x,  b = exp(a),  c = 1 + b,  y = 1 / c.
    Backward, each step multiplying by its node's local derivative:
      dc = dout * (-1 / c**2) = -dout * y**2      (the / node)
      db = dc * 1                                 (the + node passes it through)
      da = db * exp(a) = db * b                   (the exp node: its own output)
      dx = da * (-1)                              (the × node with -1: the other input)
    Works on numbers and arrays alike.
    """
    a = -1 * x
    b = np.exp(a)
    c = 1 + b
    y = 1 / c
    dc = dout * (-1 / c ** 2)  # d(1/c)/dc = -1/c**2 = -y**2
    db = dc * 1  # d(1 + b)/db = 1
    da = db * b  # d exp(a)/da = exp(a)
    dx = da * -1  # d(-1 * x)/dx = -1
    return dict(x=x, a=a, b=b, c=c, y=y, dout=dout, dc=dc, db=db, da=da, dx=dx)


def sigmoid_expanded_graph(x: float, dout: float = 1.0) -> Graph:
    """The sigmoid as four nodes (×, exp, +, /); under each node, the factor its backward
    multiplies by (its local derivative; for / that is -1/c**2, which equals -y**2)."""
    v = sigmoid_steps(x, dout)
    nodes = [
        Node("x", "x", (0, 0), "input"),
        Node("mul", "×", (2.6, 0), note=r"$\times(-1)$"),
        Node("minus1", "", (2.6, 1.7), "input"),  # a constant: its value is on the edge
        Node("exp", "exp", (5.6, 0), note=r"$\times\exp(a)$"),
        Node("add", "+", (8.6, 0), note=r"$\times 1$"),
        Node("one", "", (8.6, 1.7), "input"),
        Node("div", "/", (11.6, 0), note=r"$\times(-y^2)$"),
        Node("y", "y", (14.0, 0), "output"),
    ]
    edges = [
        Edge("x", "mul", v["x"], v["dx"]),
        Edge("minus1", "mul", -1, None),
        Edge("mul", "exp", v["a"], v["da"]),
        Edge("exp", "add", v["b"], v["db"]),
        Edge("one", "add", 1, None),
        Edge("add", "div", v["c"], v["dc"]),
        Edge("div", "y", v["y"], v["dout"]),
    ]
    return Graph(nodes, edges, v)


def sigmoid_graph(layer: Sigmoid, x, dout) -> Graph:
    """The sigmoid collapsed into one node: a Sigmoid layer after forward(x), backward from dout.

    Its backward needs only the output y: dx = dout * y * (1 - y).
    """
    if not isinstance(layer, Sigmoid):
        raise TypeError(f"sigmoid_graph: expected a Sigmoid layer, got {type(layer).__name__}")
    dx = layer.backward(dout)  # raises if forward has not run
    y = layer.out
    nodes = [Node("x", "x", (0, 0), "input"),
             Node("sigmoid", "sigmoid", (3.2, 0), note=r"$\times y(1-y)$"),
             Node("y", "y", (6.4, 0), "output")]
    edges = [Edge("x", "sigmoid", x, dx), Edge("sigmoid", "y", y, dout)]
    return Graph(nodes, edges, dict(x=x, y=y, dout=dout, dx=dx))


# --- notebook 03
# Figures of notebook 03 that use symbols, not live values; their legend follows set_language.

DLDY = r"\dfrac{\partial L}{\partial y}"  # dL/dy as drawn on an edge


def relu_switch_figure() -> Figure:
    """The book's 그림 5-18: ReLU's node for x > 0 (switch on: dL/dy passes) and for x <= 0
    (switch off: 0 goes back), side by side, with the legend below both panels."""
    graphs = []
    for on in (True, False):
        nodes = [Node("x", "", (0, 0), "input"), Node("relu", "relu", (3.4, 0)),
                 Node("y", "", (6.8, 0), "output")]
        edges = [Edge("x", "relu", "$x$", f"${DLDY}$" if on else "0"),
                 Edge("relu", "y", "$y = x$" if on else "$y = 0$", f"${DLDY}$")]
        graphs.append(Graph(nodes, edges, title="$x > 0$" if on else r"$x \leq 0$"))
    w, h = figure_size(graphs[0])
    legend = 0.45  # inches under the panels for the legend
    fig, axes = plt.subplots(1, 2, figsize=(2 * w + 0.6, h + legend), dpi=DPI)
    fig.subplots_adjust(left=0, right=1, bottom=legend / (h + legend), top=0.9, wspace=0.1)
    for ax, graph in zip(axes, graphs):
        draw_graph(graph, ax=ax, legend=False)
        ax.set_xticks([]), ax.set_yticks([])  # no hidden tick labels left in the figure
    fig.text(0.3, 0.03, tr("above: forward value", "위: 순전파 값"), color=FORWARD_COLOR,
             fontsize=FONT_SIZE - 3, ha="center", va="bottom")
    fig.text(0.7, 0.03, tr("below: backward value (gradient)", "아래: 역전파 값(기울기)"),
             color=BACKWARD_COLOR, fontsize=FONT_SIZE - 3, ha="center", va="bottom")
    return fig


def sigmoid_prediction_graph(x: float, dout: float = 1.0, answers: bool = False) -> Graph:
    """sigmoid_expanded_graph(x, dout) at a width that fits a slide (960 px), with the four
    gradients to predict shown as 'dx = ?' ... and the local derivatives under the nodes left
    out (they are to be worked out too); answers=True: the same graph with its numbers."""
    graph = sigmoid_expanded_graph(x, dout)
    graph.size = (9.6, 2.6)
    if answers:
        return graph
    names = {"x": "dx", "mul": "da", "exp": "db", "add": "dc"}  # the edge leaving each node
    for edge in graph.edges:
        if edge.src in names:
            edge.backward = f"{names[edge.src]} = ?"
    for node in graph.nodes:
        node.note = ""
    return graph


def sigmoid_symbolic_graph() -> Graph:
    """The book's 그림 5-20: the sigmoid's four nodes with symbols instead of numbers.

    Forward values above the edges (x, -x, e^{-x}, 1 + e^{-x}, y), gradients below, and under
    each node the local derivative its backward multiplies by. exp(-x) is written e^{-x}."""
    nodes = [Node("x", "", (0, 0), "input"),
             Node("mul", "×", (2.9, 0), note=r"$\times(-1)$"), Node("minus1", "", (2.9, 1.3), "input"),
             Node("exp", "exp", (5.8, 0), note=r"$\times e^{-x}$"),
             Node("add", "+", (8.7, 0), note=r"$\times 1$"), Node("one", "", (8.7, 1.3), "input"),
             Node("div", "/", (11.6, 0), note=r"$\times(-y^2)$"), Node("y", "", (13.6, 0), "output")]
    edges = [Edge("x", "mul", "$x$", rf"${DLDY}y^2e^{{-x}}$"),
             Edge("minus1", "mul", "$-1$"),
             Edge("mul", "exp", "$-x$", rf"$-{DLDY}y^2e^{{-x}}$"),
             Edge("exp", "add", r"$e^{-x}$", rf"$-{DLDY}y^2$"),
             Edge("one", "add", "$1$"),
             Edge("add", "div", r"$1+e^{-x}$", rf"$-{DLDY}y^2$"),
             Edge("div", "y", "$y$", f"${DLDY}$")]
    return Graph(nodes, edges, size=(9.6, 2.6))


def relu_plus_graph(other: str = "x") -> Graph:
    """y = relu(x) + other, with the gradients of backward below the edges.

    other="x": x is used twice (into the relu and straight into the + node), and the two
    gradients that reach x add up. other="w": a second input w, no value used twice."""
    if other not in ("x", "w"):
        raise ValueError(f"relu_plus_graph: expected other='x' or 'w', got {other!r}")
    nodes = [Node("x", "x", (0, 0), "input"), Node("relu", "relu", (3.8, -2.4)),
             Node("add", "+", (7.6, 0)), Node("y", "y", (10.2, 0), "output")]
    edges = [Edge("x", "relu", None, rf"${DLDY}\,\mathrm{{relu}}'(x)$"),
             Edge("relu", "add", r"relu$(x)$", f"${DLDY}$"),
             Edge("add", "y", None, f"${DLDY}$")]
    if other == "x":
        edges.insert(2, Edge("x", "add", None, f"${DLDY}$"))
    else:  # w along the top, x along the bottom into the relu
        nodes[0] = Node("x", "x", (0, -2.4), "input")
        nodes.insert(1, Node("w", "w", (0, 0), "input"))
        edges.insert(2, Edge("w", "add", None, f"${DLDY}$"))
    return Graph(nodes, edges, title=rf"$y = \mathrm{{relu}}(x) + {other}$")


def relu_plus_figure() -> Figure:
    """relu_plus_graph("x") and relu_plus_graph("w") side by side: a value used twice (left)
    and two different inputs (right)."""
    graphs = [relu_plus_graph("x"), relu_plus_graph("w")]
    w, h = figure_size(graphs[0])
    fig, axes = plt.subplots(1, 2, figsize=(2 * w * 0.8, h * 0.8), dpi=DPI)
    fig.subplots_adjust(left=0, right=1, bottom=0, top=0.9, wspace=0.08)
    for ax, graph in zip(axes, graphs):
        draw_graph(graph, ax=ax, legend=False)
        ax.set_xticks([]), ax.set_yticks([])
    return fig
