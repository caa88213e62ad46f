"""A chart of ``queries.timeline`` rows: a PNG of the lags per level (matplotlib, optional)."""

from __future__ import annotations

from typing import Any

from ..loaders.errors import ChidaoError, write_error
from ..queries.base import LEVEL_ORDER
from .render import UNPLACED
from .viz import LEVEL_COLOURS

__all__ = ["plot_timeline", "MissingDependency", "outliers"]


def outliers(rows: list[dict]) -> list[dict]:
    """The rows of each level whose lag lies beyond 1.5 interquartile ranges of that level's quartiles
    (the points a box plot leaves outside its whiskers), in row order."""
    from statistics import quantiles

    out = []
    for lvl in {r["level"] for r in rows}:
        lags = sorted(r["lag_days"] for r in rows if r["level"] == lvl and r["lag_days"] is not None)
        if len(lags) < 4:
            continue
        q1, _, q3 = quantiles(lags, n=4, method="inclusive")
        low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
        out += [r for r in rows if r["level"] == lvl and r["lag_days"] is not None
                and not low <= r["lag_days"] <= high]
    return sorted(out, key=lambda r: (LEVEL_ORDER.get(r["level"], 4), r["lag_days"], r["uid"]))


class MissingDependency(ChidaoError):
    """An optional dependency that a command needs is not installed."""


def plot_timeline(rows: list[dict], path, *, title: str | None = None, root_symbol: str | None = None) -> None:
    """Write a PNG at ``path``: lag_days per level, a box plot with every document as a point.

    ``root_symbol`` goes into the default title ("Days after <root_symbol> ...").
    Raises ``MissingDependency`` when matplotlib is not installed, ``ChidaoError`` when the file
    cannot be written.
    """
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise MissingDependency("matplotlib is needed for --plot: pip install 'chidao[plot]'") from exc

    levels = [lvl for lvl in sorted({r["level"] for r in rows}, key=lambda lvl: (LEVEL_ORDER.get(lvl, 4), lvl or ""))]
    data = [[r["lag_days"] for r in rows if r["level"] == lvl and r["lag_days"] is not None] for lvl in levels]
    names = [f"{lvl or UNPLACED}\n(n={len(d)})" for lvl, d in zip(levels, data)]
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
    try:
        positions = list(range(1, len(levels) + 1))
        shown = [(p, d) for p, d in zip(positions, data) if d]
        if shown:
            box: dict[str, Any] = dict(positions=[p for p, _ in shown], widths=0.5, showfliers=False)
            try:  # matplotlib >= 3.10 says orientation=; vert= is deprecated there
                ax.boxplot([d for _, d in shown], orientation="horizontal", **box)
            except TypeError:
                ax.boxplot([d for _, d in shown], vert=False, **box)
        for lvl, p, d in zip(levels, positions, data):
            if not d:
                continue
            # a small deterministic jitter so that documents on the same day stay visible
            ys = [p + ((i % 7) - 3) * 0.04 for i in range(len(d))]
            # one colour per level, the graph page's (outputs/viz.py LEVEL_COLOURS), whatever the rows' order
            ax.scatter(d, ys, s=18, zorder=3, edgecolors="white", linewidths=0.4, color=LEVEL_COLOURS.get(lvl, LEVEL_COLOURS[None]),
                       label=lvl or UNPLACED)
        stacked: dict = {}
        for r in outliers(rows):  # named: the documents an analyst asks about first
            p = positions[levels.index(r["level"])]
            k = stacked[r["level"]] = stacked.get(r["level"], -1) + 1  # labels of one level stack upwards
            ax.annotate(f"{r.get('symbol') or '(no number)'} · {r.get('issuer') or '?'}", (r["lag_days"], p),
                        xytext=(-4, 10 + 11 * k), textcoords="offset points", fontsize=7, color="#1c2833",
                        ha="right", arrowprops={"arrowstyle": "-", "color": "#aab7b8", "lw": 0.6})
        if shown:
            ax.legend(title="level", loc="best", fontsize=8, title_fontsize=8)
        ax.set_yticks(positions)
        ax.set_yticklabels(names)
        ax.invert_yaxis()  # central at the top, commune at the bottom
        ax.set_xlabel("days after the root document")
        ax.set_ylabel("level of the implementing document")
        ax.set_title(title or f"Days after {root_symbol or 'the root document'} by level")
        ax.grid(axis="x", alpha=0.3)
        fig.tight_layout()
        try:
            fig.savefig(path, format="png")
        except OSError as e:
            raise write_error(path, e) from None
    finally:
        plt.close(fig)
