"""The examples in the package's docstrings run, as tests (every module of the package is imported)."""

from __future__ import annotations

import doctest
import importlib

import pytest
from package_modules import package_modules

MODULES = [name for name in package_modules() if not name.endswith(".__main__")]
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
