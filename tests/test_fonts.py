"""Hangul in figures on any machine: set_language("ko") gives matplotlib a font with Hangul."""

import subprocess
import sys

DRAW = """
import io, warnings, hashlib
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import scratchnet.toolkit
from scratchnet import set_language

def draw(text):
    fig, ax = plt.subplots()
    ax.set_title(text)
    ax.set_xlabel("x ≤ 0: −1.5, ∂L/∂y")
    buf = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(buf, format="png")
    plt.close(fig)
    missing = sum("missing from font" in str(w.message) for w in caught)
    return missing, hashlib.sha256(buf.getvalue()).hexdigest()

english_missing, english_png = draw("apple price")
set_language("ko")
korean_missing, _ = draw("사과의 개수, 귤, 소비세, 지불 금액")
_, latin_in_korean_png = draw("apple price")
set_language("en")
print(english_missing, korean_missing, latin_in_korean_png == english_png,
      matplotlib.rcParams["font.family"])
"""


def test_korean_figure_text_draws_with_no_missing_glyph_in_a_fresh_process():
    out = subprocess.run([sys.executable, "-c", DRAW], capture_output=True, text=True, check=True)
    english_missing, korean_missing, same_png, family = out.stdout.split(" ", 3)
    assert korean_missing == "0", out.stdout + out.stderr  # DejaVu Sans alone: 13 missing glyphs
    assert english_missing == "0"
    assert same_png == "True"  # Latin text is drawn exactly as in English: DejaVu Sans first
    assert family.strip() == "['sans-serif']"  # back to matplotlib's default with "en"


def test_the_font_comes_from_the_installed_package():
    from scratchnet.toolkit.fonts import hangul_font_file
    path = hangul_font_file()
    assert path is not None and path.name == "NanumGothic.ttf" and path.stat().st_size > 1_000_000
