"""The graph drawer: builders read live layers, and the drawn labels carry their values; the
figures of notebooks 01-03 speak the notebook's language."""

import io
import re
import warnings

import matplotlib

matplotlib.use("Agg")  # noqa: E402  (these tests draw, they never show)

import matplotlib.pyplot as plt
import matplotlib.text
import numpy as np
import pytest

from scratchnet import AddLayer, MulLayer, Sigmoid, set_language
from scratchnet.toolkit.activations import activation_figure
from scratchnet.toolkit.chain_rule import chain_rule_check
from scratchnet.toolkit.computational_graphs import (
    Edge, Graph, Node, apple_graph, apple_orange_graph, branch_graph, chain_rule_graph,
    chain_rule_symbols, draw_graph, figure_size, format_value, graph_labels, graph_png, make_graph,
    node_rule_graph, relu_plus_figure, relu_plus_graph, relu_switch_figure, sigmoid_expanded_graph,
    sigmoid_graph, sigmoid_prediction_graph, sigmoid_steps, sigmoid_symbolic_graph,
    single_node_graph)
from scratchnet.toolkit.shopping import shopping_graph


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def apple_layers(apple=100, apple_num=2, tax=1.1):
    mul_apple, mul_tax = MulLayer(), MulLayer()
    mul_tax.forward(mul_apple.forward(apple, apple_num), tax)
    return mul_apple, mul_tax


def apple_orange_layers():
    ma, mo, add, mt = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    mt.forward(add.forward(ma.forward(100, 2), mo.forward(150, 3)), 1.1)
    return ma, mo, add, mt


def test_format_value_rule():
    assert format_value(715.0000000000001) == "715"
    assert format_value(3.3000000000000003) == "3.3"
    assert format_value(110.00000000000001) == "110"
    assert format_value(0.25665667) == "0.2567"
    assert format_value(-0.6914) == "\u22120.6914"
    assert format_value(-0.0) == "0"
    assert format_value(np.array([0.5, 2.0])) == "[0.5, 2]"
    assert format_value(np.zeros((100, 784))) == "shape (100, 784)"
    assert format_value("W1") == "W1"


def test_apple_graph_values_and_labels():
    g = apple_graph(*apple_layers())
    v = g.values
    assert v["price"] == pytest.approx(220)
    assert (v["dapple"], v["dapple_num"], v["dtax"]) == pytest.approx((2.2, 110, 200))
    labels = graph_labels(draw_graph(g))
    for text in ["100", "2", "1.1", "200", "220", "1", "2.2", "110", "apple", "apple_num", "tax",
                 "price", "×"]:
        assert text in labels, text


def test_apple_graph_follows_live_values():
    labels = graph_labels(draw_graph(apple_graph(*apple_layers(apple=150, apple_num=3))))
    assert "450" in labels and "495" in labels  # 150 * 3, then * 1.1
    assert "165" in labels  # d price / d apple_num = 150 * 1.1


def test_apple_orange_graph():
    g = apple_orange_graph(*apple_orange_layers())
    v = g.values
    assert v["price"] == 715.0000000000001  # exact float kept; the label is rounded
    assert v["dorange"] == 3.3000000000000003
    labels = graph_labels(draw_graph(g))
    for text in ["715", "650", "450", "3.3", "165", "2.2", "110", "+"]:
        assert text in labels, text
    assert "715.0000000000001" not in labels


def test_builder_needs_forward_first():
    with pytest.raises(ValueError, match="apple_graph: expected a MulLayer after forward"):
        apple_graph(MulLayer(), MulLayer())


def test_single_node_graphs():
    mul = MulLayer()
    mul.forward(3.0, 5.0)
    g = single_node_graph(mul, 1.3)
    assert (g.values["dx"], g.values["dy"]) == pytest.approx((6.5, 3.9))  # inputs swapped
    add = AddLayer()
    add.forward(3.0, 5.0)
    g = single_node_graph(add, 1.3, inputs=(3.0, 5.0))
    assert (g.values["dx"], g.values["dy"]) == (1.3, 1.3)  # passed through
    assert "8" in graph_labels(draw_graph(g))
    with pytest.raises(TypeError, match="single_node_graph"):
        single_node_graph(Sigmoid(), 1.0)


