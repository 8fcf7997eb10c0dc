"""The plotting helpers of notebooks 04-07: they draw from the values given and return a Figure."""

import matplotlib

matplotlib.use("Agg")  # these tests only save figures; notebooks keep the inline backend

import numpy as np
import pytest
from matplotlib.figure import Figure

from scratchnet import History
from scratchnet.toolkit._figures import TRUE_COLOR, WRONG_COLOR
from scratchnet.toolkit.affine_shapes import affine_shapes, plot_affine_shapes
from scratchnet.toolkit.digits import (confusion_matrix, plot_confusion_matrix, plot_digits,
                                       plot_prediction, plot_weights)
from scratchnet.toolkit.gradient_cost import plot_gradient_cost
from scratchnet.toolkit.softmax_bars import plot_softmax, softmax_state
from scratchnet.toolkit.training_curves import plot_history


def png_bytes(fig) -> bytes:
    import io
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=40)
    return buf.getvalue()


def test_affine_shapes_follow_the_matrix_products():
    s = affine_shapes(2, 4, 3)
    assert s == {"X": (2, 4), "W": (4, 3), "b": (3,), "Y": (2, 3), "dY": (2, 3), "W.T": (3, 4),
                 "dX": (2, 4), "X.T": (4, 2), "dW": (4, 3), "db": (3,)}
    assert s["dX"] == s["X"] and s["dW"] == s["W"] and s["db"] == s["b"]


@pytest.mark.parametrize("bad", [0, -1, 2.5, "3"])
def test_affine_shapes_rejects_bad_sizes(bad):
    with pytest.raises(ValueError, match="affine_shapes: batch"):
        affine_shapes(bad, 4, 3)


def test_plot_affine_shapes_labels_every_array():
    fig = plot_affine_shapes(100, 784, 50)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"X", "W", "b", "Y", "dX", "dY", "W.T", "X.T", "dW", "db"} <= texts
    assert {"(100, 784)", "(784, 50)", "(50,)", "(784, 100)", "(50, 784)"} <= texts
    assert png_bytes(fig)


def test_plot_affine_shapes_draws_small_sizes_to_scale():
    from matplotlib.patches import Rectangle
    fig = plot_affine_shapes(2, 4, 3)  # one square per number: X (2, 4) and W (4, 3) look different
    ax = fig.axes[0]
    assert "one square per number" in ax.get_title()
    sizes = [(round(p.get_width(), 6), round(p.get_height(), 6)) for p in ax.patches
             if isinstance(p, Rectangle)]
    x_size, w_size = sizes[0], sizes[1]  # the forward row: X first, then W
    assert x_size[0] / x_size[1] == pytest.approx(4 / 2) and w_size[0] / w_size[1] == pytest.approx(3 / 4)
    assert "log scale" in plot_affine_shapes(100, 784, 50).axes[0].get_title()


def test_softmax_state_matches_the_book_example():
    s = softmax_state([2.0, 0.5, -1.0], 0)
    np.testing.assert_allclose(s["probs"], [0.78559703, 0.17529039, 0.03911257], atol=1e-8)
    assert s["loss"] == pytest.approx(-np.log(0.78559703), abs=1e-8)
    np.testing.assert_allclose(s["grad"], s["probs"] - [1, 0, 0])
    assert s["grad"].sum() == pytest.approx(0, abs=1e-12)


def test_softmax_state_loss_is_finite_for_huge_logits():
    s = softmax_state([1000.0, 0.0], 1)
    assert s["loss"] == pytest.approx(1000.0)
    with pytest.raises(ValueError, match="softmax_state"):
        softmax_state([1.0, 2.0], 2)


def test_plot_softmax_draws_bars_with_the_values():
    fig = plot_softmax([2.0, 0.5, -1.0], 0)
    ax_z, ax_p, ax_g = fig.axes
    heights = [p.get_height() for p in ax_p.patches]
    np.testing.assert_allclose(heights, [0.78559703, 0.17529039, 0.03911257], atol=1e-8)
    assert "0.2413" in fig._suptitle.get_text()


def test_redraw_into_a_given_figure_replaces_its_content():
    fig = Figure()
    plot_softmax([0.0, 1.0], 1, fig=fig)
    plot_softmax([0.0, 1.0, 2.0], 2, fig=fig)
    assert len(fig.axes) == 3
    assert len(fig.axes[1].patches) == 3


