"""examples/python/stance_timeline.py, run as a user would."""

import os
import subprocess

import pytest

from conftest import PYTHON, SOURCE_DIR, python_env

SCRIPT = os.path.join(SOURCE_DIR, "examples", "python", "stance_timeline.py")


def run(*args, env=None):
    return subprocess.run([PYTHON, SCRIPT, *args], capture_output=True, text=True,
                          env=env or python_env(), timeout=120)


def test_the_timeline_is_drawn_as_png(store, tmp_path):
    pytest.importorskip("matplotlib")
    path = store.path
    store.close()  # the script opens it read-only; a closed writer is tidier
    out = tmp_path / "poland.png"
    done = run("--db", path, "--holder", "Poland", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "2 mentions on 1 proposition" in done.stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_matplotlib_it_says_so_and_draws_nothing(store, tmp_path):
    # A matplotlib that cannot be imported, found before any real one.
    fake = tmp_path / "fake"
    (fake / "matplotlib").mkdir(parents=True)
    (fake / "matplotlib" / "__init__.py").write_text("raise ImportError('not here')\n")
    env = python_env(PYTHONPATH=os.pathsep.join([str(fake), os.environ.get("PYTHONPATH", "")]))
    out = tmp_path / "none.png"
    done = run("--db", store.path, "--holder", "Poland", "--out", str(out), env=env)
    assert done.returncode == 0
    assert "matplotlib is not installed" in done.stderr
    assert not out.exists()