def test_chain_rule_graph():
    g = chain_rule_graph(3.0, 2.0)
    assert g.values["z"] == 25.0 and g.values["dx"] == 10.0 and g.values["dy"] == 10.0
    labels = graph_labels(draw_graph(g))
    assert {"25", "10", "5", "**2", "+"} <= set(labels)


def test_sigmoid_steps_match_the_layer():
    x = np.array([0.991, 0.34, 0.56])
    s = sigmoid_steps(x, 1.3)
    layer = Sigmoid()
    np.testing.assert_allclose(s["y"], layer.forward(x))
    np.testing.assert_allclose(s["dx"], layer.backward(1.3))
    np.testing.assert_allclose(s["dx"], [0.25665667, 0.31578554, 0.30079492], rtol=1e-7)


def test_sigmoid_graphs_labels():
    labels = graph_labels(draw_graph(sigmoid_expanded_graph(0.991, 1.3)))
    for text in ["×", "exp", "+", "/", "0.991", "0.7293", "1.3", "0.2567", "\u22120.6914"]:
        assert text in labels, text
    layer = Sigmoid()
    layer.forward(0.991)
    labels = graph_labels(draw_graph(sigmoid_graph(layer, 0.991, 1.3)))
    assert {"sigmoid", "0.991", "0.7293", "0.2567", "1.3"} <= set(labels)
    with pytest.raises(RuntimeError, match="Sigmoid.backward was called before"):
        sigmoid_graph(Sigmoid(), 0.5, 1.0)


def test_hand_built_graph_and_errors():
    g = Graph(nodes=[Node("x", "x", (0, 0), kind="input"), Node("mul", "×", (3, 0)),
                     Node("out", "out", (6, 0), kind="output")],
              edges=[Edge("x", "mul", 2.0, 3.0), Edge("mul", "out", 6.0, 1.0)])
    labels = graph_labels(draw_graph(g))
    assert ["2", "3", "6", "1"] == [t for t in labels if t in {"2", "3", "6", "1"}]
    with pytest.raises(KeyError, match="no node called 'nope'"):
        g.node("nope")
    with pytest.raises(TypeError, match="draw_graph: expected a Graph"):
        draw_graph("not a graph")


def test_png_is_deterministic_and_size_fixed():
    g = apple_orange_graph(*apple_orange_layers())
    a, b = graph_png(g), graph_png(apple_orange_graph(*apple_orange_layers()))
    assert a == b and a.startswith(b"\x89PNG")
    assert figure_size(g) == figure_size(apple_orange_graph(*apple_orange_layers()))
    fig = draw_graph(g)
    assert tuple(fig.get_size_inches()) == pytest.approx(figure_size(g))
    assert fig.dpi == 100


def test_make_graph_lays_out_the_apple_graph_by_name():
    g = make_graph({"mul_apple": "×", "mul_tax": "×"},
                   [("apple", "mul_apple", 100), ("apple_num", "mul_apple", 2),
                    ("mul_apple", "mul_tax", 200), ("tax", "mul_tax", 1.1),
                    ("mul_tax", "price", 220.00000000000003)])
    kinds = {n.name: n.kind for n in g.nodes}
    assert kinds == dict(apple="input", apple_num="input", tax="input", mul_apple="op",
                         mul_tax="op", price="output")
    pos = {n.name: n.pos for n in g.nodes}
    assert pos["mul_apple"][0] < pos["mul_tax"][0] < pos["price"][0]  # left to right
    assert pos["apple"][1] > pos["mul_apple"][1] > pos["apple_num"][1]  # fanned out around it
    assert pos["tax"][0] < pos["mul_tax"][0] and pos["tax"][1] < pos["mul_tax"][1]  # joins from below
    assert pos["price"][1] == pos["mul_tax"][1]
    labels = graph_labels(draw_graph(g))
    for text in ["apple", "apple_num", "tax", "price", "×", "100", "2", "200", "1.1", "220"]:
        assert text in labels, text
    assert "below: backward value (gradient)" not in labels  # no backward values given


