"""The examples in the package's docstrings run, as tests (every module of the package is imported)."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {"tests", "benchmarks", "notebooks", "docs", "build", "dist"}


def _module_names() -> list[str]:
    names = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in SKIP_DIRS or rel.parts[0].startswith(".") or "sample" in rel.parts:
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts and parts[-1] == "__main__":
            continue
        names.append(".".join(["chidao", *parts]))
    return names


MODULES = _module_names()
FINDER = doctest.DocTestFinder()


def _examples(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    return [t for t in FINDER.find(module, name) if t.examples]


def test_the_package_has_doctests():
    assert sum(len(t.examples) for name in MODULES for t in _examples(name)) >= 23


@pytest.mark.parametrize("name", [n for n in MODULES if _examples(n)])
def test_doctests(name):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in _examples(name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted and result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
