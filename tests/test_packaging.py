"""The layout installs under one import name, chidao, and nothing else."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_setup_cfg():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    listed = set(config["options"]["packages"].split())
    found = {"chidao." + p for p in find_packages(str(ROOT), exclude=["tests", "tests.*", "notebooks*", "docs*", "benchmarks*"])}
    assert listed == {"chidao"} | found


def test_no_stray_top_level_modules():
    allowed = {"cli.py", "__main__.py"}
    assert {p.name for p in ROOT.glob("*.py")} <= allowed
    assert not (ROOT / "__init__.py").exists()


def test_imports_from_a_clean_directory(tmp_path):
    code = "import chidao.cli, chidao.loaders, chidao.graph, chidao.queries, chidao.outputs, chidao.corpus; import importlib.util as u; " \
           "assert u.find_spec('loaders') is None and u.find_spec('graph') is None; print('ok')"
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
