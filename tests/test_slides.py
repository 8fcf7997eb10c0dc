"""Slide structure for teachers: a slide per `##` section, fragments for the reveals.

RISE and `jupyter nbconvert --to slides` read `metadata.slideshow.slide_type`; JupyterLab's
Presentation Mode ignores it and shows the notebook as it is (see README, "Teaching with these
notebooks").
"""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _slide_type(cell):
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")


def _source(cell):
    return "".join(cell["source"])


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem[:2])
def test_a_slide_per_section_and_fragments_for_reveals(notebook):
    cells = _cells(notebook)
    assert _source(cells[0]).startswith("# ") and _slide_type(cells[0]) == "slide", "the title cell"
    for i, cell in enumerate(cells):
        kind = _slide_type(cell)
        assert kind in TYPES, f"cell {i}: unknown slide_type {kind!r}"
        heading = cell["cell_type"] == "markdown" and _source(cell).startswith("## ")
        assert heading == (kind == "slide") or i == 0, \
            f"cell {i} ({_source(cell)[:40]!r}): a `##` section starts a slide, and only it does"
    fragments = [i for i, c in enumerate(cells) if _slide_type(c) == "fragment"]
    assert fragments, f"{notebook.name}: no fragment (the reveal after a prediction)"
    for i in fragments:
        before = [c for c in cells[:i] if c["cell_type"] == "code"]
        assert before and "exercise" in before[-1].get("metadata", {}).get("scratchnet", {}), \
            f"cell {i}: a fragment reveals what the exercise cell just before it asked for"
