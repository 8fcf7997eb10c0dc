"""The repository keeps its promises: README commands, CI, dependency lists, no pickle."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands(name="README.md"):
    text = (ROOT / name).read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh)\n(.*?)```", text, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def test_ci_runs_the_readme_test_command():
    test_cmds = [c for c in _readme_commands() if c.endswith("-m pytest")]
    assert len(test_cmds) == 1, f"README should give exactly one test command, found {test_cmds}"
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test_cmds[0] in [line.strip() for line in ci]


def test_readme_has_the_lab_command():
    assert any(c.endswith("jupyter lab notebooks/") for c in _readme_commands())


def test_korean_readme_has_the_same_test_command_and_opens_the_korean_edition():
    def test_command(name):
        return [c for c in _readme_commands(name) if c.endswith("-m pytest")]
    assert test_command("README.ko.md") == test_command("README.md")
    assert any(c.endswith("jupyter lab notebooks/ko/") for c in _readme_commands("README.ko.md"))
    # each README links the other from its first lines
    assert "(README.ko.md)" in "".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:4])
    assert "(README.md)" in "".join((ROOT / "README.ko.md").read_text(encoding="utf-8").splitlines()[:4])


def _names(lines):
    names = set()
    for line in lines:
        line = line.split("#")[0].strip().lstrip("- ").strip()
        if not line or line.startswith("-e") or line in ("pip", "pip:") or line.startswith("python"):
            continue
        names.add(re.split(r"[<>=!~ ]", line)[0].lower())
    return names


def _pins(lines):
    return {re.split(r"[<>=!~ ]", l)[0].lower(): l.replace(" ", "") for l in
            (x.split("#")[0].strip().lstrip("- ").strip() for x in lines)
            if l and not l.startswith(("-e", "pip", "python"))}


def test_requirements_and_environment_agree():
    req = (ROOT / "requirements.txt").read_text().splitlines()
    env = (ROOT / "environment.yml").read_text().splitlines()
    env_deps = env[env.index("dependencies:") + 1:]
    assert _names(req) == _names(env_deps)
    assert _pins(req) == _pins(env_deps)  # the same version bounds too
    assert {"numpy", "matplotlib", "jupyterlab", "ipywidgets", "nbval", "pytest"} <= _names(req)


def test_pyproject_runs_tests_and_notebooks_under_nbval():
    tomllib = pytest.importorskip("tomllib", reason="tomllib needs Python 3.11+")
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())
    opts = conf["tool"]["pytest"]["ini_options"]
    assert opts["testpaths"] == ["tests", "notebooks"]
    for flag in ("--nbval", "--nbval-current-env", "--nbval-sanitize-with"):
        assert flag in opts["addopts"]
    assert "--nbval-lax" not in opts["addopts"]
    assert conf["project"]["requires-python"] == ">=3.10"


@pytest.mark.parametrize("pattern", [r"sys\.path\.(append|insert)", r"import pickle", r"allow_pickle=True",
                                     r"np\.random\.(seed|randn|rand|choice)\("])
def test_no_habits_we_do_not_want_copied(pattern):
    hits = [str(p.relative_to(ROOT)) for d in ("scratchnet", "notebooks")
            for p in (ROOT / d).rglob("*") if p.suffix in (".py", ".ipynb")
            if re.search(pattern, p.read_text(encoding="utf-8"))]
    assert hits == []


def test_the_book_code_does_not_import_the_toolkit():
    """The dependency goes one way: the toolkit (figures, widgets, checks) uses the book's code."""
    import subprocess
    import sys
    code = ("import sys, scratchnet, scratchnet.training, scratchnet.two_layer_net; "
            "print(sorted(m for m in sys.modules if m.startswith('scratchnet.toolkit')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    for path in (ROOT / "scratchnet").glob("*.py"):
        if path.name != "train.py":  # the command line shows the toolkit's progress bar
            assert "toolkit" not in re.sub(r'""".*?"""|#.*', "", path.read_text(encoding="utf-8"),
                                           flags=re.S), path.name


@pytest.mark.parametrize("readme", ["README.md", "README.ko.md"])
def test_readmes_link_the_speed_report_and_the_contributors_guide(readme):
    text = (ROOT / readme).read_text(encoding="utf-8")
    for target in ("benchmarks/README.md", "CONTRIBUTING.md"):
        assert f"]({target})" in text and (ROOT / target).is_file(), (readme, target)


def test_the_korean_readme_has_the_glossary_of_the_english_one():
    def rows(name, heading):
        text = (ROOT / name).read_text(encoding="utf-8")
        block = text[text.index(heading):].split("\n## ")[0]
        return {tuple(sorted(c.strip() for c in line.strip("|").split("|")))
                for line in block.splitlines() if line.startswith("| ") and "---" not in line
                and not line.startswith(("| English", "| 한국어"))}
    english = rows("README.md", "## Glossary")
    assert len(english) > 40 and rows("README.ko.md", "## 용어 대조표") == english
