"""Time `python -m scratchnet.train` against the book's loop and PyTorch, as whole processes.

    .venv/bin/python benchmarks/run.py                 # 3 rounds of a, b, c (about 3 minutes)
    .venv/bin/python benchmarks/run.py --iters 200     # smoke run: quick, ratios meaningless
    .venv/bin/python benchmarks/run.py --only a,b --repeats 5 --json /tmp/bench.json

Programs (each run is a fresh subprocess, started from the repository root):
  a  python -m scratchnet.train            the package's command line, defaults
  b  python benchmarks/book_loop.py        the book's chapter-5 loop, run as a learner would
  c  python benchmarks/torch_loop.py       the same network in PyTorch on the CPU (if installed)
Rounds alternate a, b, c, a, b, c, ... so that a slow spell on the machine hits all of them.
Wall time is time.perf_counter() around the process; peak memory is the child's own max RSS
from os.wait4; test accuracy is parsed from each program's last line `test accuracy: 0.xxxx`.
Goals (issue 5), meaningful only at the default 10000 iterations:
  a/b <= 0.25, a/c <= 0.40 (median wall times), a's test accuracy >= 0.97, a's peak RSS < 350 MiB.
This file imports neither numpy nor torch: the parent's own memory would leak into the
children's max RSS (a forked child starts with it), so it is kept small and reported.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_ITERS = 10_000
GOAL_VS_BOOK, GOAL_VS_TORCH = 0.25, 0.40
GOAL_ACC, GOAL_RSS_MIB = 0.97, 350
BUSY_PCT = 10  # others % above which the report warns that the timings are disturbed
THREAD_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
              "OPENBLAS_CORETYPE", "NUMEXPR_NUM_THREADS")
ACC_RE = re.compile(r"^test accuracy: ([0-9.]+)\s*$")
PROGRAMS = {  # key -> (label, command after the python executable)
    "a": ("scratchnet.train", ["-m", "scratchnet.train"]),
    "b": ("book loop", [str(HERE / "book_loop.py")]),
    "c": ("pytorch cpu", [str(HERE / "torch_loop.py")]),
}


def busy_cpu_s() -> float | None:
    """CPU seconds spent by the whole machine since boot, all cores, idle excluded (/proc/stat)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run_once(cmd: list[str]) -> dict:
    """Run cmd to the end; return wall seconds, the child's max RSS (MiB), exit code, output,
    and others_cpu_s: CPU time the rest of the machine used meanwhile (0 on a quiet machine)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        busy_before = busy_cpu_s()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not a running max
        wall = time.perf_counter() - start
        busy_after = busy_cpu_s()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait again
        out.seek(0), err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    lines = stdout.strip().splitlines()
    match = ACC_RE.match(lines[-1]) if lines else None
    child_cpu = usage.ru_utime + usage.ru_stime
    others = None if busy_before is None else max(busy_after - busy_before - child_cpu, 0.0)
    return {"wall_s": wall, "peak_rss_mib": usage.ru_maxrss / 1024,  # Linux: KiB
            "user_s": usage.ru_utime, "sys_s": usage.ru_stime, "others_cpu_s": others,
            "returncode": proc.returncode,
            "test_acc": float(match.group(1)) if match else None,
            "stdout_tail": lines[-3:], "stderr_tail": stderr.strip().splitlines()[-5:]}


def wait_for_quiet(max_wait_s: float, sample_s: float = 2.0) -> tuple[float, bool]:
    """Wait (at most max_wait_s) until the machine uses under BUSY_PCT % of a core for sample_s.

    Returns (seconds waited, quiet at the end). We sleep meanwhile: all busy time is others'.
    """
    start = time.perf_counter()
    while time.perf_counter() - start < max_wait_s:
        before = busy_cpu_s()
        time.sleep(sample_s)
        after = busy_cpu_s()
        if before is None or 100 * (after - before) / sample_s < BUSY_PCT:
            return time.perf_counter() - start, True
    return time.perf_counter() - start, False


def version(pkg: str) -> str | None:
    try:
        return importlib.metadata.version(pkg)
    except importlib.metadata.PackageNotFoundError:
        return None


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def numpy_blas() -> str:
    """numpy's BLAS as its build reports it, asked in a child so this process stays small."""
    code = ("import numpy as np; b = np.show_config(mode='dicts')['Build Dependencies']['blas'];"
            "print(b.get('name'), b.get('version'))")
    try:
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60)
        return res.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def git_head() -> str:
    try:
        res = subprocess.run(["git", "log", "-1", "--format=%h %cd", "--date=format:%H:%M"],
                             cwd=ROOT, capture_output=True, text=True, timeout=10)
        return res.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def machine_info() -> dict:
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(), "cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)),
        "python": platform.python_version(), "numpy": version("numpy"), "blas": numpy_blas(),
        "torch": version("torch"), "git_head": git_head(),
        "thread_env": {k: os.environ[k] for k in THREAD_ENV if k in os.environ},
        "loadavg_start": os.getloadavg(),
    }


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--repeats", type=int, default=3, help="rounds of a, b, c (default 3)")
    p.add_argument("--only", default="a,b,c", help="programs to run, e.g. a,b (default a,b,c)")
    p.add_argument("--iters", type=int, default=None,
                   help="pass --iters N to every program: a quick smoke run (ratios meaningless)")
    p.add_argument("--json", type=Path, default=None, help="also save all results to this file")
    p.add_argument("--check", action="store_true", help="exit 1 when a goal fails")
    p.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                   help="before each run, wait up to SECONDS for other processes to go idle "
                        "(for a shared machine; default 0: no waiting)")
    args = p.parse_args(argv)
    args.only = [k.strip() for k in args.only.split(",") if k.strip()]
    bad = [k for k in args.only if k not in PROGRAMS]
    if bad or not args.only:
        p.error(f"--only takes a comma-separated subset of a,b,c, got {bad or 'nothing'}")
    if args.repeats < 1:
        p.error(f"--repeats must be at least 1, got {args.repeats}")
    if args.iters is not None and args.iters < 1:
        p.error(f"--iters must be at least 1, got {args.iters}")
    return args


