"""scratchnet speaks English or Korean (scratchnet.language): every sentence a learner reads from
it exists in both, with the same values in it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import numpy as np
import pytest

import scratchnet
from scratchnet import Affine, Relu, set_language
from scratchnet._ko import MESSAGES
from scratchnet.language import Text, get_language, message, tr
from scratchnet.toolkit.exercises import CHECKS, check

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "scratchnet"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# English prose: two words of letters in a row (a name such as `dapple_price` is not prose)
PROSE = re.compile(r"\b[A-Za-z]{2,}[,;:]? (?:[a-z]{2,}|[A-Z][a-z]+)\b")
# what learners read from the toolkit is translated in these modules (figures keep English)
TRANSLATED = sorted((PACKAGE / "toolkit" / "exercises").glob("*.py"))
WIDGET_TEXT = {"description", "value", "placeholder", "tooltip"}


@pytest.fixture
def korean():
    set_language("ko")
    yield
    set_language("en")


def _calls(path: Path, names: set) -> list:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)
            and (getattr(n.func, "id", None) in names or getattr(n.func, "attr", None) in names)]


def _fields(template: str) -> list:
    return sorted(f for _, f, _, _ in string.Formatter().parse(template) if f is not None)


def _value(node, path: Path) -> str:
    """A template given as a string, or as a module-level constant of the same file."""
    if isinstance(node, ast.Constant):
        return node.value
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for n in tree.body:
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == node.id:
            return ast.literal_eval(n.value)
    raise AssertionError(f"{path.name}: message({node.id}) is not a module constant")


def _book_templates() -> dict:
    """The templates of message(...) calls, and the name and advice given to require_finite,
    which it passes through message() when it raises."""
    found = {}
    for path in sorted(PACKAGE.glob("*.py")):
        for call in _calls(path, {"message"}):
            if isinstance(call.args[0], ast.Name) and path.name == "_checks.py":
                continue  # require_finite's message(name), message(advice): collected below
            found[_value(call.args[0], path)] = f"{path.name}:{call.lineno}"
        for call in _calls(path, {"require_finite"}):
            for arg in call.args[2:]:
                found[_value(arg, path)] = f"{path.name}:{call.lineno}"
    return found


def test_the_setting():
    assert get_language() == "en"
    with pytest.raises(ValueError, match="set_language: expected one of 'en', 'ko', got 'kr'"):
        set_language("kr")
    assert tr("yes", "네") == "yes" and str(Text("yes", "네")) == "yes"
    set_language("ko")
    try:
        assert tr("yes", "네") == "네" and str(Text("yes", "네")) == "네"
        assert message("{layer}.backward was called before {layer}.forward: run forward first, "
                       "it stores what backward needs", layer="Relu").startswith(
            "Relu.forward보다 Relu.backward가 먼저 호출되었습니다")
    finally:
        set_language("en")


def test_every_book_message_has_its_korean_version_with_the_same_values():
    found = _book_templates()
    assert len(found) > 20
    missing = {t: at for t, at in found.items() if t not in MESSAGES}
    assert not missing, f"add these to scratchnet/_ko.py: {missing}"
    assert set(MESSAGES) <= set(found), f"left over in _ko.py: {set(MESSAGES) - set(found)}"
    for en, ko in MESSAGES.items():
        assert _fields(en) == _fields(ko), f"{found[en]}: {en!r} and {ko!r} fill other values"
        assert HANGUL.search(ko), f"{found[en]}: not Korean: {ko!r}"


def _grammar(node) -> bool:
    """{'is' if n == 1 else 'are'}: a choice between two words, for English grammar only."""
    return (isinstance(node, ast.IfExp) and isinstance(node.body, ast.Constant)
            and isinstance(node.orelse, ast.Constant))


def _fstring_values(node) -> list:
    if isinstance(node, ast.JoinedStr):
        return sorted(ast.unparse(v.value) for v in node.values
                      if isinstance(v, ast.FormattedValue) and not _grammar(v.value))
    return []


def _literal_text(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


TOOLKIT = sorted(PACKAGE.joinpath("toolkit").rglob("*.py"))


def test_pairs_are_written():
    assert sum(len(_calls(path, {"tr", "Text"})) for path in TOOLKIT) > 40


@pytest.mark.parametrize("path", TOOLKIT, ids=lambda p: str(p.relative_to(PACKAGE / "toolkit")))
def test_every_pair_is_korean_with_the_same_values(path):
    for call in _calls(path, {"tr", "Text"}):
        en, ko = (call.args + [k.value for k in call.keywords])[:2]
        at = f"{path.relative_to(ROOT)}:{call.lineno}"
        ko_text = _literal_text(ko)
        assert ko_text is not None, f"{at}: write the Korean sentence there, as a string"
        assert (HANGUL.search(ko_text) or ko_text == _literal_text(en)
                or not re.search("[A-Za-z]{2,}", ko_text)), f"{at}: not Korean: {ko_text!r}"
        assert _fstring_values(en) == _fstring_values(ko), f"{at}: the two fill other values"


def _untranslated(path: Path) -> list:
    """English prose in `path` outside tr(), Text() and message(), docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in {"tr", "Text", "message"}:
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "STATUSES":
            skip.update(id(n) for n in ast.walk(node))  # CheckResult.status: a program reads it
        if isinstance(node, ast.Raise) and getattr(getattr(node.exc, "func", None), "id", "") in {
                "ValueError", "TypeError", "CheckError"} and path.name in ("__init__.py", "predict.py"):
            skip.update(id(n) for n in ast.walk(node))  # a checker's author's mistakes
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or isinstance(node, ast.FormattedValue):
            continue
        text = _literal_text(node)
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
        if text and PROSE.search(text):
            found.append(f"{path.name}:{node.lineno}: {text[:70]!r}")
    return found


