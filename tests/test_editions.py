"""The English notebooks (notebooks/) and the Korean ones (notebooks/ko/) are one series in two
languages: a change made to one edition and not to the other fails here.

Cell by cell, the two editions have
- the same type, id and metadata (slides, tags, exercises), in the same order;
- the same code: the same syntax tree once comments are dropped. A string may differ only by
  being Korean in the Korean edition (a printed sentence, a docstring), with the same {values}
  in an f-string; the language setting reads "en" in one and "ko" in the other;
- the same stored outputs: the same figures (of about the same size, their words in each
  language); text equal, or Korean in the Korean edition with the same numbers in it;
- markdown: Korean prose with the same headings, the same numbers, formulas, code and links.
"""

from __future__ import annotations

import ast
import base64
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from IPython.core.inputtransformer2 import TransformerManager

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
KOREAN = sorted((ROOT / "notebooks" / "ko").glob("[0-9][0-9]_*.ipynb"))
HANGUL = re.compile(r"[\uac00-\ud7a3]")
NUMBER = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?%?", re.I)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
HEADING = re.compile(r"^(#{1,6}) ", re.M)
MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.S)
CODE_SPAN = re.compile(r"`[^`\n]+`")
LINK = re.compile(r"\]\(([^)\s]+)\)|<img [^>]*src=\"([^\"]+)\"")
LANGUAGE_CALL = "set_language"


def _cells(path: Path) -> list:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def _korean(text: str) -> bool:
    return bool(HANGUL.search(text))


def _numbers(text: str) -> Counter:
    return Counter(n.replace(",", "") for n in NUMBER.findall(ANSI.sub("", text)))


# ------------------------------------------------------------------------------------- code


def _tree(source: str) -> ast.AST:
    return ast.parse(TransformerManager().transform_cell(source))


def _same_string(en: str, ko: str, where: str) -> None:
    if en != ko:
        assert _korean(ko) and not _korean(en), (
            f"{where}: the strings differ and the Korean one is not a translation:\n"
            f"  en: {en!r}\n  ko: {ko!r}")


def _same_fstring(en: ast.JoinedStr, ko: ast.JoinedStr, where: str) -> None:
    """A translated f-string may move its {values}, never change them."""
    def values(node):
        return sorted(ast.dump(v) for v in node.values if isinstance(v, ast.FormattedValue))

    def words(node):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))

    assert values(en) == values(ko), f"{where}: the f-string's {{values}} differ"
    _same_string(words(en), words(ko), where)


def _same_tree(en, ko, where: str) -> None:
    """en and ko are the same syntax tree, but for strings translated into Korean."""
    assert type(en) is type(ko), f"{where}: {type(en).__name__} here, {type(ko).__name__} there"
    if isinstance(en, list):
        assert len(en) == len(ko), f"{where}: {len(en)} items here, {len(ko)} there"
        for a, b in zip(en, ko):
            _same_tree(a, b, where)
    elif isinstance(en, ast.JoinedStr):
        _same_fstring(en, ko, f"{where}, line {en.lineno}")
    elif isinstance(en, ast.Call) and getattr(en.func, "id", None) == LANGUAGE_CALL:
        assert ast.literal_eval(en.args[0]) == "en" and ast.literal_eval(ko.args[0]) == "ko", (
            f"{where}: the English edition says set_language(\"en\"), the Korean one \"ko\"")
    elif isinstance(en, ast.Constant) and isinstance(en.value, str):
        assert isinstance(ko.value, str)
        _same_string(en.value, ko.value, f"{where}, line {en.lineno}")
    elif isinstance(en, ast.AST):
        for field in en._fields:
            _same_tree(getattr(en, field), getattr(ko, field), where)
    else:
        assert en == ko, f"{where}: {en!r} here, {ko!r} there"


def same_code(en: str, ko: str, where: str) -> None:
    _same_tree(_tree(en), _tree(ko), where)


# ----------------------------------------------------------------------------------- outputs


def same_text(en: str, ko: str, where: str) -> None:
    """Equal, or the Korean edition's translation of it: Korean, with the same numbers."""
    if en == ko:
        return
    assert _korean(ko), f"{where}: the outputs differ, and not by language:\n{en}\n---\n{ko}"
    assert _numbers(en) == _numbers(ko), (
        f"{where}: the translated output's numbers differ: {sorted(_numbers(en).elements())} "
        f"vs {sorted(_numbers(ko).elements())}")


def _ignored(cell: dict) -> bool:
    """A cell whose output nbval does not compare (a timing): it differs between any two runs."""
    return ("NBVAL_IGNORE_OUTPUT" in _text(cell.get("source", ""))
            or "nbval-ignore-output" in cell.get("metadata", {}).get("tags", []))