def test_confusion_matrix_counts_pairs():
    cm = confusion_matrix(np.array([0, 0, 1, 2, 2, 2]), np.array([0, 1, 1, 2, 2, 0]), 3)
    np.testing.assert_array_equal(cm, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert cm.sum() == 6 and np.trace(cm) == 4
    with pytest.raises(ValueError, match="confusion_matrix"):
        confusion_matrix(np.array([0, 1]), np.array([0]))


def test_plot_confusion_matrix_writes_every_count():
    cm = confusion_matrix(np.array([0, 1, 1]), np.array([0, 1, 0]), 2)
    fig = plot_confusion_matrix(cm)
    assert [t.get_text() for t in fig.axes[0].texts] == ["1", "0", "1", "1"]


def test_plot_digits_marks_wrong_predictions_red():
    images = np.zeros((3, 784))
    fig = plot_digits(images, [1, 2, 3], predicted=[1, 5, 3], ncols=3)
    titles = [ax.title for ax in fig.axes]
    assert titles[1].get_text() == "true 2, pred 5"
    assert titles[1].get_color() == WRONG_COLOR and titles[0].get_color() == "black"
    with pytest.raises(ValueError, match="784 pixels"):
        plot_digits(np.zeros((1, 10)), [0])


def test_plot_weights_shows_columns_of_W1_as_images():
    W1 = np.arange(784 * 3, dtype=float).reshape(784, 3)
    fig = plot_weights(W1, n=3, ncols=3)
    images = [ax.images[0].get_array() for ax in fig.axes if ax.images]
    assert len(images) == 3
    np.testing.assert_array_equal(images[1], W1[:, 1].reshape(28, 28))
    with pytest.raises(ValueError, match="plot_weights"):
        plot_weights(np.zeros((10, 3)))


def test_plot_history_draws_loss_and_accuracy():
    h = History(loss=list(np.linspace(2.3, 0.3, 120)), eval_iters=[60, 120],
                train_acc=[0.8, 0.9], test_acc=[0.79, 0.88])
    fig = plot_history(h, smooth=50)
    ax_l, ax_a = fig.axes
    assert len(ax_l.lines) == 2  # raw and running mean
    np.testing.assert_allclose(ax_a.lines[1].get_ydata(), [0.79, 0.88])
    assert png_bytes(plot_history(History(loss=[float("nan")])))  # a diverged run draws too


def test_plot_prediction_colors_true_and_predicted_class():
    probs = np.full(10, 0.02)
    probs[3], probs[5] = 0.5, 0.32
    fig = plot_prediction(np.zeros(784), probs, label=5)
    bars = fig.axes[1].patches
    assert bars[5].get_facecolor() == matplotlib.colors.to_rgba(TRUE_COLOR)
    assert bars[3].get_facecolor() == matplotlib.colors.to_rgba(WRONG_COLOR)
    assert "predicted 3" in fig.axes[1].get_title()


def test_plot_gradient_cost_uses_log_axes():
    fig = plot_gradient_cost([10, 100, 1000], [0.01, 0.1, 1.0], [1e-4, 1e-4, 2e-4])
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert len(ax.lines) == 3  # the numerical trend line, its measured points, backprop


def test_plot_gradient_cost_marks_estimated_points_open():
    fig = plot_gradient_cost([10, 100, 1000], [0.01, 0.1, 1.0], [1e-4, 1e-4, 2e-4],
                                   measured=[True, False, False])
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.lines]
    assert "numerical gradient, measured in full" in labels
    estimated = next(line for line in ax.lines if line.get_label().startswith("numerical gradient, estimated"))
    assert list(estimated.get_xdata()) == [100, 1000]
    assert estimated.get_markerfacecolor() == "white"
    with pytest.raises(ValueError, match="plot_gradient_cost"):
        plot_gradient_cost([10, 100], [0.01, 0.1], [1e-4, 1e-4], measured=[True])


def test_plot_history_starts_the_accuracy_curves_at_the_untrained_network():
    h = History(loss=[2.3, 1.0], eval_iters=[1, 2], train_acc=[0.8, 0.9], test_acc=[0.79, 0.88])
    ax_a = plot_history(h, start=(0.11, 0.12)).axes[1]
    np.testing.assert_allclose(ax_a.lines[0].get_xdata(), [0, 1, 2])
    np.testing.assert_allclose(ax_a.lines[0].get_ydata(), [0.11, 0.8, 0.9])
    np.testing.assert_allclose(ax_a.lines[1].get_ydata(), [0.12, 0.79, 0.88])
    assert h.eval_iters == [1, 2] and h.train_acc == [0.8, 0.9]  # the history is left alone


# --- notebook 03: the graphs drawn with symbols (scratchnet/toolkit/computational_graphs.py)


