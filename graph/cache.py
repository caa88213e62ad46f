"""One cache of lookup tables per graph, and the tables a build stores for the first question.

``graph_cache(graph, name, build)`` computes ``build(graph)`` once per graph and name (the
reference index, the search texts, ...). graph/rowstore.py makes the tables a build
stores beside the question graph; ``seed_tables(graph, readers)`` tells the cache of a loaded graph
where to read them.
``without_cyclic_gc`` is the context every bulk build or load runs in.
"""

from __future__ import annotations

import ctypes
import gc
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["graph_cache", "seed_tables", "without_cyclic_gc"]

@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Building or loading a graph makes millions of dicts and no cyclic garbage; the
    cyclic collector, triggered by the allocations, would walk the growing heap again
    and again (a third of build_graph's time at 100,000 documents). Reference
    counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def give_back_free_memory() -> None:
    """Hand the pages the C allocator holds free back to the system (glibc's ``malloc_trim``; elsewhere
    nothing). A build frees its packed records (1.1 GB at 1,000,000 documents, objects of ~1 KB from the C
    heap) once their links are made; the next step's objects come from Python's own arenas, which do
    not reuse those holes, so without this the freed records stayed on top of the peak. 100,000
    documents: 107 MB given back, the peak 618 MB instead of 655."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the symbols the process has loaded: glibc's, on Linux
    except (OSError, AttributeError):
        return
    trim(0)


# -- one cache per graph -------------------------------------------------------

_CACHE: dict[int, tuple[weakref.ref, int, dict]] = {}


def _store(graph) -> dict:
    """The tables of this graph (a new, empty store for a graph not seen before)."""
    key, size = id(graph), graph.number_of_nodes()
    entry = _CACHE.get(key)
    if entry is None or entry[0]() is not graph or entry[1] != size:
        def forget(ref, key=key):
            current = _CACHE.get(key)
            if current is not None and current[0] is ref:
                del _CACHE[key]

        entry = (weakref.ref(graph, forget), graph.number_of_nodes(), {})
        _CACHE[key] = entry
    return entry[2]


def graph_cache(graph, name: str, build: Callable):
    """``build(graph)``, computed once per graph and ``name``.

    Keyed by ``id(graph)``, checked against a weak reference (a new graph at a
    recycled address is not served the old tables) and the node count (adding
    or removing nodes rebuilds). Changing attributes in place is not detected:
    the tables describe the graph as loaded.
    """
    store = _store(graph)
    if isinstance(store.get(name), _Stored):
        try:
            store[name] = store[name].load()
        except Exception:  # noqa: BLE001 - a stored copy that cannot be read is built again below
            del store[name]
    if name not in store:
        # Building a table allocates one object per document; with the whole graph
        # on the heap, the collections this triggers cost more than the build.
        with without_cyclic_gc():
            store[name] = build(graph)
    return store[name]


class _Stored:
    """A table kept elsewhere (the workspace), read the first time it is asked for."""

    def __init__(self, load: Callable[[], object]):
        self.load = load


def seed_tables(graph, loaders: dict[str, Callable[[], object]]) -> None:
    """Tell the cache of this very graph where its precomputed tables can be read."""
    _store(graph).update({name: _Stored(load) for name, load in loaders.items()})


