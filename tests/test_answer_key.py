"""The answer key in solutions/: every exercise has one, and it passes its check.

Each notebook's exercise cells (metadata {"scratchnet": {"exercise": name}}) end with a
`check("name", ...)` line. solutions/<notebook>.md gives, for each exercise, a code block after
a `<!-- solution: name -->` line. Here each notebook runs top to bottom with every exercise
filled in from its solution, and every check must say PASS; the stored notebooks must still
hold the untouched stubs, whose output says "not attempted yet" and gives no hint.

The same run measures every figure the notebook shows, for the lecture hall: no text smaller
than 10 pt on screen (13.3 CSS px) in JupyterLab's Presentation Mode at 1280x720, where a figure
wider than the output area (OUTPUT_WIDTH_PX, checked by tests/browser/notebook_check.py) is
shrunk to fit, and its text with it.
"""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from scratchnet.toolkit.exercises import CHECKS
from scratchnet.toolkit.reset import exercise_cells

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS = ROOT / "solutions"
OUTPUT_WIDTH_PX = 1060  # an output's width in Presentation Mode at 1280x720 (1064 measured)
MIN_TEXT_PX = 10 * 96 / 72  # 10 pt on screen
CHECK_LINE = re.compile(r"""^check\(["'](\w+)["'], .+\)$""")
SOLUTION = re.compile(r"<!-- solution: (\w+) -->\s*```python\n(.*?)```", re.S)

# Run first in the kernel (never stored): wraps the PNG formatter of matplotlib figures to
# record the smallest text of each figure shown and the figure's width in pixels.
MEASURE = '''
get_ipython().run_line_magic("matplotlib", "inline")  # what the first plot would do: registers the printer
from matplotlib.figure import Figure as _Figure
from matplotlib.text import Text as _Text
_formatter = get_ipython().display_formatter.formatters["image/png"]
_png = _formatter.lookup_by_type(_Figure)
_figures = []
def _measured_png(fig, *args, **kwargs):
    out = _png(fig, *args, **kwargs)
    texts = [t for t in fig.findobj(_Text) if t.get_visible() and t.get_text().strip()]
    small = min(texts, key=lambda t: t.get_fontsize(), default=None)
    import base64, struct
    raw = base64.b64decode(out) if isinstance(out, str) else out
    width = struct.unpack(">I", raw[16:20])[0]
    _figures.append({"width_px": width,
                     "min_text_px": None if small is None else small.get_fontsize() * fig.dpi / 72,
                     "min_text": None if small is None else small.get_text()[:30]})
    return out
_formatter.for_type(_Figure, _measured_png)
'''
REPORT = "import json; print(json.dumps(_figures))"


def _key(notebook: Path) -> Path:
    """The answer key of a notebook: solutions/ for the English edition, solutions/ko/ for the
    Korean one."""
    return SOLUTIONS / ("ko" if notebook.parent.name == "ko" else "") / (notebook.stem + ".md")


def solutions(notebook: Path) -> dict:
    path = _key(notebook)
    if not path.exists():
        return {}
    return dict(SOLUTION.findall(path.read_text(encoding="utf-8")))


def _exercises(notebook: Path) -> list:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return [(c, c["metadata"]["scratchnet"]["exercise"]) for c in exercise_cells(nb)]


def _check_line(cell) -> str:
    src = "".join(cell["source"]).rstrip()
    return src.splitlines()[-1] if src else ""


def test_every_registered_exercise_is_in_one_notebook_with_a_solution():
    where = {}
    for notebook in NOTEBOOKS:
        for _, name in _exercises(notebook):
            assert name not in where, f"exercise {name} is in {where.get(name)} and {notebook.name}"
            where[name] = notebook.name
    assert sorted(where) == sorted(CHECKS), "every registered check has exactly one exercise cell"
    for notebook in NOTEBOOKS:
        names = [name for _, name in _exercises(notebook)]
        sols = solutions(notebook)
        assert sorted(sols) == sorted(names), f"solutions/{notebook.stem}.md vs its exercises"