def test_make_graph_backward_values_notes_and_values():
    g = make_graph({"mul": "×", "square": "**2"},
                   [("x", "mul", 3.0, 24.0), ("y", "mul", 2.0, 36.0), ("mul", "square", 6.0, 12.0),
                    ("square", "z", 36.0, 1.0)], notes={"mul": "local"}, title="t = x·y")
    assert g.values == dict(x=3.0, dx=24.0, y=2.0, dy=36.0, mul=6.0, dmul=12.0, square=36.0,
                            dsquare=1.0)
    labels = graph_labels(draw_graph(g))
    for text in ["24", "36", "12", "6", "1", "local", "**2"]:
        assert text in labels, text
    assert g.title == "t = x·y"
    assert [n.name for n in g.nodes if n.kind == "input"] == ["x", "y"]


def test_make_graph_errors():
    with pytest.raises(ValueError, match="an edge is"):
        make_graph({"mul": "×"}, [("x", "mul")])
    with pytest.raises(ValueError, match="'add' is in ops or notes but on no edge"):
        make_graph({"mul": "×", "add": "+"}, [("x", "mul", 1), ("mul", "z", 1)])
    with pytest.raises(ValueError, match="round in a circle"):
        make_graph({"a": "+", "b": "+"}, [("a", "b", 1), ("b", "a", 1)])


def test_chain_rule_symbols_is_the_numbers_graph_in_symbols():
    sym, num = chain_rule_symbols(), chain_rule_graph(3.0, 2.0)
    assert [(e.src, e.dst) for e in sym.edges] == [(e.src, e.dst) for e in num.edges]
    labels = graph_labels(draw_graph(sym, legend=False))
    assert {"$t$", "$z$", r"$\dfrac{\partial z}{\partial t}$"} <= set(labels)
    assert sym.title == "in symbols"
    assert r"$\dfrac{\partial z}{\partial t}\dfrac{\partial t}{\partial x}$" in labels


def test_branch_graph_adds_at_the_copy_node():
    g = branch_graph(3.0, 4.0)
    v = g.values
    assert (v["z"], v["dx_mul"], v["dx_add"], v["dx"], v["dy"]) == (15.0, 4.0, 1.0, 5.0, 3.0)
    assert g.node("copy").note == "4 + 1"
    labels = graph_labels(draw_graph(g))
    assert {"copy", "×", "+", "15", "12", "5", "4 + 1"} <= set(labels)
    assert branch_graph(2.0, -1.0).values["dx"] == 0.0  # y + 1


def test_node_rule_graph():
    add, mul = node_rule_graph("+"), node_rule_graph("×")
    assert [e.backward for e in add.edges] == ["dout × 1", "dout × 1", "dout"]
    assert [e.backward for e in mul.edges] == ["dout × y", "dout × x", "dout"]
    assert "x × y" in graph_labels(draw_graph(mul)) and mul.title == "multiply: the inputs swap"
    with pytest.raises(ValueError, match="node_rule_graph"):
        node_rule_graph("-")


# --- the Korean edition: every word of the figures of notebooks 01-03 in Korean, the book's terms

HANGUL = re.compile(r"[\uac00-\ud7a3]")
CODE = {"dout", "relu", "sigmoid", "exp"}  # code names drawn as code in both editions


