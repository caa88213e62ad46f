"""The package's modules, found once for the tests that walk them (test_layers, test_doctests).

The package root is the repository root (setup.cfg maps it to ``chidao``), so the walk leaves out
what is not the package: tests, benchmarks, notebooks, docs, build output, hidden folders (.venv,
.cache) and the sample corpus.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = frozenset({"tests", "benchmarks", "notebooks", "docs", "build", "dist"})


def package_modules(root: Path = ROOT) -> dict[str, Path]:
    """chidao module name -> file, for every .py file of the package, sorted by path
    (``chidao.loaders`` for loaders/__init__.py, ``chidao.__main__`` included)."""
    found: dict[str, Path] = {}
    for folder, dirs, files in os.walk(root):
        rel = Path(folder).relative_to(root)
        if rel.parts and (rel.parts[0] in SKIP_DIRS or rel.parts[0].startswith(".")) or "sample" in rel.parts:
            dirs[:] = []
            continue
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                parts = [*rel.parts, name[:-3]]
                if parts[-1] == "__init__":
                    parts.pop()
                found[".".join(["chidao", *parts])] = Path(folder) / name
    return dict(sorted(found.items(), key=lambda item: item[1]))
