"""Widget callbacks driven headlessly: set a control's value, check what is computed and shown."""

import matplotlib

matplotlib.use("Agg")  # noqa: E402

import numpy as np
import pytest

from scratchnet.toolkit.activations import ActivationExplorer, activation_response
from scratchnet.toolkit.chain_rule import ChainRuleWidget, chain_rule_check
from scratchnet.toolkit.shopping import ShoppingWidget, shopping_graph, shopping_rows


def test_chain_rule_widget_follows_sliders():
    w = ChainRuleWidget()
    assert w.graph.values["z"] == 25.0
    assert "backward pass: 10" in w.text and "numerical: 10.000000" in w.text
    png_before = w.image.value
    w.x.value = -1.0
    assert w.graph.values["t"] == 1.0 and w.graph.values["dx"] == 2.0
    assert "backward pass: 2;" in w.text and w.text in w.html.value
    assert w.image.value != png_before and w.image.value == w.png


def test_chain_rule_check_agrees_three_ways():
    r = chain_rule_check(1.5, -4.0)
    assert r["backward"][0] == r["formula"] == -5.0
    assert r["numerical"] == pytest.approx((-5.0, -5.0), rel=1e-8)


def test_shopping_widget_defaults_are_the_book_example():
    w = ShoppingWidget()
    assert w.graph.values["price"] == pytest.approx(715)
    grads = {name: g for name, _, g, _ in w.rows}
    assert grads == pytest.approx(dict(apple=2.2, apple_num=110, orange=3.3, orange_num=165, tax=650))
    assert "715" in w.html.value and "one more apple adds 110 won" in w.html.value


def test_shopping_widget_sliders_redraw():
    w = ShoppingWidget()
    w.apple_num.value = 3
    assert w.graph.values["price"] == pytest.approx(825)
    assert dict((n, g) for n, _, g, _ in w.rows)["tax"] == pytest.approx(750)
    w.tax.value = 1.0
    assert dict((n, g) for n, _, g, _ in w.rows)["apple_num"] == pytest.approx(100)
    assert w.graph.values["price"] == pytest.approx(750)  # 750 before tax, times 1.0
    assert "price = 750" in w.html.value


def test_shopping_rows_meaning():
    rows = shopping_rows(shopping_graph(apple=200, apple_num=1))
    meaning = dict((n, m) for n, _, _, m in rows)
    assert meaning["apple_num"] == "one more apple adds 220 won to the bill"


@pytest.mark.parametrize("name", ["relu", "sigmoid"])
def test_activation_response_matches_derivative(name):
    r = activation_response(name, -3.0, 3.0, dout=1.3)
    if name == "sigmoid":
        y = r["y"]
        np.testing.assert_allclose(r["dx"], 1.3 * y * (1 - y))
    else:
        np.testing.assert_array_equal(r["dx"], np.where(r["x"] > 0, 1.3, 0.0))


def test_activation_explorer_controls():
    w = ActivationExplorer()
    assert "0.2500, first reached at x = 0.00" in w.text  # the sigmoid's slope is at most 1/4
    assert 0.2 < w.response["vanished_fraction"] < 0.3
    w.x_range.value = (-20.0, 20.0)
    assert w.response["vanished_fraction"] > 0.7  # saturated on most of a wide range
    w.activation.value = "relu"
    assert w.response["vanished_fraction"] == pytest.approx(0.5, abs=0.01)
    assert "1.0000, first reached at x = 0.07" in w.text  # on every x > 0; 0.07 is the first grid point
    w.dout.value = -2.0
    assert w.response["dx"].min() == -2.0 and "blocked on 50%" in w.text
    w.x_range.value = (1.0, 1.0)  # a closed range is widened, not an error
    assert w.response["x"][0] == 1.0
    assert w.text in w.html.value and w.image.value == w.png


def test_activation_summary_never_prints_minus_zero():
    w = ActivationExplorer(name="sigmoid", lo=-4.5, hi=6.0)
    assert "at x = 0.00;" in w.text  # the grid point nearest 0 is x = -0.0025 here


def test_activation_response_errors():
    with pytest.raises(ValueError, match="expected one of"):
        activation_response("tanh")
    with pytest.raises(ValueError, match="lo < hi"):
        activation_response("relu", 1.0, 0.0)


@pytest.mark.parametrize("cls", [ChainRuleWidget, ShoppingWidget, ActivationExplorer])
def test_widget_text_fallback_says_what_it_is(cls):
    bundle = cls()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    text = bundle["text/plain"]
    assert text.startswith(cls.__name__ + ":") and "static figure above" in text
    assert "VBox" not in text
