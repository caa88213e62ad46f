"""Score the extractor on the real development set (tests/data/real/**).

    python benchmarks/score_real.py                          # every folder under tests/data/real
    python benchmarks/score_real.py tests/data/real/party    # one folder (or several)
    python benchmarks/score_real.py --json                   # the scores as JSON
    python benchmarks/score_real.py --worst                  # documents and fields that fail

Each ``<id>.txt`` is run through the extractor exactly as ``chidao extract --json`` runs it
(``chidao.loaders.batch.extract_one``) and compared with its hand annotation ``<id>.json`` (the shape
of ``extract --json`` restricted to what is scored: ``doc`` with doc_type/number/symbol/date,
``citations`` with doc_type/number/symbol/date/issuer_as_written/cue/first_mention, ``unnumbered``
with doc_type/issuer_as_written/cue; the shape of each text comes from the folder's SOURCES.tsv,
fourth column). Scores are given for the
excerpt-like shapes (portal-excerpt, news-excerpt), for full texts (every other shape) and overall:

- citations precision / recall: one citation per cited document, matched on its normalised key
  (the symbol; number + type when the symbol is null); a predicted citation whose key was already
  matched (a second citation for the same document, e.g. a short form read as a new citation) is a
  false positive;
- header: type, symbol and date all right (texts whose annotation or prediction has a header);
- citation dates, cues, types, issuers: over matched citations (issuers loose: the same after
  folding case, diacritics, punctuation and spacing);
- unnumbered references: precision / recall on (type, loose issuer).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
EXCERPT_SHAPES = frozenset({"portal-excerpt", "news-excerpt"})
GROUPS = ("excerpt", "full", "overall")

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad]")
_SPACED_SEPARATOR = re.compile(r"\s*([-/])\s*")
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w]+")


def norm_symbol(symbol: str | None) -> str | None:
    """The comparison form of a symbol: NFC, plain hyphen, no spaces, Ð (U+00D0) as Đ, case folded."""
    if symbol is None:
        return None
    s = unicodedata.normalize("NFC", symbol).replace("\u00d0", "\u0110")
    s = _DASHES.sub("-", s)
    s = _SPACED_SEPARATOR.sub(r"\1", s.strip())
    s = _SPACES.sub("", s)
    return s.casefold()


def fold(text: str | None) -> str:
    """Loose form of a name: no case, no diacritics (đ -> d), words joined by one space."""
    if not text:
        return ""
    s = unicodedata.normalize("NFD", text.replace("\u00d0", "\u0110").replace("\u0110", "D").replace("\u0111", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return _NOT_WORD.sub(" ", s).strip()


def loose_equal(a: str | None, b: str | None) -> bool:
    """Issuers as written, compared loosely: the same after folding case, diacritics, punctuation and spacing."""
    return fold(a) == fold(b)


def _norm_number(number: str | None) -> str:
    n = (number or "").strip().casefold()
    return n.lstrip("0") or n


def citation_key(c: dict) -> tuple:
    """One cited document: its normalised symbol, or (number, type) when the text gives no symbol."""
    sym = norm_symbol(c.get("symbol"))
    if sym:
        return ("symbol", sym)
    return ("number", _norm_number(c.get("number")), fold(c.get("doc_type")))


def _date(value) -> str | None:
    return value or None


@dataclass
class Tally:
    """Counts for one group (excerpt, full or overall)."""

    texts: int = 0
    cit_tp: int = 0
    cit_fp: int = 0
    cit_fn: int = 0
    header_ok: int = 0
    header_n: int = 0
    date_ok: int = 0
    cue_ok: int = 0
    type_ok: int = 0
    issuer_ok: int = 0
    matched: int = 0
    unn_tp: int = 0
    unn_fp: int = 0
    unn_fn: int = 0

    def add(self, other: Tally) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self) -> dict:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "texts": self.texts,
            "citations_precision": ratio(self.cit_tp, self.cit_tp + self.cit_fp),
            "citations_recall": ratio(self.cit_tp, self.cit_tp + self.cit_fn),
            "header": ratio(self.header_ok, self.header_n),
            "citation_dates": ratio(self.date_ok, self.matched),
            "cues": ratio(self.cue_ok, self.matched),
            "citation_types": ratio(self.type_ok, self.matched),
            "citation_issuers": ratio(self.issuer_ok, self.matched),
            "unnumbered_precision": ratio(self.unn_tp, self.unn_tp + self.unn_fp),
            "unnumbered_recall": ratio(self.unn_tp, self.unn_tp + self.unn_fn),
            "counts": {
                "citations": f"tp {self.cit_tp} fp {self.cit_fp} fn {self.cit_fn}",
                "header": f"{self.header_ok}/{self.header_n}",
                "matched_citations": self.matched,
                "dates": f"{self.date_ok}/{self.matched}",
                "cues": f"{self.cue_ok}/{self.matched}",
                "types": f"{self.type_ok}/{self.matched}",
                "issuers": f"{self.issuer_ok}/{self.matched}",
                "unnumbered": f"tp {self.unn_tp} fp {self.unn_fp} fn {self.unn_fn}",
            },
        }


@dataclass
class DocResult:
    id: str
    path: str
    shape: str
    tally: Tally
    failures: list[str] = field(default_factory=list)


def _show(c: dict) -> str:
    return c.get("symbol") or f"{c.get('doc_type')} số {c.get('number')}"


def compare(gold: dict, pred: dict | None, *, doc_id: str = "", path: str = "", shape: str = "full") -> DocResult:
    """Compare one annotation with one extractor record (``Record.to_json()``; None if it failed)."""
    t = Tally(texts=1)
    res = DocResult(doc_id, path, shape, t)
    pred = pred or {"doc": None, "citations": [], "unnumbered": []}

    # header: type + symbol + date
    gdoc, pdoc = gold.get("doc"), pred.get("doc")
    if gdoc is not None or pdoc is not None:
        t.header_n = 1
        if gdoc is None:
            res.failures.append(f"header: none in the text, extractor read {pdoc.get('doc_type')} {pdoc.get('symbol')} {pdoc.get('date')}")
        elif pdoc is None:
            res.failures.append(f"header: missed ({gdoc.get('doc_type')} {gdoc.get('symbol')} {gdoc.get('date')})")
        else:
            bad = [
                f"{name} {g!r} read {p!r}"
                for name, g, p, same in (
                    ("type", gdoc.get("doc_type"), pdoc.get("doc_type"), gdoc.get("doc_type") == pdoc.get("doc_type")),
                    ("symbol", gdoc.get("symbol"), pdoc.get("symbol"), norm_symbol(gdoc.get("symbol")) == norm_symbol(pdoc.get("symbol"))),
                    ("date", gdoc.get("date"), pdoc.get("date"), _date(gdoc.get("date")) == _date(pdoc.get("date"))),
                )
                if not same
            ]
            if bad:
                res.failures.append("header: " + "; ".join(bad))
            else:
                t.header_ok = 1

    # citations: one per key; the first predicted citation with a gold key is matched
    gold_by_key: dict[tuple, dict] = {}
    for c in gold.get("citations", []):
        gold_by_key.setdefault(citation_key(c), c)
    matched: set[tuple] = set()
    for p in pred.get("citations", []):
        key = citation_key(p)
        g = gold_by_key.get(key)
        if g is None:
            t.cit_fp += 1
            res.failures.append(f"citation extra: {_show(p)} ({p.get('text', '')[:70]!r})")
            continue
        if key in matched:
            t.cit_fp += 1
            res.failures.append(f"citation repeated: {_show(p)} ({p.get('text', '')[:70]!r})")
            continue
        matched.add(key)
        t.cit_tp += 1
        t.matched += 1
        checks = (
            ("date", _date(g.get("date")) == _date(p.get("date")), g.get("date"), p.get("date")),
            ("cue", g.get("cue") == p.get("cue"), g.get("cue"), p.get("cue")),
            ("type", g.get("doc_type") == p.get("doc_type"), g.get("doc_type"), p.get("doc_type")),
            ("issuer", loose_equal(g.get("issuer_as_written"), p.get("issuer")), g.get("issuer_as_written"), p.get("issuer")),
        )
        for name, ok, gv, pv in checks:
            if ok:
                setattr(t, f"{name}_ok", getattr(t, f"{name}_ok") + 1)
            else:
                res.failures.append(f"citation {name}: {_show(g)} {gv!r} read {pv!r}")
    for key, g in gold_by_key.items():
        if key not in matched:
            t.cit_fn += 1
            res.failures.append(f"citation missed: {_show(g)} ({(g.get('first_mention') or '')[:70]!r})")

    # unnumbered: (type, loose issuer), greedy
    remaining = list(gold.get("unnumbered", []))
    for u in pred.get("unnumbered", []):
        hit = next((g for g in remaining if fold(g.get("doc_type")) == fold(u.get("doc_type"))
                    and loose_equal(g.get("issuer_as_written"), u.get("issuer"))), None)
        if hit is None:
            t.unn_fp += 1
            res.failures.append(f"unnumbered extra: {u.get('doc_type')} {u.get('issuer')!r} ({u.get('text', '')[:60]!r})")
        else:
            remaining.remove(hit)
            t.unn_tp += 1
    for g in remaining:
        t.unn_fn += 1
        res.failures.append(f"unnumbered missed: {g.get('doc_type')} {g.get('issuer_as_written')!r}")
    return res


def read_shapes(folder: Path) -> dict[str, str]:
    """id -> shape from the folder's SOURCES.tsv (absent: no shapes known)."""
    shapes: dict[str, str] = {}
    sources = folder / "SOURCES.tsv"
    if sources.is_file():
        with sources.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) >= 4 and row[0] and not row[0].startswith("#") and row[0] != "id":
                    shapes[row[0].strip()] = row[3].strip()
    return shapes