def _figures():
    """Every figure of computational_graphs, shopping, chain_rule and activations, by name, each
    drawn in the current language and closed once the caller has looked at it."""
    sigmoid = Sigmoid()
    sigmoid.forward(0.991)
    mul, add = MulLayer(), AddLayer()
    mul.forward(3.0, 5.0), add.forward(3.0, 5.0)
    graphs = {
        "apple_graph": apple_graph(*apple_layers()),
        "apple_orange_graph": apple_orange_graph(*apple_orange_layers()),
        "shopping_graph": shopping_graph(),
        "single_node_graph ×": single_node_graph(mul, 1.3),
        "single_node_graph +": single_node_graph(add, 1.3, inputs=(3.0, 5.0)),
        "chain_rule_graph": chain_rule_check(3.0, 2.0)["graph"],
        "chain_rule_symbols": chain_rule_symbols(),
        "branch_graph": branch_graph(3.0, 4.0),
        "node_rule_graph +": node_rule_graph("+"),
        "node_rule_graph ×": node_rule_graph("×"),
        "sigmoid_expanded_graph": sigmoid_expanded_graph(0.991, 1.3),
        "sigmoid_graph": sigmoid_graph(sigmoid, 0.991, 1.3),
        "sigmoid_prediction_graph": sigmoid_prediction_graph(0.991, 1.3),
        "sigmoid_prediction_graph answers": sigmoid_prediction_graph(0.991, 1.3, answers=True),
        "sigmoid_symbolic_graph": sigmoid_symbolic_graph(),
        "relu_plus_graph": relu_plus_graph("w"),
        "make_graph": make_graph({"mul_apple": "×", "mul_tax": "×"},  # as notebook 01 draws it
                                 [("apple", "mul_apple", 100), ("apple_num", "mul_apple", 2),
                                  ("mul_apple", "mul_tax", 200), ("tax", "mul_tax", 1.1),
                                  ("mul_tax", "price", 220.00000000000003)]),
        "make_graph shapes": make_graph({"dot": "×"}, [("X", "dot", np.zeros((100, 784))),
                                                       ("dot", "A", np.zeros((100, 50)))]),
    }
    figures = {name: (lambda graph=graph: draw_graph(graph)) for name, graph in graphs.items()}
    figures["relu_switch_figure"] = relu_switch_figure
    figures["relu_plus_figure"] = relu_plus_figure
    for name in ("relu", "sigmoid"):
        figures[f"activation_figure {name}"] = lambda name=name: activation_figure(name, -6, 6, 1.0)
    for name, draw in figures.items():
        fig = draw()
        yield name, fig
        plt.close(fig)


def _render(fig) -> tuple[bytes, int]:
    """The figure as PNG bytes, and how many "Glyph ... missing from font" warnings drawing it gave."""
    buf = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(buf, format="png", dpi=fig.dpi)
    return buf.getvalue(), sum("missing from font" in str(w.message) for w in caught)


def _texts(fig) -> list:
    """Every text the figure shows: visible, non-empty, not on an axis switched off (after
    drawing, tick labels included)."""
    hidden = {id(t) for ax in fig.axes if not ax.axison
              for axis in (ax.xaxis, ax.yaxis) for t in axis.findobj(matplotlib.text.Text)}
    return [t for t in fig.findobj(matplotlib.text.Text)
            if t.get_visible() and t.get_text().strip() and id(t) not in hidden]


def _labels() -> dict:
    """The texts of every figure, by figure name (drawn to PNG first: tick labels included)."""
    found = {}
    for name, fig in _figures():
        _render(fig)
        found[name] = [t.get_text() for t in _texts(fig)]
    return found