def test_relu_switch_figure_two_panels_and_a_legend_below_them():
    from scratchnet.toolkit.computational_graphs import relu_switch_figure
    fig = relu_switch_figure()
    left, right = ([t.get_text() for t in ax.texts] for ax in fig.axes)
    assert "$x$" in left and "$y = x$" in left and r"$\dfrac{\partial L}{\partial y}$" in left
    assert "0" in right and "$y = 0$" in right  # switch off: 0 goes back
    assert [ax.get_title() for ax in fig.axes] == ["$x > 0$", r"$x \leq 0$"]
    legend = [t for t in fig.texts]
    assert [t.get_text() for t in legend] == ["above: forward value", "below: backward value (gradient)"]
    bottom = min(ax.get_position().y0 for ax in fig.axes)
    assert all(t.get_position()[1] < bottom for t in legend)  # below the panels, over nothing
    assert fig.get_size_inches()[0] * fig.dpi >= 1000  # wide enough for a projector
    assert png_bytes(fig)


def test_sigmoid_prediction_graph_blanks_the_gradients_to_predict():
    from scratchnet.toolkit.computational_graphs import (draw_graph, graph_labels,
                                                         sigmoid_prediction_graph)
    graph = sigmoid_prediction_graph(0.991, 1.3)
    labels = graph_labels(draw_graph(graph))
    assert {"dx = ?", "da = ?", "db = ?", "dc = ?", "1.3", "0.991", "0.7293"} <= set(labels)
    assert "0.2567" not in labels and all(not n.note for n in graph.nodes)
    assert graph.values["dx"] > 0.25  # the exact values are kept for the reveal
    answers = graph_labels(draw_graph(sigmoid_prediction_graph(0.991, 1.3, answers=True)))
    assert "0.2567" in answers and "dx = ?" not in answers and r"$\times(-y^2)$" in answers
    assert graph.size == (9.6, 2.6)  # 960 px: fits a slide without shrinking its text


def test_sigmoid_symbolic_graph_is_figure_5_20():
    from scratchnet.toolkit.computational_graphs import (draw_graph, graph_labels,
                                                         sigmoid_symbolic_graph)
    labels = graph_labels(draw_graph(sigmoid_symbolic_graph(), legend=False))
    d = r"\dfrac{\partial L}{\partial y}"
    assert rf"${d}y^2e^{{-x}}$" in labels and rf"$-{d}y^2$" in labels and f"${d}$" in labels
    assert {r"$\times(-1)$", r"$\times e^{-x}$", r"$\times 1$", r"$\times(-y^2)$"} <= set(labels)


def test_relu_plus_graphs_differ_in_the_second_input():
    from scratchnet.toolkit.computational_graphs import relu_plus_figure, relu_plus_graph
    used_twice, two_inputs = relu_plus_graph("x"), relu_plus_graph("w")
    assert [(e.src, e.dst) for e in used_twice.edges if e.dst == "add"] == [("relu", "add"), ("x", "add")]
    assert [(e.src, e.dst) for e in two_inputs.edges if e.dst == "add"] == [("relu", "add"), ("w", "add")]
    fig = relu_plus_figure()
    assert [ax.get_title() for ax in fig.axes] == [r"$y = \mathrm{relu}(x) + x$",
                                                   r"$y = \mathrm{relu}(x) + w$"]
    assert png_bytes(fig)
    with pytest.raises(ValueError, match="relu_plus_graph"):
        relu_plus_graph("y")


# --- the figures of notebooks 04-07 in the Korean edition (issue 19): every word through tr()

import logging  # noqa: E402
import re  # noqa: E402
import warnings  # noqa: E402

