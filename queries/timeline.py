"""timeline: how many days after the root each downstream document came.

One row per document downstream of the root (as in ``implements``), with
``lag_days = day_number(doc) - day_number(root)`` (None when either date is
unknown; a month-precision date counts from day 1 of its month). Rows are
ordered by date (undated last), then level, symbol, uid.

``summary(rows)`` gives the spread per level, ``plot(rows, path)`` draws it
(matplotlib, an optional dependency).
"""

from __future__ import annotations

from .base import LEVEL_ORDER, document_row, load_cypher
from .implements import MAX_DEPTH, lag, walk

__all__ = ["NAME", "COLUMNS", "CYPHER", "SUMMARY_COLUMNS", "run", "summary", "plot"]

NAME = "timeline"
COLUMNS = ("uid", "symbol", "issuer", "date", "level", "province", "lag_days")
SUMMARY_COLUMNS = ("level", "n", "undated", "median", "min", "max", "q1", "q3", "iqr")
CYPHER = load_cypher(NAME)


def run(graph, uid: str, *, depth: int = MAX_DEPTH) -> list[dict]:
    """Every document downstream of ``uid`` with its lag in days. Raises KeyError for an unknown uid."""
    rows = []
    for other in walk(graph, uid, depth=depth, direction="down"):
        row = document_row(graph, other)
        row["lag_days"] = lag(graph, other, uid)
        rows.append({c: row[c] for c in COLUMNS})
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", LEVEL_ORDER.get(r["level"], 4),
                             r["symbol"] is None, r["symbol"] or "", r["uid"]))
    return rows


def _quantile(values: list[int], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default) over sorted ``values``."""
    pos = (len(values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 2)


def summary(rows: list[dict]) -> list[dict]:
    """Per level (in hierarchy order): n dated rows, undated rows, median, min, max, quartiles and IQR of lag_days.

    Statistics are None for a level with no dated row; quartiles interpolate linearly.
    """
    by_level: dict = {}
    for r in rows:
        by_level.setdefault(r["level"], []).append(r["lag_days"])
    out = []
    for level in sorted(by_level, key=lambda lvl: (LEVEL_ORDER.get(lvl, 4), lvl or "")):
        lags = sorted(x for x in by_level[level] if x is not None)
        s = {"level": level, "n": len(lags), "undated": len(by_level[level]) - len(lags)}
        if lags:
            q1, med, q3 = (_quantile(lags, q) for q in (0.25, 0.5, 0.75))
            s.update(median=_num(med), min=lags[0], max=lags[-1], q1=_num(q1), q3=_num(q3), iqr=_num(q3 - q1))
        else:
            s.update(median=None, min=None, max=None, q1=None, q3=None, iqr=None)
        out.append({c: s[c] for c in SUMMARY_COLUMNS})
    return out


def plot(rows: list[dict], path, *, title: str | None = None, root_symbol: str | None = None) -> None:
    """Write a PNG at ``path``: lag_days per level, a box plot with every document as a point.

    ``root_symbol`` goes into the default title ("Days after <root_symbol> ...").
    Raises RuntimeError when matplotlib is not installed.
    """
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise RuntimeError("matplotlib is needed for --plot: pip install 'chidao[plot]'") from exc

    levels = [lvl for lvl in sorted({r["level"] for r in rows}, key=lambda lvl: (LEVEL_ORDER.get(lvl, 4), lvl or ""))]
    data = [[r["lag_days"] for r in rows if r["level"] == lvl and r["lag_days"] is not None] for lvl in levels]
    names = [f"{lvl or 'unknown'}\n(n={len(d)})" for lvl, d in zip(levels, data)]
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
    try:
        positions = list(range(1, len(levels) + 1))
        shown = [(p, d) for p, d in zip(positions, data) if d]
        if shown:
            box = dict(positions=[p for p, _ in shown], widths=0.5, showfliers=False)
            try:  # matplotlib >= 3.10 says orientation=; vert= is deprecated there
                ax.boxplot([d for _, d in shown], orientation="horizontal", **box)
            except TypeError:
                ax.boxplot([d for _, d in shown], vert=False, **box)
        for p, d in shown:
            # a small deterministic jitter so that documents on the same day stay visible
            ys = [p + ((i % 7) - 3) * 0.04 for i in range(len(d))]
            ax.scatter(d, ys, s=14, alpha=0.7, zorder=3)
        ax.set_yticks(positions)
        ax.set_yticklabels(names)
        ax.invert_yaxis()  # central at the top, commune at the bottom
        ax.set_xlabel("days after the root document")
        ax.set_ylabel("level of the implementing document")
        ax.set_title(title or f"Days after {root_symbol or 'the root document'} by level")
        ax.grid(axis="x", alpha=0.3)
        fig.tight_layout()
        fig.savefig(path, format="png")
    finally:
        plt.close(fig)
