"""The browser check catches what it is meant to: run on a notebook broken on purpose.

The notebook is written into the session server's temporary folder (never into notebooks/).
Each of its cells breaks in one way that only the browser shows, or that Run All hits.
"""

from __future__ import annotations

import nbformat
import pytest

from .notebook_check import check_notebook

pytestmark = pytest.mark.browser

BROKEN_CELLS = [
    "import ipywidgets as widgets\nfrom IPython.display import display",
    # a callback that raises inside an Output widget: the error shows in the widget
    "out = widgets.Output()\n"
    "s1 = widgets.IntSlider(description='raises in out')\n"
    "def bad(change):\n"
    "    with out:\n"
    "        raise ValueError(f'bad value {change[\"new\"]}')\n"
    "s1.observe(bad, names='value')\n"
    "display(widgets.VBox([s1, out]))",
    # a callback that raises outside any Output: the error goes to the Log Console
    "s2 = widgets.IntSlider(description='raises bare')\n"
    "def bad2(change):\n"
    "    raise KeyError('uncaught in a callback')\n"
    "s2.observe(bad2, names='value')\n"
    "s2",
    # a slider that drives nothing
    "widgets.IntSlider(description='drives nothing')",
    # a widget view whose model the page cannot find
    "display({'application/vnd.jupyter.widget-view+json':"
    " {'model_id': 'no-such-model', 'version_major': 2, 'version_minor': 0}}, raw=True)",
    # an expected error (tagged) and then an unexpected one, which stops Run All
    "1 / 0",
    "undefined_name",
    "print('never runs')",
]


def broken_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src in BROKEN_CELLS]
    nb.cells[5].metadata["tags"] = ["raises-exception"]
    return nb


def test_check_finds_every_breakage(browser, lab, page, screenshots):
    name = "zz_broken_on_purpose.ipynb"
    nbformat.write(broken_notebook(), lab.root / name)
    report = check_notebook(page, lab, name, screenshots)
    found = "\n".join(report.problems)
    print("\n".join(report.log + report.problems))
    expected = {
        "the unexpected cell error": "cell 6 ('undefined_name'): NameError",
        "the cell Run All never reached": "1 code cell(s) did not run, from cell 7 on",
        "the error inside a widget": "error inside a widget: ",
        "the error in the Log Console": "Log Console has",
        "the slider that drives nothing": "slider 'drives nothing' moved",
        "the widget that is not drawn": "cell 4: 1 widget(s) displayed, 0 drawn",
    }
    missed = [what for what, text in expected.items() if text not in found]
    assert not missed, f"the check missed {missed}; it found:\n{found}"
    assert "ZeroDivisionError" not in found  # the raises-exception cell is allowed its error
