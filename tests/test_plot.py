"""The timeline chart (outputs/plot.py): colours fixed per level, outliers named (issue 13, point 5)."""

from __future__ import annotations

import pytest

from chidao.outputs.plot import outliers, plot_timeline
from chidao.outputs.viz import LEVEL_COLOURS

pytest.importorskip("matplotlib")


def rows(level, lags, prefix="X"):
    return [{"uid": f"doc:{prefix}{i}", "symbol": f"{i}-KH/{prefix}", "issuer": f"Huyện ủy {prefix}{i}",
             "date": None, "level": level, "province": "Lai Châu", "lag_days": lag} for i, lag in enumerate(lags)]


def test_outliers_are_beyond_the_whiskers_of_their_own_level():
    district = rows("district", [25, 26, 27, 28, 29, 30, 90], "D")
    commune = rows("commune", [60, 61, 62, 63], "C")  # 60s are usual for communes, not outliers
    found = outliers(district + commune)
    assert [r["symbol"] for r in found] == ["6-KH/D"]


def _has_colour(png, hex_colour, tolerance=0.03):
    import matplotlib.image as mpimg
    import numpy as np

    image = mpimg.imread(png)[..., :3]
    target = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return bool((np.abs(image - target).max(axis=-1) < tolerance).any())


def test_a_level_keeps_its_colour_whatever_else_is_drawn(tmp_path):
    only_district = tmp_path / "district.png"
    plot_timeline(rows("district", [25, 30, 31]), only_district)
    assert _has_colour(only_district, LEVEL_COLOURS["district"])
    assert not _has_colour(only_district, LEVEL_COLOURS["central"])
    both = tmp_path / "both.png"
    plot_timeline(rows("commune", [40, 41]) + rows("district", [25, 30, 31]), both)
    assert _has_colour(both, LEVEL_COLOURS["district"]) and _has_colour(both, LEVEL_COLOURS["commune"])
