"""What learners read: no mention of the study notes the series was built from, and no path of
the machine a notebook was stored on (tracebacks and prints in stored outputs)."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTES = re.compile(r"seed notes?|source notes?|study notes?|\bthe notes\b|\bnotes'|\bone of the notes\b",
                   re.I)
ABSOLUTE = re.compile(r"(?<![\w.])/(work|tmp|root|home|Users|opt|usr)/[\w.-]+|[A-Za-z]:\\\\?[\w.-]+\\")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _notebook_text(path: Path) -> tuple[str, str]:
    """(sources, outputs) of a notebook as plain text."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sources = "\n".join("".join(c["source"]) for c in cells)
    outputs = []
    for c in cells:
        for o in c.get("outputs", []):
            outputs.append("".join(o.get("text", "")))
            outputs.extend(o.get("traceback", []))
            outputs.extend("".join(v) for k, v in o.get("data", {}).items() if k.startswith("text/"))
    return sources, ANSI.sub("", "\n".join(outputs))


LEARNER_FILES = sorted(ROOT.glob("notebooks/**/*.ipynb")) + sorted(ROOT.glob("README*.md")) + \
    [ROOT / "data" / "README.md", ROOT / "benchmarks" / "README.md", ROOT / "CONTRIBUTING.md"] + sorted(ROOT.glob("scratchnet/**/*.py")) + \
    sorted(ROOT.glob("benchmarks/*.py"))


@pytest.mark.parametrize("path", LEARNER_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_mention_of_the_study_notes(path):
    if path.suffix == ".ipynb":
        text = "\n".join(_notebook_text(path))
    else:
        text = path.read_text(encoding="utf-8")
    assert NOTES.findall(text) == []


@pytest.mark.parametrize("path", sorted(ROOT.glob("notebooks/**/*.ipynb")), ids=lambda p: p.name)
def test_stored_outputs_carry_no_absolute_path(path):
    _, outputs = _notebook_text(path)
    assert ABSOLUTE.findall(outputs) == [], "store with .ci/store-notebook-outputs (paths made relative)"


def test_the_checks_can_fail():
    assert NOTES.search("as one of the notes printed")
    assert NOTES.search("The seed notes call it")
    assert ABSOLUTE.search('File /work/main/scratchnet/layers.py:40, in Affine.forward')
    assert ABSOLUTE.search(r"C:\Users\kim\scratchnet\layers.py")
    assert not ABSOLUTE.search("File scratchnet/layers.py:40 and site-packages/numpy/core.py")
