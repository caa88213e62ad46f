"""notebooks/analyst.ipynb runs top to bottom, and its cells show the graph, the chart and the gap table.

The notebook is executed once per session with nbclient, in a kernel that runs
this interpreter (``sys.executable``): a kernelspec written to a temporary
folder and found through ``JUPYTER_PATH``, so a fresh clone needs no
``ipykernel install`` and no kernel the machine happens to have is used.
The kernel gets a temporary working folder, no seed documents (the optional
cell must skip: CI has no ../shared) and no ``NEO4J_URI`` (the export cell
must only print how to run it).
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "analyst.ipynb"
KERNEL = "chidao-test-python"
CELL_TIMEOUT = 180  # seconds per cell; the whole notebook runs in about 10 s here
GAP_WORDING = "no implementing document in the corpus"


def _kernelspec(folder: Path) -> Path:
    """A kernelspec for this interpreter under ``folder/kernels``; returns ``folder`` (for JUPYTER_PATH)."""
    spec = folder / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "chidao tests",
        "language": "python",
    }), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook after a run, as a NotebookNode."""
    tmp = tmp_path_factory.mktemp("notebook")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", str(_kernelspec(tmp / "jupyter")))
        mp.setenv("JUPYTER_RUNTIME_DIR", str(tmp / "runtime"))
        mp.setenv("IPYTHONDIR", str(tmp / "ipython"))
        mp.setenv("MPLBACKEND", "Agg")
        mp.setenv("CHIDAO_NOTEBOOK_DIR", str(tmp / "work"))
        mp.setenv("CHIDAO_SEEDS", str(tmp / "no-seeds-here"))
        mp.delenv("NEO4J_URI", raising=False)
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=CELL_TIMEOUT, startup_timeout=120,
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()
    nb.work_dir = tmp / "work"
    return nb


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def _texts(cell) -> list[str]:
    """Every text an output of the cell carries: streams, text/plain, text/html, text/markdown."""
    out = []
    for o in cell.get("outputs", []):
        if o.output_type == "stream":
            out.append(o.text)
        for mime in ("text/plain", "text/html", "text/markdown"):
            value = o.get("data", {}).get(mime)
            if value:
                out.append(value if isinstance(value, str) else "".join(value))
    return out


def _cell_text(cell) -> str:
    return "\n".join(_texts(cell))


def test_committed_notebook_has_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in _code_cells(nb):
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_no_cell_raised(executed):
    for cell in _code_cells(executed):
        assert not any(o.output_type == "error" for o in cell.outputs), cell.source[:60]


def test_seed_cell_is_optional(executed):
    (cell,) = [c for c in _code_cells(executed) if "CHIDAO_SEEDS" in c.source]
    assert "reading the sample corpus only" in _cell_text(cell)


def test_implements_table_by_level_with_lags(executed):
    text = "\n".join(_cell_text(c) for c in _code_cells(executed))
    for level in ("central", "province", "district", "commune"):
        assert f"<strong>{level}</strong>" in text or f"**{level}**" in text
    assert "Lag (days)" in text
    assert "312-KH/TU" in text and "45-KH/HU" in text


def _pyvis_page(output) -> str | None:
    """The pyvis page an output shows: an iframe's srcdoc (unescaped), or the HTML itself; else None."""
    value = output.get("data", {}).get("text/html")
    if not value:
        return None
    value = value if isinstance(value, str) else "".join(value)
    m = re.search(r"<iframe\b[^>]*?\bsrcdoc\s*=\s*(\"[^\"]*\"|'[^']*')", value, flags=re.S | re.I)
    page = html.unescape(m.group(1)[1:-1]) if m else value
    return page if "new vis.Network(" in page else None


def test_graph_is_shown_inline(executed):
    from chidao.outputs.viz import check_offline

    pages = [p for c in _code_cells(executed) for o in c.outputs if (p := _pyvis_page(o))]
    assert len(pages) == 1, "no output shows the pyvis page (an iframe's srcdoc or inline HTML with new vis.Network)"
    page = pages[0]
    assert check_offline(page) == []
    data = re.search(r'<script id="chidao-data" type="application/json">(.*?)</script>', page, flags=re.S)
    assert data, "the page carries no node data"
    drawn = json.loads(data.group(1))
    ids = {n["id"] for n in drawn["nodes"]}
    # the root, a province plan under it, and a district plan two links down are drawn
    assert {"doc:07-KL/TW@VN:2021", "doc:312-KH/TU@lai-chau:2021", "doc:45-KH/HU@lai-chau/tam-duong:2021"} <= ids
    assert drawn["edges"]
    assert f"{len(drawn['nodes'])} nodes, {len(drawn['edges'])} links" in page


def test_lag_chart_is_an_image(executed):
    images = [o for c in _code_cells(executed) for o in c.outputs if "image/png" in o.get("data", {})
              and "plot_timeline" in c.source]
    assert len(images) == 1
    assert (executed.work_dir / "lags.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_gap_table_names_the_silent_districts(executed):
    cells = [c for c in _code_cells(executed) if GAP_WORDING in _cell_text(c).lower()]
    assert cells, f"no cell output says {GAP_WORDING!r}"
    text = "\n".join(_cell_text(c) for c in cells)
    for district in ("Mường Tè", "Nậm Nhùn"):
        assert district in text or html.escape(district) in text
    assert "Tam Đường" in text and "45-KH/HU" in text  # a district with a document shows it


def test_neo4j_cell_is_guarded_and_cypher_script_written(executed):
    (cell,) = [c for c in _code_cells(executed) if "NEO4J_URI" in c.source]
    assert "NEO4J_URI is not set" in _cell_text(cell)
    script = executed.work_dir / "chidao.cypher"
    text = script.read_text(encoding="utf-8")
    assert "MERGE" in text and "07-KL/TW" in text


def test_coverage_table_and_map_are_shown(executed):
    cell = next(c for c in _code_cells(executed) if "coverage.run(graph, root)" in c.source)
    text = _cell_text(cell)
    assert "Lai Châu" in text and "312-KH/TU" in text and "Lag (days)" in text
    assert "other provinces: not told in the corpus" in text
    assert any("image/png" in o.get("data", {}) for o in cell.outputs)
