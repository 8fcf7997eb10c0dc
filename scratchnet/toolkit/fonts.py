"""The figures' font: Hangul in the Korean edition, on any machine, with no download.

matplotlib's own font, DejaVu Sans, has no Hangul: a label such as 사과의 개수 would be drawn as
boxes, with a "Glyph ... missing from font(s) DejaVu Sans" warning per character. The package
koreanize-matplotlib (in requirements.txt) ships NanumGothic (SIL Open Font License 1.1) inside
its wheel; this module adds that file to matplotlib and, while scratchnet speaks Korean, makes
the font family DejaVu Sans then NanumGothic: Latin letters, digits and symbols keep DejaVu
Sans (a figure without Hangul is drawn exactly as in English), Hangul comes from NanumGothic.
It uses the font file only: importing koreanize_matplotlib itself would switch every figure to
NanumGothic, and it needs distutils, which Python 3.12 no longer has.

`set_language` calls `use_language_font` (scratchnet.toolkit registers it), so a learner's own
plt figures get Hangul too.
"""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

import matplotlib
from matplotlib import font_manager

from ..language import on_language_change

LATIN = "DejaVu Sans"  # matplotlib's default family
HANGUL = "NanumGothic"
_added: list = []  # the Hangul font file, once added to matplotlib


def hangul_font_file() -> Path | None:
    """NanumGothic.ttf from the installed koreanize-matplotlib, or None if it is not installed."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "fonts" / "NanumGothic.ttf"
    return path if path.is_file() else None


def use_language_font(language: str) -> None:
    """Korean: DejaVu Sans, then NanumGothic for Hangul. English: matplotlib's default."""
    if language != "ko":
        matplotlib.rcParams["font.family"] = matplotlib.rcParamsDefault["font.family"]
        return
    if not _added:
        path = hangul_font_file()
        if path is None:
            warnings.warn("Korean text in figures needs the package koreanize-matplotlib "
                          "(pip install -r requirements.txt); without it Hangul is drawn as boxes",
                          stacklevel=3)
            return
        # bold text (headings, the confusion matrix's diagonal): NanumGothicBold.ttf says weight 600,
        # ExtraBold says 700, the weight matplotlib asks for "bold" (else it logs "Failed to find
        # font weight bold" into the notebook's output)
        for file in (path, path.with_name("NanumGothicExtraBold.ttf")):
            if file.is_file():
                font_manager.fontManager.addfont(str(file))
                _added.append(file)
    matplotlib.rcParams["font.family"] = [LATIN, HANGUL]


on_language_change(use_language_font)
