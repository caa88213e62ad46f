"""Layers import one way: loaders < graph < queries < outputs < cli (docs/ARCHITECTURE.md).

Every module of the package is parsed (ast, nothing imported), every import
statement, at module level or inside a function, is resolved to a chidao module,
and the test fails when a module imports a higher layer, when two modules import
each other (directly or round a longer cycle), or when the corpus generator
imports chidao at all (it writes the truth files the parser is scored against).
"""

from __future__ import annotations

import ast

import pytest
from package_modules import package_modules

LAYERS = {"loaders": 0, "graph": 1, "queries": 2, "outputs": 3, "cli": 4, "__main__": 4}
MODULES = package_modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _imports(name: str, source: str | None = None) -> set[str]:
    """The chidao modules that module ``name`` imports (a package's submodules when named in from-imports)."""
    tree = ast.parse(source if source is not None else MODULES[name].read_text(encoding="utf-8"))
    package = name if _is_package(name) else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name == "chidao" or a.name.startswith("chidao."))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and (node.module == "chidao" or node.module.startswith("chidao.")):
                target = node.module
            else:
                continue
            for alias in node.names:
                if f"{target}.{alias.name}" in MODULES:  # from . import stats: the module itself
                    out.add(f"{target}.{alias.name}")
                else:
                    out.add(target)
    return {m for m in out if m in MODULES and m != name}


GRAPH = {name: _imports(name) for name in MODULES}


def _layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_the_package_is_found():
    assert {"chidao.cli", "chidao.loaders.patterns", "chidao.graph.build", "chidao.queries.registry",
            "chidao.outputs.viz"} <= set(MODULES)
    assert GRAPH["chidao.graph.build"]  # imports are seen at all
    assert "chidao.queries.stats" in GRAPH["chidao.queries.registry"]  # "from . import stats" counts


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _layer(n) is not None))
def test_no_module_imports_a_higher_layer(name):
    higher = sorted(m for m in GRAPH[name] if (_layer(m) or 0) > _layer(name))
    assert not higher, f"{name} (layer {_layer(name)}) imports the higher layer(s) {higher}"


def test_no_two_modules_import_each_other():
    """No cycle in the import graph (a cycle between packages is one between modules)."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(n):
        state[n] = 1
        path.append(n)
        for m in sorted(GRAPH[n]):
            if state.get(m) == 1:
                cycle = path[path.index(m):] + [m]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if m not in state:
                visit(m)
        path.pop()
        state[n] = 2

    for n in sorted(GRAPH):
        if n not in state:
            visit(n)


def test_packages_import_one_way():
    packages: dict[str, set[str]] = {}
    for name, targets in GRAPH.items():
        src = ".".join(name.split(".")[:2])
        packages.setdefault(src, set()).update(".".join(t.split(".")[:2]) for t in targets)
    both = sorted((a, b) for a in packages for b in packages[a] if a < b and a in packages.get(b, ()))
    assert not both, f"packages importing each other: {both}"


def test_the_corpus_generator_imports_nothing_of_chidao():
    """The generator's modules import each other only: it writes the truth the parser is scored against."""
    corpus = [name for name in MODULES if name.startswith("chidao.corpus.")]
    assert "chidao.corpus.generate" in corpus and GRAPH["chidao.corpus.generate"]  # it imports its own parts
    for name in corpus:
        outside = sorted(m for m in GRAPH[name] if not m.startswith("chidao.corpus"))
        assert not outside, f"{name} imports {outside}: the generator must stay independent of chidao"


@pytest.mark.parametrize("line", ["from ..queries import stats", "from ..queries.stats import run",
                                  "import chidao.queries.stats", "from chidao.queries import stats"])
def test_a_planted_upward_import_is_caught(line):
    """What graph/workspace.py imported before the layers were set straight is seen, in every spelling."""
    probe = "chidao.graph.workspace"
    source = MODULES[probe].read_text(encoding="utf-8") + f"\n\ndef _probe():\n    {line}\n"
    found = _imports(probe, source) - GRAPH[probe]
    assert found == {"chidao.queries.stats"} and _layer("chidao.queries.stats") > _layer(probe)


# Issue 11: a module that grows past this is split where its parts meet (loaders/encodings.py out of
# files.py, outputs/view.py out of viz.py).
MAX_MODULE_LINES = 900


def test_no_module_is_over_900_lines():
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert len(MODULES) > 50 and not long