def _english_words(text: str) -> list:
    """English words of 3+ letters in `text`, leaving out math ($...$) and code names."""
    return [w for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\$[^$]*\$", "", text)) if w not in CODE]


@pytest.fixture
def korean():
    set_language("ko")
    yield
    set_language("en")


def test_korean_figures_have_korean_words_and_every_glyph(korean):
    for name, fig in _figures():
        _, missing = _render(fig)
        assert missing == 0, f"{name}: {missing} glyphs missing from the font"
        texts = _texts(fig)
        english = [t.get_text() for t in texts
                   if not HANGUL.search(t.get_text()) and _english_words(t.get_text())]
        assert english == [], f"{name}: English in the Korean edition's figure: {english}"
        width, height = fig.canvas.get_width_height()
        ticks = {id(t) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)
                 for t in axis.findobj(matplotlib.text.Text)}  # placed by matplotlib
        for t in (t for t in texts if id(t) not in ticks):  # wider Korean labels still fit
            box = t.get_window_extent()
            assert box.x0 >= 0 and box.x1 <= width + 1 and box.y0 >= -1 and box.y1 <= height + 1, \
                f"{name}: {t.get_text()!r} reaches out of the figure: {box}"
        if name not in ("relu_plus_figure", "chain_rule_symbols", "sigmoid_symbolic_graph") \
                and "prediction" not in name:
            assert any(HANGUL.search(t.get_text()) for t in texts), f"{name}: no Korean word"


def test_korean_figures_use_the_books_words(korean):
    labels = _labels()
    for name in ("apple_graph", "make_graph"):  # 그림 5-14
        assert {"사과", "사과의 개수", "소비세", "지불 금액", "×", "위: 순전파 값"} <= set(labels[name])
    assert {"귤", "귤의 개수", "아래: 역전파 값(기울기)"} <= set(labels["shopping_graph"])  # 그림 5-17
    assert "apple_num" not in labels["shopping_graph"] and "복사" in labels["branch_graph"]
    assert "덧셈: dout을 양쪽에 그대로" in labels["node_rule_graph +"]
    assert "곱셈: 입력을 서로 바꿔 곱함" in labels["node_rule_graph ×"]
    assert "덧셈: dout을 그대로 흘려보냄" in labels["single_node_graph +"]
    assert "기호로" in labels["chain_rule_symbols"] and "형상 (100, 784)" in labels["make_graph shapes"]
    assert {"위: 순전파 값", "아래: 역전파 값(기울기)"} <= set(labels["relu_switch_figure"])
    assert {"sigmoid: 순전파  y = f(x)", "역전파: dx = dout · f'(x),  dout = 1",
            "기울기 소실 (|dx| < |dout|의 1%)"} <= set(labels["activation_figure sigmoid"])
    assert "기울기 차단 (dx = 0)" in labels["activation_figure relu"]
    g = apple_graph(*apple_layers())  # the graph keeps its code names
    assert g.node("apple_num").op == "apple_num" and "dapple_num" in g.values


def test_english_figures_keep_their_words():
    labels = _labels()
    assert {"apple", "apple_num", "tax", "price", "above: forward value",
            "below: backward value (gradient)"} <= set(labels["apple_graph"])
    assert {"orange", "orange_num"} <= set(labels["shopping_graph"]) and "copy" in labels["branch_graph"]
    assert "add: dout passes on to both" in labels["node_rule_graph +"]
    assert "multiply: the inputs swap" in labels["node_rule_graph ×"]
    assert "add: dout passes through" in labels["single_node_graph +"]
    assert "in symbols" in labels["chain_rule_symbols"] and "shape (100, 784)" in labels["make_graph shapes"]
    assert {"sigmoid: forward  y = f(x)", "backward: dx = dout · f'(x),  dout = 1",
            "vanished (|dx| < 1% of |dout|)"} <= set(labels["activation_figure sigmoid"])
    assert "blocked (dx = 0)" in labels["activation_figure relu"]
    assert not any(HANGUL.search(text) for texts in labels.values() for text in texts)


def test_an_english_figure_is_the_same_after_a_korean_one():
    before = graph_png(shopping_graph())
    set_language("ko")
    try:
        korean = graph_png(shopping_graph())
    finally:
        set_language("en")
    assert graph_png(shopping_graph()) == before != korean


def _recorded_apple():
    from scratchnet.autograd import Variable
    apple, apple_num, tax = Variable(100.0), Variable(2.0), Variable(1.1)
    price = apple * apple_num * tax
    price.backward()
    return price, {apple: "apple", apple_num: "apple_num", tax: "tax", price: "price"}


