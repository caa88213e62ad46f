"""The coverage map: each province at its gazetteer coordinates, coloured by its first lag, sized by coverage.

``map_points(rows)`` turns the rows of ``queries.coverage`` into one point per
province (coordinates from vietnamadminunits through graph/gazetteer.py);
``map_html`` writes an offline page (one file, no request leaves it: the data
is JSON in a script element, drawn as SVG by a few lines of script; document
text is set as text, never as markup); ``plot_map`` writes a PNG (matplotlib).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

from ..loaders.errors import write_error

__all__ = ["MapPoint", "map_points", "lag_band", "LAG_BANDS", "map_html", "write_map", "plot_map"]

# First lag in days -> band; one colour per band, fixed (legend order).
LAG_BANDS = (("≤ 7 days", 7, "#1a9850"), ("≤ 30 days", 30, "#91cf60"), ("≤ 90 days", 90, "#fee08b"),
             ("> 90 days", None, "#fc8d59"), ("no document", None, "#bdbdbd"))


@dataclass(frozen=True)
class MapPoint:
    province: str
    lat: float
    lon: float
    lag_days: int | None
    share: float  # implementing units / addressed units over the lower levels (0..1)
    addressed: bool | None
    first: str | None  # "312-KH/TU · Tỉnh ủy Lai Châu · 2021-06-25"
    band: str


def lag_band(lag: int | None, has_document: bool) -> tuple[str, str]:
    """(band label, colour) for a first lag."""
    if not has_document:
        return LAG_BANDS[-1][0], LAG_BANDS[-1][2]
    for label, limit, colour in LAG_BANDS[:-1]:
        if limit is None or (lag is not None and lag <= limit):
            return label, colour
    return LAG_BANDS[3][0], LAG_BANDS[3][2]


def _share(row: dict) -> float:
    named = sum(row.get(f"addressed_{lvl}") or 0 for lvl in ("province", "district", "commune"))
    acting = sum(row.get(f"implementing_{lvl}") or 0 for lvl in ("province", "district", "commune"))
    if named == 0:
        return 1.0 if acting else 0.0
    return min(1.0, acting / named)


def map_points(rows: list[dict]) -> list[MapPoint]:
    """One point per row whose province has coordinates in the gazetteer."""
    from ..graph.gazetteer import gazetteer

    g = gazetteer()
    points = []
    for r in rows:
        place = g.province(r["province"])
        if place is None or place.lat is None or place.lon is None:
            continue
        has = r.get("first_uid") is not None
        band, _ = lag_band(r.get("first_lag_days"), has)
        first = " · ".join(str(x) for x in (r.get("first_document") or "(no number)", r.get("first_issuer"),
                                              r.get("first_date")) if x) if has else None
        points.append(MapPoint(r["province"], float(place.lat), float(place.lon), r.get("first_lag_days"),
                               round(_share(r), 3), r.get("addressed"), first, band))
    return points


_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{title}</title>
<style>
html,body{{margin:0;height:100%;font:14px system-ui,sans-serif;background:#fff}}
#wrap{{display:flex;height:100%}} svg{{flex:1;height:100%}}
#side{{width:18em;padding:1em;border-left:1px solid #ddd;overflow:auto}}
.legend span{{display:inline-block;width:.9em;height:.9em;border-radius:50%;margin-right:.4em;vertical-align:middle}}
circle{{stroke:#333;stroke-width:.6;cursor:pointer}} text.label{{font:12px sans-serif;fill:#1c2833;paint-order:stroke;stroke:#fff;stroke-width:3px}} circle:hover{{stroke-width:2}}
</style></head><body><div id="wrap"><svg id="map" viewBox="0 0 {w} {h}" preserveAspectRatio="xMidYMid meet"></svg>
<div id="side"><h3 id="heading"></h3><div class="legend" id="legend"></div>
<p>Circle size: share of the addressed units with an implementing document in the corpus.</p>
<div id="detail"></div></div></div>
<script type="application/json" id="data">{data}</script>
<script>
(function(){{
var D=JSON.parse(document.getElementById('data').textContent), NS='http://www.w3.org/2000/svg';
var svg=document.getElementById('map');
document.getElementById('heading').textContent=D.title;
D.bands.forEach(function(b){{var p=document.createElement('div'),s=document.createElement('span');
 s.style.background=b[1];p.appendChild(s);p.appendChild(document.createTextNode(b[0]));
 document.getElementById('legend').appendChild(p);}});
function x(lon){{return (lon-D.box[0])/(D.box[1]-D.box[0])*D.w;}}
function y(lat){{return (D.box[3]-lat)/(D.box[3]-D.box[2])*D.h;}}
D.points.forEach(function(p){{
 var c=document.createElementNS(NS,'circle');
 c.setAttribute('cx',x(p.lon));c.setAttribute('cy',y(p.lat));c.setAttribute('r',4+10*p.share);
 c.setAttribute('fill',p.colour);c.setAttribute('class','province');c.setAttribute('data-province',p.province);
 var t=document.createElementNS(NS,'title');
 t.textContent=p.province+': '+(p.first||'no implementing document in the corpus')+(p.lag_days===null?'':' (+'+p.lag_days+' d)');
 c.appendChild(t);
 c.addEventListener('click',function(){{var d=document.getElementById('detail');d.textContent='';
  [p.province,'addressed: '+(p.addressed===null?'unknown':p.addressed?'yes':'no'),
   'first: '+(p.first||'none'),'lag: '+(p.lag_days===null?'':p.lag_days+' days'),
   'coverage: '+Math.round(p.share*100)+'%'].forEach(function(line){{
    var e=document.createElement('div');e.textContent=line;d.appendChild(e);}});}});
 svg.appendChild(c);
 if(p.first){{var l=document.createElementNS(NS,'text');  // the provinces that acted, named on the map
  l.setAttribute('x',x(p.lon)+8+10*p.share);l.setAttribute('y',y(p.lat)+4);l.setAttribute('class','label');
  l.textContent=p.province+' '+p.first.split(' · ')[0]+(p.lag_days===null?'':' +'+p.lag_days+' d');svg.appendChild(l);}}
}});
document.body.setAttribute('data-drawn',String(D.points.length));
}})();
</script></body></html>
"""

