"""timeline: how many days after the root each downstream document came.

One row per document downstream of the root (as in ``implements``), with
``lag_days = day_number(doc) - day_number(root)`` (None when either date is
unknown; a month-precision date counts from day 1 of its month). Rows are
ordered by date (undated last), then level, symbol, uid.

``summary(rows)`` gives the spread per level; ``outputs.plot.plot_timeline(rows, path)``
draws it (matplotlib, an optional dependency).
"""

from __future__ import annotations

from .base import LEVEL_ORDER, Question, document_row, load_cypher
from .implements import MAX_DEPTH, lag, walk

__all__ = ["QUESTION", "NAME", "COLUMNS", "CYPHER", "SUMMARY_COLUMNS", "run", "summary"]

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


QUESTION = Question(
    NAME, COLUMNS, run, CYPHER,
    help="""Days from REF to each implementing document, with median and spread per level.

    \b
    Examples:
        chidao timeline "07-KL/TW"
        chidao timeline "07-KL/TW" --plot lags.png --csv > lags.csv
    """,
)