# what an untouched stub says, and the word for a hint, in each edition
NOT_ATTEMPTED = {"notebooks": ("not attempted yet.", "hint"), "ko": ("아직 시도하지 않았습니다.", "힌트")}
BOTH_EDITIONS = NOTEBOOKS + sorted((ROOT / "notebooks" / "ko").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("notebook", BOTH_EDITIONS,
                         ids=lambda p: ("ko-" if p.parent.name == "ko" else "") + p.stem[:2])
def test_stored_notebook_keeps_the_stubs(notebook):
    untouched, hint = NOT_ATTEMPTED[notebook.parent.name]
    exercises = _exercises(notebook)
    assert exercises, f"{notebook.name} has no exercise"
    for cell, name in exercises:
        src = "".join(cell["source"])
        assert src == cell["metadata"]["scratchnet"].get("stub"), \
            f"{notebook.name}, {name}: the stored cell is not its stub (solved by mistake?)"
        match = CHECK_LINE.match(_check_line(cell))
        assert match and match.group(1) == name, f"{name}: the cell should end with check({name!r}, ...)"
        texts = ["".join(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", ""))
                 for o in cell["outputs"]]
        assert len(texts) == 1 and texts[0].startswith(f"{name}: {untouched}"), texts
        assert hint not in texts[0].lower(), f"{name}: a hint before any attempt"


def _run_with_solutions(notebook: Path):
    nb = nbformat.read(notebook, as_version=4)
    sols = solutions(notebook)
    for cell in nb.cells:
        name = cell.metadata.get("scratchnet", {}).get("exercise")
        if name:
            cell.source = sols[name].rstrip() + "\n\n" + _check_line(cell)
    nb.cells.insert(0, nbformat.v4.new_code_cell(MEASURE))
    nb.cells.append(nbformat.v4.new_code_cell(REPORT))
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # the kernel inherits it
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(notebook.parent)}}).execute()
    return nb


def _text(cell) -> str:
    return "".join("".join(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", ""))
                   for o in cell.outputs)


@pytest.fixture(scope="module")
def solved():
    """Every notebook of both editions run with its answer key, one kernel at a time (two
    kernels started from two threads once hung a run for minutes, waiting on a lost reply)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        futures = {nb: pool.submit(_run_with_solutions, nb) for nb in BOTH_EDITIONS}
    return futures


PASS = {"notebooks": "PASS", "ko": "통과"}


@pytest.mark.parametrize("notebook", BOTH_EDITIONS,
                         ids=lambda p: ("ko-" if p.parent.name == "ko" else "") + p.stem[:2])
def test_answer_key_passes_and_figures_are_legible(notebook, solved):
    nb = solved[notebook].result()  # raises here if the notebook failed to run
    for cell in nb.cells:
        name = cell.metadata.get("scratchnet", {}).get("exercise")
        if name:
            assert _text(cell).startswith(f"{name}: {PASS[notebook.parent.name]}"), \
                f"{notebook.name}, {name}: {_text(cell)}"
    figures = json.loads(_text(nb.cells[-1]))
    assert figures, f"{notebook.name} shows no figure"
    for i, fig in enumerate(figures):
        if fig["min_text_px"] is None:
            continue
        on_screen = fig["min_text_px"] * min(1.0, OUTPUT_WIDTH_PX / fig["width_px"])
        assert on_screen >= MIN_TEXT_PX - 1e-9, (
            f"{notebook.name}, figure {i + 1} ({fig['width_px']} px wide): its text "
            f"{fig['min_text']!r} is {on_screen * 0.75:.1f} pt on screen, under 10 pt")


KOREAN_KEYS = sorted((SOLUTIONS / "ko").glob("[0-9][0-9]_*.md"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem[:2])
def test_the_korean_answer_key_is_the_english_one_in_korean(notebook):
    """solutions/ko/ has every notebook's key: the same solutions, whose code differs only in
    comments and Korean strings (as the two editions' notebooks), with Korean prose."""
    from .test_editions import same_code
    korean = notebook.parent / "ko" / notebook.name
    key = _key(korean)
    assert key.is_file(), f"{key.relative_to(ROOT)} is missing"
    en, ko = solutions(notebook), solutions(korean)
    assert sorted(ko) == sorted(en), f"{key.name}: other exercises than the English key"
    for name in en:
        same_code(en[name], ko[name], f"{key.name}, {name}")
    prose = SOLUTION.sub("", key.read_text(encoding="utf-8"))
    assert len(re.findall(r"[\uac00-\ud7a3]", prose)) > 0.3 * len(re.findall(r"[A-Za-z]", prose)), \
        f"{key.name}: the prose is not Korean"


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks" / "ko").glob("[0-9][0-9]_*.ipynb")),
                         ids=lambda p: p.stem[:2])
def test_every_korean_notebook_points_to_its_korean_answer_key(notebook):
    text = notebook.read_text(encoding="utf-8")
    assert f"solutions/ko/{notebook.stem}.md" in text, f"{notebook.name} does not name its key"