@pytest.mark.parametrize("path", TRANSLATED, ids=lambda p: p.stem)
def test_no_untranslated_sentence_in_the_checks(path):
    assert _untranslated(path) == []


WIDGET_MODULES = [p for p in sorted((PACKAGE / "toolkit").glob("*.py")) if p.stem != "reset"]


@pytest.mark.parametrize("path", WIDGET_MODULES, ids=lambda p: p.stem)
def test_widget_labels_are_translated(path):
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in WIDGET_TEXT:
            text = _literal_text(node.value)
            if text and re.search(r"[A-Za-z]{2,}", text):
                found.append(f"{path.name}:{node.value.lineno}: {node.arg}={text!r}")
    assert found == [], "write widget labels as tr(en, ko)"


def test_the_scan_finds_english():
    sample = ROOT / "tests" / "_language_sample.py"
    sample.write_text('"""A docstring is fine."""\nraise Wrong(f"expected {x}, got nothing")\n'
                      'raise Wrong(tr(f"expected {x}", f"기대한 값 {x}"))\nkey = "dapple_price"\n',
                      encoding="utf-8")
    try:
        assert _untranslated(sample) == ["_language_sample.py:2: 'expected {}, got nothing'"]
    finally:
        sample.unlink()


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_every_exercise_speaks_korean(name, korean):
    ex = CHECKS[name]
    pairs = list(ex.hints.values()) if isinstance(ex.hints, dict) else [ex.hints]
    pairs += [a.hints for a in ex.answers.values() if a.hints]
    assert all(HANGUL.search(h.ko) for pair in pairs for h in pair), f"{name}: a hint is not Korean"
    for answer in ex.answers.values():  # a prediction's words, mistakes and nudges
        texts = [answer.what, *answer.mistakes.values()] + ([answer.nudge] if answer.nudge else [])
        assert all(HANGUL.search(t.ko) for t in texts), f"{name}: a prediction's text is not Korean"
    assert ex.todo is None or HANGUL.search(ex.todo.ko), f"{name}: todo is not Korean"
    assert HANGUL.search(str(check(name, None))), name