def _png_size(data) -> tuple[int, int]:
    """(width, height) of a base64 PNG, from its header."""
    raw = base64.b64decode(_text(data)[:64])
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return int.from_bytes(raw[16:20], "big"), int.from_bytes(raw[20:24], "big")


def same_figure(en, ko, where: str) -> None:
    """The same figure drawn with the words of each language: a PNG of about the same size
    (Korean labels may be a little wider or narrower than the English ones)."""
    (w_en, h_en), (w_ko, h_ko) = _png_size(en), _png_size(ko)
    assert abs(w_ko - w_en) <= 0.25 * w_en and abs(h_ko - h_en) <= 0.25 * h_en, (
        f"{where}: the figures differ in size: {w_en}x{h_en} against {w_ko}x{h_ko}")


FIGURE_REPR = re.compile(r"<Figure size (\d+)x(\d+) with (\d+) Axes>")


def same_figure_repr(en: str, ko: str, where: str) -> None:
    """`<Figure size 965x414 with 1 Axes>`: the same axes, about the same size (a graph's
    figure is sized to its labels, and Korean labels have their own widths)."""
    a, b = FIGURE_REPR.fullmatch(en.strip()), FIGURE_REPR.fullmatch(ko.strip())
    assert b and a.group(3) == b.group(3), f"{where}: not the same figure: {en!r} vs {ko!r}"
    (w_en, h_en), (w_ko, h_ko) = map(int, a.groups()[:2]), map(int, b.groups()[:2])
    assert abs(w_ko - w_en) <= 0.25 * w_en and abs(h_ko - h_en) <= 0.25 * h_en, (
        f"{where}: the figures differ in size: {en!r} vs {ko!r}")


def same_outputs(en: dict, ko: dict, where: str) -> None:
    assert en.get("execution_count") == ko.get("execution_count"), f"{where}: execution counts"
    if _ignored(en):
        return
    a, b = en.get("outputs", []), ko.get("outputs", [])
    assert [o["output_type"] for o in a] == [o["output_type"] for o in b], f"{where}: outputs"
    for i, (x, y) in enumerate(zip(a, b)):
        at = f"{where}, output {i}"
        if x["output_type"] == "stream":
            assert x["name"] == y["name"], at
            same_text(_text(x["text"]), _text(y["text"]), at)
        elif x["output_type"] == "error":
            assert x["ename"] == y["ename"], at
            same_text(x["evalue"], y["evalue"], at)
        else:
            assert sorted(x["data"]) == sorted(y["data"]), f"{at}: different kinds of output"
            for mime, value in x["data"].items():
                if mime.startswith("image/"):
                    same_figure(value, y["data"][mime], at)
                elif mime.startswith("text/"):
                    if FIGURE_REPR.fullmatch(_text(value).strip()):  # a figure's repr: its size
                        same_figure_repr(_text(value), _text(y["data"][mime]), f"{at} ({mime})")
                    else:
                        same_text(_text(value), _text(y["data"][mime]), f"{at} ({mime})")


# ---------------------------------------------------------------------------------- markdown


def same_markdown(en: str, ko: str, where: str) -> None:
    """Korean prose, with the same headings, numbers (1 and 2 aside: "one", "a pair" ...),
    formulas, code and links; a path into the English notebooks or answer key is the Korean
    edition's own (notebooks/ko/, solutions/ko/)."""
    ko_spans = ko.replace("notebooks/ko/", "notebooks/").replace("solutions/ko/", "solutions/")
    if re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", MATH.sub("", CODE_SPAN.sub("", en))):
        assert _korean(ko), f"{where}: not translated into Korean:\n{ko}"
    assert HEADING.findall(en) == HEADING.findall(ko), f"{where}: the headings differ"
    for name, pattern in [("formulas", MATH), ("code", CODE_SPAN), ("links", LINK)]:
        assert Counter(map(str, pattern.findall(en))) == Counter(map(str, pattern.findall(ko_spans))), (
            f"{where}: the {name} differ: {pattern.findall(en)} vs {pattern.findall(ko)}")
    ours_en = set(_numbers(MATH.sub("", en))) - {"1", "2"}
    ours_ko = set(_numbers(MATH.sub("", ko))) - {"1", "2"}
    assert ours_en == ours_ko, f"{where}: the numbers differ: {sorted(ours_en ^ ours_ko)}"


# ------------------------------------------------------------------------------------- tests


