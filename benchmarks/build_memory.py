"""Where a build's memory and time go: the parent's RSS at each phase of graph.workspace._build.

    python benchmarks/build_memory.py CORPUS WS     (runs `chidao build CORPUS -w WS -j 2` in process)
"""
import sys, time, json, gc
import chidao.graph.workspace as w

def rss():
    out = {}
    for line in open("/proc/self/status"):
        if line.startswith(("VmRSS", "VmHWM")):
            k, v = line.split(":"); out[k] = int(v.split()[0]) // 1024
    return out

marks = []
def mark(what, **extra):
    marks.append({"phase": what, "t": round(time.perf_counter() - t0, 1), **rss(), **extra})
    print(json.dumps(marks[-1]), flush=True)

orig_build, orig_write, orig_qg = w.build_graph, w._write, w.question_graph
def build_graph(records, placements, **kwargs):
    mark("parsed: records + placements held")
    g, issues = orig_build(records, placements, **kwargs)
    mark("joined: records + full graph", nodes=g.number_of_nodes(), links=g.number_of_edges())
    return g, issues
def _write(con, graph, issues, summary):
    mark("records dropped: full graph only")
    orig_write(con, graph, issues, summary)
    mark("written (rows, question graph, blobs, index)")
def question_graph(graph):
    q = orig_qg(graph)
    mark("question graph made", qnodes=q.number_of_nodes(), qlinks=q.number_of_edges())
    return q
w.build_graph, w._write, w.question_graph = build_graph, _write, question_graph
t0 = time.perf_counter()
mark("start")
from chidao.cli import cli
try:
    cli(["build", sys.argv[1], "-w", sys.argv[2], "-j", "2", "--json"], standalone_mode=False)
except SystemExit:
    pass
mark("done")
