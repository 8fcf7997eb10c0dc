"""The language of what scratchnet says to a learner: English (the default) or Korean.

Each notebook sets it in its first cell, the English edition to "en", the Korean one
(notebooks/ko/) to "ko":

    from scratchnet import set_language
    set_language("ko")

It chooses the language of the exercise checks (results and hints), of the widgets' labels,
of the errors the book's layers raise, and of the figures' font (scratchnet.toolkit.fonts).

Two ways to write a sentence in both languages:

- `tr(en, ko)` in the toolkit: both sentences side by side, the current one returned
  (`Text(en, ko)` is the same, chosen later: for text made at import time, e.g. a hint);
- `message(template, **values)` in the book's code, whose source the notebooks print: only the
  English template is written there; its Korean version is looked up in `scratchnet/_ko.py`.
"""

from __future__ import annotations

LANGUAGES = ("en", "ko")
_current = "en"
_listeners: list = []  # called with the language after each set_language (the figures' font)


def set_language(language: str) -> None:
    """Speak English ("en", the default) or Korean ("ko") from now on, in this kernel."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"set_language: expected one of {', '.join(map(repr, LANGUAGES))}, "
                         f"got {language!r}")
    _current = language
    for listener in _listeners:
        listener(language)


def on_language_change(listener) -> None:
    """Call listener(language) now and after every set_language (scratchnet.toolkit.fonts
    uses it to give figures a font with Hangul while scratchnet speaks Korean)."""
    _listeners.append(listener)
    listener(_current)


def get_language() -> str:
    """The language scratchnet speaks now: "en" or "ko"."""
    return _current


class Text:
    """A sentence in both languages; str() gives it in the language current at that moment."""

    __slots__ = ("en", "ko")

    def __init__(self, en: str, ko: str):
        self.en, self.ko = en, ko

    def __str__(self) -> str:
        return self.ko if _current == "ko" else self.en

    def __repr__(self) -> str:
        return f"Text({self.en!r}, {self.ko!r})"


def tr(en: str, ko: str) -> str:
    """The English or the Korean sentence, whichever language is current."""
    return ko if _current == "ko" else en


def message(template: str, **values) -> str:
    """`template` filled with `values`, in Korean from scratchnet/_ko.py when that is current.

    The template is the English message itself, e.g.
    message("{layer}.backward was called before {layer}.forward", layer="Relu")."""
    if _current == "ko":
        from ._ko import MESSAGES
        template = MESSAGES.get(template, template)
    return template.format(**values)


def columns(text: str) -> int:
    """How many columns `text` takes in a terminal: a Hangul syllable takes two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, align: str = "<") -> str:
    """`text` padded with spaces to `width` columns (see `columns`); align "<" left, ">" right.

    (Python's f"{text:<8}" counts characters, so a Korean column would come out too wide.)"""
    fill = " " * max(width - columns(text), 0)
    return text + fill if align == "<" else fill + text