def find_pairs(dirs: list[Path]) -> list[tuple[Path, Path, str]]:
    """(txt, json, shape) for every annotated text under dirs."""
    pairs = []
    for d in dirs:
        for txt in sorted(Path(d).rglob("*.txt")):
            ann = txt.with_suffix(".json")
            if ann.is_file():
                shape = read_shapes(txt.parent).get(txt.stem, "full")
                pairs.append((txt, ann, shape))
    return pairs


def score_dirs(dirs: list[str | Path] | None = None) -> tuple[dict, list[DocResult]]:
    """Score every annotated text under dirs (default: tests/data/real): ({group: scores}, per document)."""
    from chidao.loaders.batch import extract_one

    dirs = [Path(d) for d in (dirs or [REAL])]
    groups = {g: Tally() for g in GROUPS}
    results = []
    for txt, ann, shape in find_pairs(dirs):
        gold = json.loads(ann.read_text(encoding="utf-8"))
        _, record, error, _ = extract_one(txt)
        res = compare(gold, record.to_json() if record else None, doc_id=txt.stem, path=str(txt), shape=shape)
        if error:
            res.failures.insert(0, f"extractor error: {error}")
        results.append(res)
        groups["excerpt" if shape in EXCERPT_SHAPES else "full"].add(res.tally)
        groups["overall"].add(res.tally)
    return {g: t.scores() for g, t in groups.items()}, results


