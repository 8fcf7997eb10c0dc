"""Start and stop a JupyterLab server for the browser tests, and talk to its REST API.

The server listens on 127.0.0.1 on a free port with a random token. Its configuration,
data, runtime, settings and workspace folders are temporary, so nothing of the user's
JupyterLab setup leaks in (no news popup, no restored workspace) and nothing is written
to the user's home.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# User settings that keep the page quiet and the same on every machine.
LAB_SETTINGS = {
    # no "Would you like to receive official Jupyter news?" toast, no update check
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jupyter_command() -> list[str]:
    """`jupyter` of the environment running the tests (the venv's, as in the README)."""
    script = Path(sys.executable).parent / "jupyter"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jupyter"]


@dataclass
class LabServer:
    """A running `jupyter lab`; use as a context manager or call stop()."""

    proc: subprocess.Popen
    port: int
    token: str
    home: Path  # the temporary config/data/runtime folders
    log_path: Path
    root: Path | None = None  # the folder it serves, when given with --ServerApp.root_dir

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, **params: str) -> str:
        query = urllib.parse.urlencode({**params, "token": self.token})
        return f"{self.base_url}/{path.lstrip('/')}?{query}"

    def get(self, path: str, timeout: float = 10, **params: str) -> tuple[int, bytes]:
        """GET path; returns (status, body). Connection errors raise OSError."""
        try:
            with urllib.request.urlopen(self.url(path, **params), timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def api(self, path: str, **params: str):
        """GET /api/<path> and decode its JSON; fails on a non-200 answer."""
        status, body = self.get(f"api/{path}", **params)
        if status != 200:
            raise RuntimeError(f"GET /api/{path} answered {status}: {body[:200]!r}")
        return json.loads(body)

    def delete(self, path: str) -> int:
        """DELETE /api/<path> (e.g. a session, which shuts its kernel down); the status."""
        req = urllib.request.Request(self.url(f"api/{path}"), method="DELETE")
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # jupyter shuts its kernels down on SIGTERM
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> "LabServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def lab_environment(home: Path) -> dict[str, str]:
    """The environment for the server and its kernels: private Jupyter folders, one BLAS thread."""
    env = dict(os.environ)
    for name in ("config", "data", "runtime"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env["JUPYTER_CONFIG_DIR"] = str(home / "config")
    env["JUPYTER_DATA_DIR"] = str(home / "data")
    env["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["OPENBLAS_NUM_THREADS"] = "1"  # as when the notebooks' outputs were stored
    env.pop("MPLBACKEND", None)  # plot cells keep their inline PNG output
    env.pop("JUPYTER_TOKEN", None)
    return env


def start_lab(
    args: list[str], home: Path, cwd: Path | None = None, timeout: float = 90
) -> LabServer:
    """Run `jupyter lab <args> --no-browser ...` on a free port and wait until it answers.

    args: what the user would type after `jupyter lab` (e.g. ["notebooks/"]).
    home: an empty temporary folder for Jupyter's own files and the server log.
    """
    home.mkdir(parents=True, exist_ok=True)
    settings_dir, workspaces_dir = home / "lab-settings", home / "lab-workspaces"
    for rel, values in LAB_SETTINGS.items():
        path = settings_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    workspaces_dir.mkdir(exist_ok=True)
    port, token = free_port(), secrets.token_hex(16)
    cmd = [
        *jupyter_command(), "lab", *args,
        "--no-browser",
        "--allow-root",  # CI runs as root
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--LabApp.user_settings_dir={settings_dir}",
        f"--LabApp.workspaces_dir={workspaces_dir}",
    ]
    log_path = home / "jupyter-lab.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=lab_environment(home), stdin=subprocess.DEVNULL,
        stdout=log, stderr=subprocess.STDOUT,
    )
    log.close()  # the child holds its own copy
    server = LabServer(proc, port, token, home, log_path)
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with {proc.returncode}:\n{server.log()[-3000:]}")
        try:
            if server.get("api/status", timeout=2)[0] == 200:
                return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"jupyter lab did not answer within {timeout} s:\n{server.log()[-3000:]}")
        time.sleep(0.25)


def copy_notebooks(src: Path, dst: Path) -> Path:
    """A temporary copy of the notebooks folder (tests never touch the committed files)."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return dst