def test_every_notebook_has_both_editions():
    assert ENGLISH, "no notebooks found"
    assert [p.name for p in ENGLISH] == [p.name for p in KOREAN]


PAIRS = [pytest.param(en, ROOT / "notebooks" / "ko" / en.name, id=en.stem[:2]) for en in ENGLISH]


@pytest.mark.parametrize("en, ko", PAIRS)
def test_editions_in_step(en, ko):
    a, b = _cells(en), _cells(ko)
    assert [(c["cell_type"], c.get("id")) for c in a] == [(c["cell_type"], c.get("id")) for c in b], \
        "the cells differ in type, id or order"
    for i, (x, y) in enumerate(zip(a, b)):
        where = f"{en.stem} cell {i} ({x.get('id')})"
        meta_x, meta_y = json.loads(json.dumps(x["metadata"])), json.loads(json.dumps(y["metadata"]))
        stub_x = meta_x.get("scratchnet", {}).pop("stub", None)
        stub_y = meta_y.get("scratchnet", {}).pop("stub", None)
        assert meta_x == meta_y, f"{where}: metadata differ"
        if stub_x is not None or stub_y is not None:
            same_code(stub_x, stub_y, f"{where} stub")
        if x["cell_type"] == "code":
            same_code(_text(x["source"]), _text(y["source"]), where)
            same_outputs(x, y, where)
        elif x["cell_type"] == "markdown":
            same_markdown(_text(x["source"]), _text(y["source"]), where)


# ---------------------------------------------------------------- the comparisons can fail


def test_a_code_change_in_one_edition_fails():
    same_code('print("loss", f(x))  # the loss', 'print("loss", f(x))  # 손실', "ok")
    same_code('print(f"{n} apples")', 'print(f"사과 {n}개")', "ok")
    same_code('set_language("en")', 'set_language("ko")', "ok")
    for en, ko in [('print("loss", f(x))', 'print("loss", f(y))'),      # other code
                   ('print("loss", f(x))', 'print("loss:", f(x))'),     # an English string
                   ('print("loss", f(x))', 'print("손실", f(x), 2)'),   # another argument
                   ('print(f"{n} apples")', 'print(f"사과 {n + 1}개")'),  # another value
                   ('set_language("en")', 'set_language("en")')]:      # not set to Korean
        with pytest.raises(AssertionError):
            same_code(en, ko, "x")


def test_an_output_change_in_one_edition_fails():
    same_text("loss 2.30 after 1 epoch", "1 에폭 후 손실 2.30", "ok")
    for en, ko in [("loss 2.30", "손실 2.31"), ("loss 2.30", "loss 2.31"), ("[1 2 3]", "[1 2 4]")]:
        with pytest.raises(AssertionError):
            same_text(en, ko, "x")
    def png(width, height):
        raw = b"\x89PNG\r\n\x1a\n" + (13).to_bytes(4, "big") + b"IHDR" + \
            width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes(8)
        return {"outputs": [{"output_type": "display_data",
                             "data": {"image/png": base64.b64encode(raw).decode()}}]}
    same_outputs(png(800, 400), png(830, 400), "ok")  # Korean labels, a little wider
    same_figure_repr("<Figure size 965x414 with 1 Axes>", "<Figure size 999x414 with 1 Axes>", "ok")
    for other in ("<Figure size 965x414 with 2 Axes>", "<Figure size 400x414 with 1 Axes>", "x"):
        with pytest.raises(AssertionError):
            same_figure_repr("<Figure size 965x414 with 1 Axes>", other, "x")
    for other in (png(400, 400), png(800, 600)):      # another figure
        with pytest.raises(AssertionError):
            same_outputs(png(800, 400), other, "x")
    with pytest.raises(AssertionError):               # a figure in one edition only
        same_outputs(png(800, 400), {"outputs": [{"output_type": "stream", "name": "stdout",
                                                  "text": "x"}]}, "x")


def test_a_markdown_change_in_one_edition_fails():
    en = "## Figure 5-15\nThe gradient is $y - t$, see `backward`, at 1e-7."
    same_markdown(en, "## 그림 5-15\n기울기는 $y - t$입니다. `backward`를 보세요. 1e-7에서.", "ok")
    for ko in ["## 그림 5-16\n기울기는 $y - t$, `backward`, 1e-7.",
               "### 그림 5-15\n기울기는 $y - t$, `backward`, 1e-7.",
               "## 그림 5-15\n기울기는 $t - y$, `backward`, 1e-7.",
               "## 그림 5-15\n기울기는 $y - t$, `forward`, 1e-7.",
               en]:
        with pytest.raises(AssertionError):
            same_markdown(en, ko, "x")