def summarize(runs: list[dict]) -> dict | None:
    ok = [r for r in runs if r["returncode"] == 0]
    if not ok:
        return None
    walls = [r["wall_s"] for r in ok]
    accs = [r["test_acc"] for r in ok if r["test_acc"] is not None]
    return {"runs": len(ok), "failed": len(runs) - len(ok), "median_s": statistics.median(walls),
            "min_s": min(walls), "max_s": max(walls),
            "test_acc": statistics.median(accs) if accs else None,
            "test_acc_min": min(accs, default=None), "test_acc_max": max(accs, default=None),
            "peak_rss_mib": max(r["peak_rss_mib"] for r in ok),
            "cpu_s": statistics.median(r["user_s"] + r["sys_s"] for r in ok),
            "others_pct": max(others_pct(r) for r in ok)}


def others_pct(run: dict) -> float:
    """CPU the rest of the machine used during a run, in % of one core."""
    return 100 * (run["others_cpu_s"] or 0.0) / run["wall_s"]


def torch_threads(runs: list[dict]) -> str | None:
    for r in runs:
        for line in r["stdout_tail"]:
            m = re.search(r"threads (\d+) \(interop (\d+)\)", line)
            if m:
                return f"{m.group(1)} (interop {m.group(2)})"
    return None


def goal_lines(summary: dict, full: bool) -> list[tuple[str, bool | None, str]]:
    """(description, passed or None when it cannot be judged, value) per goal."""
    a, b, c = summary.get("a"), summary.get("b"), summary.get("c")
    goals = []
    if a and b:
        r, rmin = a["median_s"] / b["median_s"], a["min_s"] / b["min_s"]
        goals.append((f"a/b  scratchnet / book loop  <= {GOAL_VS_BOOK}", r <= GOAL_VS_BOOK,
                      f"{r:.3f} (of mins {rmin:.3f})"))
    if a and c:
        r, rmin = a["median_s"] / c["median_s"], a["min_s"] / c["min_s"]
        goals.append((f"a/c  scratchnet / pytorch    <= {GOAL_VS_TORCH}", r <= GOAL_VS_TORCH,
                      f"{r:.3f} (of mins {rmin:.3f})"))
    if a:
        acc = a["test_acc_min"]
        goals.append((f"a test accuracy (worst run)  >= {GOAL_ACC}",
                      None if acc is None else acc >= GOAL_ACC,
                      "-" if acc is None else f"{acc:.4f}"))
        goals.append((f"a peak RSS                   <  {GOAL_RSS_MIB} MiB",
                      a["peak_rss_mib"] < GOAL_RSS_MIB, f"{a['peak_rss_mib']:.0f} MiB"))
    if not full:
        goals = [(d, None, v) for d, _, v in goals]
    return goals