def test_the_errors_the_notebooks_show_speak_korean(korean):
    with pytest.raises(RuntimeError, match="Relu.forward보다 Relu.backward가 먼저 호출되었습니다"):
        Relu().backward(np.ones(3))
    with pytest.raises(ValueError, match=r"Affine: W의 형상은 \(D, M\), b의 형상은 \(M,\)이어야"):
        Affine(np.ones((4, 3)), np.ones(()))
    with pytest.raises(ValueError, match=r"dout의 형상은 순전파 출력과 같은 \(2, 3\)이어야 하는데 받은 dout의 형상은 \(2, 5\)입니다"):
        layer = Affine(np.ones((4, 3)), np.ones(3))
        layer.forward(np.ones((2, 4)))
        layer.backward(np.ones((2, 5)))
    with pytest.raises(ValueError, match="b2의 형상이 다릅니다"):
        scratchnet.compare_gradients({"b2": np.ones(5)}, {"b2": np.ones(10)})
    with pytest.raises(scratchnet.MnistDataError, match="MNIST 폴더가 없습니다"):
        scratchnet.load_mnist(data_dir="no-such-folder")


def _korean_widgets():
    """Every widget the notebooks show, built in Korean (small data where they train)."""
    from scratchnet import TwoLayerNet, load_mnist
    from scratchnet.toolkit.activations import ActivationExplorer
    from scratchnet.toolkit.affine_shapes import AffineShapeExplorer
    from scratchnet.toolkit.chain_rule import ChainRuleWidget
    from scratchnet.toolkit.digits import DigitInspector
    from scratchnet.toolkit.shopping import ShoppingWidget
    from scratchnet.toolkit.softmax_bars import SoftmaxExplorer
    from scratchnet.toolkit.training_curves import TrainingDashboard
    (x_train, t_train), (x_test, t_test) = load_mnist()
    net = TwoLayerNet(784, 20, 10, rng=0, dtype=np.float32)
    return [ChainRuleWidget(), ShoppingWidget(), ActivationExplorer(), AffineShapeExplorer(),
            SoftmaxExplorer(), DigitInspector(net, x_test[:200], t_test[:200]),
            TrainingDashboard(x_train[:1000], t_train[:1000], x_test[:200], t_test[:200],
                              iters=50, evaluations=2)]


def test_widgets_speak_korean_and_draw_every_glyph(korean):
    """Widget labels are Korean (drawn by the browser); their figures keep English labels, so
    matplotlib never meets a character its bundled DejaVu fonts lack, on any system."""
    import warnings

    import matplotlib
    matplotlib.use("Agg")
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        widgets = _korean_widgets()
        widgets[-1].button.click()  # the dashboard trains and redraws its curves
    for w in widgets:
        text = " ".join(_labels(getattr(w, "widget", None) or w.ui))
        assert HANGUL.search(text), f"{type(w).__name__}: {text!r}"


def _labels(widget) -> list:
    """The descriptions and HTML texts of a widget and everything inside it."""
    import ipywidgets
    found = [getattr(widget, "description", "") or ""]
    if isinstance(widget, (ipywidgets.HTML, ipywidgets.Label)):
        found.append(widget.value)
    for child in getattr(widget, "children", ()):
        found += _labels(child)
    return found


def test_the_gradient_check_table_and_the_training_log_speak_korean(korean, capsys):
    from scratchnet.language import columns
    table = str(scratchnet.compare_gradients({"W1": np.ones(2), "b2": np.ones(1)},
                                             {"W1": np.ones(2), "b2": np.zeros(1)})).splitlines()
    assert table[0].split() == ["매개변수", "형상", "오차", "판정"]
    assert table[1].split()[-1] == "통과" and table[2].split()[-1] == "실패"
    assert "하한" in table[3] and "기준" in table[3] and "실패 (가장 큰 오차: b2)" in table[3]
    # the columns line up as a terminal shows them: each heading over its values
    assert columns(table[0][:table[0].index("형상")]) == table[1].index("(")
    rng = np.random.default_rng(0)
    x, t = rng.random((40, 6)), rng.integers(0, 3, 40)
    scratchnet.train(scratchnet.TwoLayerNet(6, 4, 3, rng=0), x, t, x, t, iters=4, batch_size=20,
                     rng=rng, progress=False, verbose=True)
    log = capsys.readouterr().out.splitlines()
    assert len(log) == 2 and all(line.startswith("반복") for line in log)
    assert all(w in log[0] for w in ("손실", "훈련 정확도", "시험 정확도")), log