def test_recorded_graph_draws_what_the_autograd_recorded():
    """scratchnet.autograd's graph, read back: the book's 그림 5-14 numbers on its edges, a small
    net with shapes, a Variable used twice, both languages."""
    from scratchnet.autograd import Variable, relu, softmax_with_loss
    from scratchnet.toolkit.autograd_graphs import recorded_graph
    price, names = _recorded_apple()
    g = recorded_graph(price, names)
    assert [float(e.forward) for e in g.edges] == pytest.approx([100, 2, 200, 1.1, 220])
    assert [float(e.backward) for e in g.edges] == pytest.approx([2.2, 110, 1.1, 200, 1])
    assert g.values["dapple"] == pytest.approx(2.2) and g.values["dtax"] == pytest.approx(200)
    labels = graph_labels(draw_graph(g))
    for text in ["apple", "apple_num", "tax", "price", "×", "100", "2", "1.1", "200", "220", "2.2",
                 "110", "1", "below: backward value (gradient)"]:
        assert text in labels, text
    id_keys = recorded_graph(price, {id(v): name for v, name in names.items()})
    assert [n.op for n in id_keys.nodes] == [n.op for n in g.nodes]
    before = recorded_graph(Variable(100.0) * Variable(2.0) * 1.1)  # before backward: no gradients
    assert all(e.backward is None for e in before.edges)
    assert "below: backward value (gradient)" not in graph_labels(draw_graph(before))

    rng = np.random.default_rng(0)
    x, t = rng.normal(size=(100, 784)), rng.integers(0, 10, 100)
    W1, b1 = Variable(rng.normal(size=(784, 50)) * 0.01), Variable(np.zeros(50))
    W2, b2 = Variable(rng.normal(size=(50, 10)) * 0.01), Variable(np.zeros(10))
    loss = softmax_with_loss(relu(x @ W1 + b1) @ W2 + b2, t)
    loss.backward()
    net = recorded_graph(loss, {W1: "W1", b1: "b1", W2: "W2", b2: "b2", loss: "loss"})
    assert [n.op for n in net.nodes if n.kind == "op"] == ["@", "+", "relu", "@", "+",
                                                            "softmax-with-loss"]
    labels = graph_labels(draw_graph(net))
    for text in ["(100, 784)", "(784, 50)", "(100, 50)", "(50,)",  # bare shapes: a narrower figure
                 "(10,)", "constant", "W1", "b2", "loss", "softmax-with-loss", "1"]:
        assert text in labels, text
    ops = sorted(n.pos[0] for n in net.nodes if n.kind == "op")
    assert all(b - a >= 2.5 for a, b in zip(ops, ops[1:]))  # room for the shape labels
    h = loss.creator.inputs[0].creator.inputs[0].creator.inputs[0]  # relu's output
    second = recorded_graph(loss, {h: "h", loss: "loss"}, since=h)    # from h on: 3 operations
    assert [n.op for n in second.nodes if n.kind == "op"] == ["@", "+", "softmax-with-loss"]
    assert "h" in [n.op for n in second.nodes if n.kind == "input"]
    assert net.values["dW1"].shape == (784, 50)

    a = Variable(3.0)
    b = a + a
    b.backward()
    twice = recorded_graph(b, {a: "a", b: "b"})
    assert [(e.src, e.dst, e.backward) for e in twice.edges][0][2] == "1 + 1"  # one edge, two shares
    assert twice.values["da"] == 2
    with pytest.raises(ValueError, match="no Function made this Variable"):
        recorded_graph(a)
    set_language("ko")
    try:
        labels = graph_labels(draw_graph(recorded_graph(price, names)))
        assert {"사과", "사과의 개수", "소비세", "지불 금액", "아래: 역전파 값(기울기)"} <= set(labels)
        labels = graph_labels(draw_graph(recorded_graph(loss, {W1: "W1", loss: "손실"})))
        assert {"(100, 784)", "상수", "손실"} <= set(labels)
    finally:
        set_language("en")