def print_report(info: dict, summary: dict, goals, full: bool, iters: int) -> None:
    print()
    print(f"date {info['date']}   git {info['git_head']}")
    print(f"cpu  {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
          f"load avg {info['loadavg_start'][0]:.2f} at start, {info['loadavg_end'][0]:.2f} at end")
    print(f"python {info['python']}   numpy {info['numpy']} ({info['blas']})   "
          f"torch {info['torch'] or 'not installed'}"
          + (f", threads {info['torch_threads']}" if info.get("torch_threads") else ""))
    env = ", ".join(f"{k}={v}" for k, v in info["thread_env"].items()) or "none set"
    print(f"BLAS thread env: {env}")
    print(f"launcher: parent max RSS {info['parent_rss_mib']:.0f} MiB; a bare `python -c pass` "
          f"child measures {info['bare_child_rss_mib']:.0f} MiB (the floor of every RSS below)")
    print(f"iterations: {iters}" + ("" if full else "   (smoke run: ratios and goals not judged)"))
    print()
    header = f"{'program':<20}{'runs':>5}{'median s':>10}{'min s':>8}{'max s':>8}{'cpu s':>8}" \
             f"{'test acc':>10}{'peak RSS MiB':>14}{'others %':>10}"
    print(header)
    print("-" * len(header))
    for key, s in summary.items():
        label = f"{key} {PROGRAMS[key][0]}"
        if s is None:
            print(f"{label:<20}  all runs failed")
            continue
        acc = "-" if s["test_acc"] is None else f"{s['test_acc']:.4f}"
        if s["test_acc"] is not None and s["test_acc_min"] != s["test_acc_max"]:
            acc += "*"
        print(f"{label:<20}{s['runs']:>5}{s['median_s']:>10.2f}{s['min_s']:>8.2f}{s['max_s']:>8.2f}"
              f"{s['cpu_s']:>8.1f}{acc:>10}{s['peak_rss_mib']:>14.0f}{s['others_pct']:>10.0f}")
    if any(s and s["test_acc_min"] != s["test_acc_max"] for s in summary.values()):
        print("* median of runs whose accuracies differ")
    print("cpu s: the child's user + sys time (median); others %: CPU that other processes used "
          "during the runs, in % of one core (worst run)")
    busiest = max((s["others_pct"] for s in summary.values() if s), default=0.0)
    if busiest > BUSY_PCT:
        print(f"WARNING: the machine was busy (other processes took up to {busiest:.0f}% of a core "
              "during a run): the times are inflated, most for programs that run two threads "
              "(BLAS, torch); rerun when it is quiet")
    if goals:
        print()
        print("ratios: of the median wall times (judged), "
              "and of the fastest runs (for a noisy machine)")
        for desc, passed, value in goals:
            verdict = "-" if passed is None else ("PASS" if passed else "FAIL")
            print(f"{desc:<45}{value:>24}  {verdict}")


def main(argv=None) -> int:
    args = parse_args(argv)
    iters = args.iters if args.iters is not None else DEFAULT_ITERS
    full = iters == DEFAULT_ITERS
    keys = list(args.only)
    if "c" in keys and importlib.util.find_spec("torch") is None:
        print("c skipped: torch is not installed (pip install torch, CPU build)")
        keys.remove("c")
    if not keys:
        return 1
    info = machine_info()
    info["bare_child_rss_mib"] = run_once([sys.executable, "-c", "pass"])["peak_rss_mib"]
    extra = [] if args.iters is None else ["--iters", str(args.iters)]
    runs = {k: [] for k in keys}
    total = args.repeats * len(keys)
    n = 0
    for _ in range(args.repeats):
        for key in keys:
            n += 1
            if args.wait_quiet > 0:
                waited, quiet = wait_for_quiet(args.wait_quiet)
                if not quiet:
                    print(f"    still busy after {waited:.0f} s: running anyway", flush=True)
                elif waited > 2.5:
                    print(f"    waited {waited:.0f} s for the machine to go quiet", flush=True)
            r = run_once([sys.executable, *PROGRAMS[key][1], *extra])
            runs[key].append(r)
            acc = "-" if r["test_acc"] is None else f"{r['test_acc']:.4f}"
            print(f"[{n}/{total}] {key} {PROGRAMS[key][0]:<17}{r['wall_s']:7.2f} s  acc {acc}  "
                  f"peak RSS {r['peak_rss_mib']:.0f} MiB  others {others_pct(r):.0f}%", flush=True)
            if r["returncode"] != 0:
                print(f"    exit code {r['returncode']}; stderr:", *r["stderr_tail"], sep="\n    ")
    info["loadavg_end"] = os.getloadavg()
    info["parent_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    info["torch_threads"] = torch_threads(runs.get("c", []))
    summary = {k: summarize(v) for k, v in runs.items()}
    goals = goal_lines(summary, full)
    print_report(info, summary, goals, full, iters)
    if args.json:
        args.json.write_text(json.dumps({
            "machine": info, "iters": iters, "repeats": args.repeats, "runs": runs,
            "summary": summary,
            "goals": [{"goal": d, "passed": p, "value": v} for d, p, v in goals]}, indent=2) + "\n")
        print(f"\nsaved {args.json}")
    failed = any(r["returncode"] != 0 for rs in runs.values() for r in rs)
    missed = args.check and any(p is False for _, p, _ in goals)
    return 1 if failed or missed else 0


if __name__ == "__main__":
    sys.exit(main())