_BOX = (102.0, 110.0, 8.2, 23.6)  # lon min, lon max, lat min, lat max of Vietnam's provinces
_W, _H = 520, 900


def map_html(points: list[MapPoint], title: str) -> str:
    """The offline page: data as JSON inside a script element ("</" escaped), drawn as SVG."""
    colours = {label: colour for label, _, colour in LAG_BANDS}
    data = {"title": title, "w": _W, "h": _H, "box": _BOX, "bands": [[label, colour] for label, _, colour in LAG_BANDS],
            "points": [{"province": p.province, "lat": p.lat, "lon": p.lon, "lag_days": p.lag_days, "share": p.share,
                        "addressed": p.addressed, "first": p.first, "colour": colours[p.band]} for p in points]}
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")
    return _PAGE.format(title=html.escape(title), w=_W, h=_H, data=blob)


def write_map(points: list[MapPoint], path: str | Path, title: str) -> Path:
    path = Path(path)
    try:
        path.write_text(map_html(points, title), encoding="utf-8")
    except OSError as e:
        raise write_error(path, e) from None
    return path


def plot_map(points: list[MapPoint], path: str | Path, title: str) -> Path:
    """The map as a PNG (needs matplotlib: the plot extra)."""
    from ..loaders.errors import ChidaoError

    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise ChidaoError("--plot needs matplotlib: pip install 'chidao[plot]'") from None
    colours = {label: colour for label, _, colour in LAG_BANDS}
    fig, ax = plt.subplots(figsize=(5.5, 9), dpi=110)
    for label, _, colour in LAG_BANDS:
        group = [p for p in points if p.band == label]
        ax.scatter([p.lon for p in group], [p.lat for p in group], s=[(4 + 10 * p.share) ** 2 for p in group],
                   c=colours[label], edgecolors="#333", linewidths=0.5, label=label)
    for p in points:
        if p.first:
            ax.annotate(p.province, (p.lon, p.lat), fontsize=6, xytext=(4, 2), textcoords="offset points")
    ax.set_xlim(_BOX[0], _BOX[1])
    ax.set_ylim(_BOX[2], _BOX[3])
    ax.set_aspect("equal")
    ax.set_title(title, fontsize=9)
    ax.legend(loc="lower left", fontsize=7, title="first document", title_fontsize=7)
    path = Path(path)
    try:
        fig.savefig(path)
    except OSError as e:
        raise write_error(path, e) from None
    finally:
        plt.close(fig)
    return path