FIELDS = ("citations_precision", "citations_recall", "header", "citation_dates", "cues", "citation_types",
          "citation_issuers", "unnumbered_precision", "unnumbered_recall")


def format_table(scores: dict) -> str:
    lines = [f"{'field':22}" + "".join(f"{g:>12}" for g in GROUPS)]
    lines.append(f"{'texts':22}" + "".join(f"{scores[g]['texts']:>12}" for g in GROUPS))
    for f_ in FIELDS:
        cells = "".join(f"{'-' if scores[g][f_] is None else format(scores[g][f_], '.3f'):>12}" for g in GROUPS)
        lines.append(f"{f_:22}{cells}")
    lines.append("")
    for g in GROUPS:
        lines.append(f"{g}: " + ", ".join(f"{k} {v}" for k, v in scores[g]["counts"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", help="folders of annotated texts (default tests/data/real)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--worst", action="store_true", help="list the documents and fields that fail, worst first")
    args = ap.parse_args(argv)
    for d in args.dirs:
        if not Path(d).is_dir():
            print(f"score_real: {d}: not a folder", file=sys.stderr)
            return 1
    scores, results = score_dirs(args.dirs or None)
    if not results:
        print("score_real: no annotated texts (<id>.txt with <id>.json) found", file=sys.stderr)
        return 1
    if args.json:
        out = {"scores": scores}
        if args.worst:
            out["worst"] = [{"id": r.id, "path": r.path, "shape": r.shape, "failures": r.failures} for r in results if r.failures]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print(format_table(scores))
    if args.worst:
        print()
        for r in sorted((r for r in results if r.failures), key=lambda r: -len(r.failures)):
            print(f"{r.id} [{r.shape}] {len(r.failures)} failure(s)  {r.path}")
            for f_ in r.failures:
                print(f"    {f_}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
