"""Get the fresh exercise stubs back into a notebook, keeping every other cell as you left it.

    python -m scratchnet.toolkit.reset notebooks/03_activation_layers.ipynb           # all its exercises
    python -m scratchnet.toolkit.reset notebooks/03_activation_layers.ipynb relu_layer  # just one

Close the notebook in JupyterLab first (or, after resetting, use File > Reload Notebook from
Disk), or JupyterLab will save its open copy over the reset one.

Each exercise cell carries its stub in its metadata, `{"scratchnet": {"exercise": name,
"stub": source}}`; resetting copies the stub back into the cell and clears the cell's output.
`--record` does the opposite, for authors: it stores each exercise cell's current source as its
stub (.ci/store-notebook-outputs runs it before storing a notebook).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def exercise_cells(nb: dict) -> list:
    """The notebook's exercise cells, in order: code cells whose metadata names an exercise."""
    return [c for c in nb["cells"] if c["cell_type"] == "code"
            and "exercise" in c.get("metadata", {}).get("scratchnet", {})]


def _source(cell) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def _load(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise SystemExit(f"reset: no notebook at {path}") from None
    except json.JSONDecodeError as e:
        raise SystemExit(f"reset: {path} is not a notebook file (JSON error: {e})") from None


def _save(path: Path, nb: dict) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(nb, f, ensure_ascii=False, indent=1)
        f.write("\n")


def reset(path, names=(), record: bool = False) -> list:
    """Put the stubs back (or, with record=True, store the sources as stubs); returns the names."""
    path = Path(path)
    nb = _load(path)
    cells = exercise_cells(nb)
    known = [c["metadata"]["scratchnet"]["exercise"] for c in cells]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"reset: {path.name} has no exercise {', '.join(unknown)}; "
                         f"its exercises: {', '.join(known) or 'none'}")
    done = []
    for cell, name in zip(cells, known):
        if names and name not in names:
            continue
        meta = cell["metadata"]["scratchnet"]
        if record:
            meta["stub"] = _source(cell)
        else:
            if "stub" not in meta:
                raise SystemExit(f"reset: the cell of exercise {name} in {path.name} keeps no stub")
            cell["source"] = meta["stub"]
            cell["outputs"] = []
            cell["execution_count"] = None
        done.append(name)
    _save(path, nb)
    return done


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scratchnet.toolkit.reset",
                                     description="Put a notebook's exercise stubs back.")
    parser.add_argument("notebook", type=Path)
    parser.add_argument("exercises", nargs="*", help="only these exercises (default: all)")
    parser.add_argument("--record", action="store_true",
                        help="for authors: store each exercise cell's source as its stub")
    args = parser.parse_args(argv)
    done = reset(args.notebook, args.exercises, record=args.record)
    verb = "recorded the stubs of" if args.record else "reset"
    print(f"{args.notebook.name}: {verb} {len(done)} exercise cell(s): {', '.join(done) or 'none'}")


if __name__ == "__main__":
    main(sys.argv[1:])
