"""Where a build's memory and time go: the parent's RSS at each phase of graph.workspace._build.

    python benchmarks/build_memory.py CORPUS WS     (runs `chidao build CORPUS -w WS -j 2` in process)

Phases: parsed (every slim record and placement held, and on a fresh build the join's first half made
as they came: build.Join.first), joined (the rows written, the facts and the issues' state held:
graph/rowstore.py), finished (links copied in order, question index, tables),
written (issues, counts), done. VmHWM is the peak so far.
"""
import json
import sys
import time

import chidao.graph.rowstore as rowstore
import chidao.graph.workspace as w


def rss():
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                k, v = line.split(":")
                out[k] = int(v.split()[0]) // 1024
    return out


marks = []


def mark(what, **extra):
    marks.append({"phase": what, "t": round(time.perf_counter() - t0, 1), **rss(), **extra})
    print(json.dumps(marks[-1]), flush=True)


orig_rest, orig_finish, orig_write = w.Join.rest, rowstore.RowSink.finish, w._write


def rest(self, pairs, **kwargs):
    mark("parsed: records + placements held, first half joined")
    orig_rest(self, pairs, **kwargs)
    mark("joined: rows written, facts held", nodes=len(self.sink.facts), links=sum(self.sink.link_types.values()))


def finish(self):
    out = orig_finish(self)
    mark("finished: links in order, question index, tables", issues=len(out[0]))
    return out


def _write(*args, **kwargs):
    orig_write(*args, **kwargs)
    mark("written (issues, counts, tables)")


w.Join.rest, rowstore.RowSink.finish, w._write = rest, finish, _write
t0 = time.perf_counter()
mark("start")
from chidao.cli import cli  # noqa: E402

try:
    cli(["build", sys.argv[1], "-w", sys.argv[2], "-j", "2", "--json"], standalone_mode=False)
except SystemExit:
    pass
mark("done")