HANGUL = re.compile(r"[\uac00-\ud7a3]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
CODE_WORDS = {"Affine", "log"}  # a layer's class name; the loss's math, -log y[t]


class _AlwaysNine:
    """A network that always predicts 9, for the digit inspector."""

    def predict(self, x):
        return np.tile(np.arange(10.0), (len(x), 1))


def _figures_of_notebooks_04_to_07() -> dict:
    """Every figure of affine_shapes, softmax_bars, digits, training_curves and gradient_cost,
    with every option that adds words, and the digit inspector's."""
    from scratchnet.toolkit.digits import DigitInspector
    rng = np.random.default_rng(0)
    images, labels = rng.random((5, 784)), [1, 2, 3, 4, 5]
    probs = np.full(10, 0.02)
    probs[3], probs[5] = 0.5, 0.32
    h = History(loss=list(np.linspace(2.3, 0.3, 120)), eval_iters=[60, 120],
                train_acc=[0.8, 0.9], test_acc=[0.79, 0.88])
    inspector = DigitInspector(_AlwaysNine(), np.zeros((2, 784)), np.array([9, 3]))
    return {
        "affine_shapes, to scale": plot_affine_shapes(2, 4, 3),
        "affine_shapes, log scale": plot_affine_shapes(100, 784, 50),
        "softmax": plot_softmax([2.0, 0.5, -1.0], 0),
        "digits": plot_digits(images, labels, ncols=5),
        "digits, predicted": plot_digits(images, labels, predicted=[1, 5, 3, 4, 0], ncols=5),
        "weights": plot_weights(rng.standard_normal((784, 4)), n=4, ncols=4),
        "confusion matrix": plot_confusion_matrix(confusion_matrix(np.array(labels),
                                                                   np.array([1, 5, 3, 4, 0]))),
        "prediction": plot_prediction(images[0], probs, label=5),
        "prediction, no label": plot_prediction(images[0], probs),
        "history": plot_history(h, start=(0.1, 0.1)),
        "gradient cost": plot_gradient_cost([10, 100, 1000], [0.01, 0.1, 1.0], [1e-4, 1e-4, 2e-4],
                                            measured=[True, False, False],
                                            labels=["a-1-b", "784-10-10", "784-50-10"]),
        "digit inspector": inspector.figure,
    }


def _visible_texts(fig) -> list:
    """Every text the figure shows (titles, labels, ticks, legends, annotations): visible,
    not empty, and drawn (the tick labels of an axis turned off are visible but not drawn)."""
    drawn, draw = set(), matplotlib.text.Text.draw

    def record(text, renderer):
        drawn.add(id(text))
        return draw(text, renderer)

    matplotlib.text.Text.draw = record
    try:
        png_bytes(fig)  # an explorer's Figure() has no pyplot canvas of its own to draw with
    finally:
        matplotlib.text.Text.draw = draw
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)
            if t.get_visible() and t.get_text().strip() and id(t) in drawn]


def _english_words(text: str) -> list:
    """Words of 3+ letters outside math ($...$) and code names."""
    return [w for w in ENGLISH_WORD.findall(re.sub(r"\$[^$]*\$", "", text)) if w not in CODE_WORDS]


def test_figures_of_notebooks_04_to_07_speak_korean_with_every_glyph(caplog):
    import matplotlib.pyplot as plt
    from scratchnet import set_language
    set_language("ko")
    try:
        with warnings.catch_warnings(record=True) as caught, \
                caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
            warnings.simplefilter("always")
            figures = _figures_of_notebooks_04_to_07()
            texts = {name: _visible_texts(fig) for name, fig in figures.items()}
        english = {name: [t for t in found if _english_words(t)] for name, found in texts.items()}
        assert all(not found for found in english.values()), english
        for name, found in texts.items():  # the digits titled with their label alone: numbers
            assert any(HANGUL.search(t) for t in found) or name == "digits", f"{name}: {found}"
        assert [str(w.message) for w in caught if "missing from font" in str(w.message)] == []
        assert [r.getMessage() for r in caplog.records] == []  # e.g. no bold Hangul font found
        assert "혼동 행렬(색: 오답만)" in texts["confusion matrix"]
        assert "정답 2, 예측 5" in texts["digits, predicted"]
        assert "뉴런 0" in texts["weights"]
        from scratchnet.toolkit.digits import DigitInspector
        inspector = DigitInspector(_AlwaysNine(), np.zeros((2, 784)), np.array([9, 3]))
        assert inspector.text.endswith("(맞힘)")  # not (정답): 정답 is the label
        inspector.index.value = 1
        assert inspector.text.endswith("(틀림)")
    finally:
        set_language("en")
        plt.close("all")


def test_figures_of_notebooks_04_to_07_keep_their_english():
    import matplotlib.pyplot as plt
    from scratchnet import set_language
    set_language("ko")
    set_language("en")  # the language current when a figure is drawn decides its words
    figures = _figures_of_notebooks_04_to_07()
    texts = {name: _visible_texts(fig) for name, fig in figures.items()}
    plt.close("all")
    assert not any(HANGUL.search(t) for found in texts.values() for t in found)
    assert {"forward", "summed over axis 0 (the batch)"} <= set(texts["affine_shapes, to scale"])
    assert "Confusion matrix (color: mistakes only)" in texts["confusion matrix"]
    assert {"predicted label", "true label", "mistakes"} <= set(texts["confusion matrix"])
    assert "true 2, pred 5" in texts["digits, predicted"] and "unit 0" in texts["weights"]
    assert {"train", "test", "mini-batch loss", "iteration"} <= set(texts["history"])
    assert {"number of parameters P", "backprop, measured"} <= set(texts["gradient cost"])
    assert "cross-entropy loss = -log y[0] = 0.2413" in texts["softmax"]
