"""Issue 14 point 4: would a compiled multi-pattern matcher bring extraction closer to the floor?

Measures, in process (run it under `taskset -c 1` for one core), on the real development set
(tests/data/real, read as `benchmarks/run.py --stages real` reads it) and on a generated corpus:

1. where extraction time goes: normalise / header / citations, each timed alone on the same
   inputs, and every regex call of a full extraction timed by a wrapper and classed by the span it
   scans: "whole" (>= 90% of the document), "zone" (>= 1,000 characters: the header's 3,000), "local"
   (a window, or a `.match` at one position);
2. today's whole-text candidate passes (the `\\d+` digit-run scan, the sentence breaks, the scans that
   normalise, the guarded whole-text finditers of the unnumbered forms, the header zone's searches),
   each replayed alone, against one pass of each candidate matcher over the same normalised texts,
   including the Python work of turning its matches into the positions today's code consumes
   (character offsets, by kind): `re` itself (one alternation; and `\\d\\d*` for the digits), hyperscan
   (literal prefixes, one database), hyperscan's Chimera (today's patterns as they are, one database),
   pyahocorasick, ahocorasick-rs, google-re2, numpy (digits only); each checked against `re`;
3. the Amdahl bound: the share of a document's extraction the replaced passes take, and what is left
   once a matcher's own cost is paid.

Variants run interleaved (A, B, C, A, B, C, ...) for --rounds rounds; each cell is the best round and,
in brackets, the median. Optional packages that are missing are reported and skipped.

    taskset -c 1 python benchmarks/matchers.py                       # real + /tmp/mc3k
    chidao demo-corpus /tmp/mc3k --docs 3000 --seed 5                 # the generated corpus, first
    taskset -c 1 python benchmarks/matchers.py --rounds 9 --gen /tmp/mc3k --only real

Measured on 3 December 2026 (tree 6cc80e8, 2 shared cores, one core pinned, 7 rounds, 4 runs): extraction
0.51-0.54 ms a document on the real set (211 files), 0.72-0.73 on the generated one (quiet runs); the
whole-text and header-zone regex scans are 29-35% (real) and 42-44% (generated) of it, so even free they
would give 1.4-1.5x and 1.7-1.8x. One literal-candidate scan with its re-checks: 1.14-1.19x (hyperscan,
exact) to 1.21-1.27x (ahocorasick-rs, not exact as built) real, 1.21-1.31x / 1.32-1.44x generated; Chimera
with today's patterns is slower than today (0.84-0.94x); the digit scan alone 1.01-1.06x whatever the
engine; one `re` alternation is 2-4x slower than today's extraction.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import importlib
import importlib.metadata
import os
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL_DIR = HERE.parent / "tests" / "data" / "real"
perf = time.perf_counter

# module -> distribution on PyPI
OPTIONAL = {"hyperscan": "hyperscan", "ahocorasick": "pyahocorasick", "ahocorasick_rs": "ahocorasick-rs",
            "re2": "google-re2", "numpy": "numpy"}


def optional(module: str):
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None, None
    try:
        version = importlib.metadata.version(OPTIONAL[module])
    except importlib.metadata.PackageNotFoundError:
        version = getattr(mod, "__version__", "?")
    return mod, version


# -- the corpora ------------------------------------------------------------------------------------

class Doc:
    __slots__ = ("path", "loaded", "norm", "text", "exclude", "own", "ocr", "size")


def load(dirs: list[str]) -> list[Doc]:
    """Read as run.py's real stage does (iter_document_paths, read_document); normalise and parse the
    header once, so that each stage can be timed alone on the inputs extraction gives it."""
    from chidao.loaders.files import iter_document_paths, read_document
    from chidao.loaders.header import parse_header
    from chidao.loaders.normalize import normalize

    docs = []
    for p in iter_document_paths(dirs):
        d = Doc()
        d.path, d.loaded = str(p), read_document(p)
        d.size = os.path.getsize(p)
        d.ocr = bool(d.loaded.encoding and d.loaded.encoding.endswith("ocr"))
        d.norm = normalize(d.loaded.text, ocr=d.ocr)
        d.text = d.norm.text
        header = parse_header(d.norm)
        d.exclude = (header.symbol_span,) if header.symbol_span else ()
        d.own = header.doc
        docs.append(d)
    return docs


# -- 1. stages ----------------------------------------------------------------------------------------

def stage_functions():
    from chidao.loaders.citations import find_citations
    from chidao.loaders.extract import extract_loaded
    from chidao.loaders.header import parse_header
    from chidao.loaders.normalize import normalize

    def floor(docs):  # what run.py's real stage calls the floor: read, hash, decode
        for d in docs:
            data = Path(d.path).read_bytes()
            hashlib.sha256(data).hexdigest()
            data.decode("utf-8", errors="replace")

    def extract(docs):
        for d in docs:
            extract_loaded(d.loaded)

    def norm(docs):
        for d in docs:
            normalize(d.loaded.text, ocr=d.ocr)

    def header(docs):
        for d in docs:
            parse_header(d.norm)

    def citations(docs):
        for d in docs:
            find_citations(d.norm, exclude=d.exclude, own=d.own)

    return {"floor (read+sha256+decode)": floor, "extract (end to end, text in memory)": extract,
            "  normalise": norm, "  header": header, "  citations": citations}


# -- 1b. every regex call of an extraction, timed and classed ---------------------------------------

class _Timed:
    """Stands in for a compiled pattern: times each call and books it by module, pattern and span."""

    def __init__(self, book, module, name, pattern):
        self._book, self._key, self._p = book, (module, name), pattern

    def __getattr__(self, attr):
        return getattr(self._p, attr)

    def _rec(self, method, span, seconds):
        n = _DOC_LEN[0]
        kind = "whole" if n and span >= 0.9 * n else "zone" if span >= 1000 else "local"
        cell = self._book[(*self._key, method, kind)]
        cell[0] += 1
        cell[1] += seconds

    def search(self, s, pos=0, endpos=sys.maxsize):
        t = perf(); r = self._p.search(s, pos, endpos); dt = perf() - t
        self._rec("search", min(endpos, len(s)) - pos, dt); return r

    def match(self, s, pos=0, endpos=sys.maxsize):
        t = perf(); r = self._p.match(s, pos, endpos); dt = perf() - t
        self._rec("match", 0, dt); return r

    def fullmatch(self, s, pos=0, endpos=sys.maxsize):
        t = perf(); r = self._p.fullmatch(s, pos, endpos); dt = perf() - t
        self._rec("fullmatch", 0, dt); return r

    def finditer(self, s, pos=0, endpos=sys.maxsize):
        t = perf(); r = list(self._p.finditer(s, pos, endpos)); dt = perf() - t
        self._rec("finditer", min(endpos, len(s)) - pos, dt); return iter(r)

    def findall(self, s, pos=0, endpos=sys.maxsize):
        t = perf(); r = self._p.findall(s, pos, endpos); dt = perf() - t
        self._rec("findall", min(endpos, len(s)) - pos, dt); return r

    def sub(self, repl, s, count=0):
        t = perf(); r = self._p.sub(repl, s, count); dt = perf() - t
        self._rec("sub", len(s), dt); return r

    def split(self, s, maxsplit=0):
        t = perf(); r = self._p.split(s, maxsplit); dt = perf() - t
        self._rec("split", len(s), dt); return r


_DOC_LEN = [0]


def attribute(docs: list[Doc], rounds: int) -> dict:
    """Run extraction with every compiled pattern of the loaders wrapped; the best round per cell.
    The wrappers are removed afterwards; the records are checked equal to the unwrapped ones."""
    from chidao.loaders import citations as C
    from chidao.loaders import dates as D
    from chidao.loaders import extract as E
    from chidao.loaders import header as H
    from chidao.loaders import normalize as N
    from chidao.loaders import patterns as P

    plain = [E.extract_loaded(d.loaded) for d in docs]
    # citations.py reads patterns.X at call time; header.py imported its own names; normalize.py has its own.
    # (header's TITLE_LEAD_RE is left alone: header.py tests a match's .re against it with `is`.)
    owners = ((P, "citations"), (D, "citations"), (C, "citations"), (H, "header"), (N, "normalise"))
    saved = []
    best: dict = {}
    try:
        for rnd in range(rounds):
            book = collections.defaultdict(lambda: [0, 0.0])
            for mod, label in owners:
                for k, v in list(vars(mod).items()):
                    if isinstance(v, _Timed):
                        v._book = book
                    elif isinstance(v, re.Pattern) and not (mod is H and k == "TITLE_LEAD_RE"):
                        saved.append((mod, k, v))
                        setattr(mod, k, _Timed(book, label, k, v))
            out = []
            for d in docs:
                _DOC_LEN[0] = len(d.loaded.text)
                out.append(E.extract_loaded(d.loaded))
            if rnd == 0 and out != plain:
                raise SystemExit("the timed patterns changed the output: attribution is void")
            for key, (calls, seconds) in book.items():
                if key not in best or seconds < best[key][1]:
                    best[key] = (calls, seconds)
    finally:
        for mod, k, v in saved:
            setattr(mod, k, v)
    return best


# -- 2. today's whole-text candidate passes, replayed --------------------------------------------------

def today_passes():
    from chidao.loaders import normalize as N
    from chidao.loaders import patterns as P
    from chidao.loaders.vocabulary import OCR_WORD_FIXES, UNNUMBERED_TYPES

    digit_run = P.DIGIT_RUN_RE

    def digits(docs):
        for d in docs:
            [m.start() for m in digit_run.finditer(d.text)]

    def sentences(docs):  # today: up to the sentence of the last reference; here the whole text (an upper bound)
        for d in docs:
            list(P.SENTENCE_BREAK_RE.finditer(d.text))

    def normalise_scans(docs):  # what _match_form runs over a whole NFC text
        for d in docs:
            t = d.loaded.text
            N._fix_chars(t)
            N._OLD_TONE_RE.sub(N._retone, t)
            any(w in t for w in OCR_WORD_FIXES)

    def unnumbered_forms(docs):  # find_citations' guarded whole-text finditers, as guarded there
        for d in docs:
            t = d.text
            if "Quý" in t:
                list(P.SITE_NOTICE_RE.finditer(t))
            if any(w in t for w in UNNUMBERED_TYPES):
                list(P.UNNUMBERED_RE.finditer(t))
            if "uật" in t or "Pháp lệnh" in t:
                list(P.NAMED_LAW_RE.finditer(t))
            if "Đại hội" in t:
                list(P.CONGRESS_RESOLUTION_RE.finditer(t))

    def header_zone(docs):  # parse_header's searches of its zone (on the text before its column repairs)
        for d in docs:
            t = d.text
            z = min(len(t), 3000)
            P.HEADER_SYMBOL_RE.search(t, 0, z); P.PLACE_DATE_RE.search(t, 0, z); P.TITLE_RE.search(t, 0, z)
            P.VV_RE.search(t, 0, z); P.EMBLEM_RE.search(t, 0, z)
            P.KINH_GUI_RE.search(t, 0, min(len(t), 5000))
            nn = None
            for nn in P.NOI_NHAN_RE.finditer(t, max(0, len(t) - 4000)):
                pass
            if nn is None and len(t) > 4000:
                for nn in P.NOI_NHAN_RE.finditer(t):
                    pass

    return {"digit runs (\\d+, whole text)": digits, "sentence breaks (whole text)": sentences,
            "normalise scans (char fixes, old tones, OCR words)": normalise_scans,
            "unnumbered forms (site notice, Điện, named laws, congresses)": unnumbered_forms,
            "header zone searches (Số, place-date, title, V/v, emblem, Kính gửi, Nơi nhận)": header_zone}


# -- 2b. the candidate matchers ------------------------------------------------------------------------

def literal_groups():
    """What one candidate scan would report, by the consumer that would take its positions.
    Multi-word entries are written with one space; a `\\s+` stands for it where the engine has regexes."""
    from chidao.loaders import normalize as N
    from chidao.loaders import patterns as P
    from chidao.loaders.vocabulary import OCR_WORD_FIXES, TYPE_BY_CODE, TYPE_NAMES, UNNUMBERED_TYPES

    return {
        "cue": (sorted(P._CUE_WORDS), True),                       # CUE_RE's words, any case
        "type": (sorted({*TYPE_NAMES, "văn bản"}), True),          # TYPE_BEFORE_RE / TYPE_THEN_NUMBER_RE words
        "code": (sorted({*TYPE_BY_CODE, "TT", "VB"}), False),      # type codes, as written
        "unnumbered": (sorted({*UNNUMBERED_TYPES, "Luật", "Bộ luật", "Pháp lệnh", "Đại hội", "Quý"}), False),
        "header": (["Số", "số", "ngày", "V/v", "Kính gửi", "Nơi nhận", "CỘNG HÒA", "ĐẢNG CỘNG SẢN", "ĐOÀN",
                    "Độc lập", *sorted({t.upper() for t in TYPE_NAMES})], False),
        "normalise": (sorted({*map(chr, N._CHAR_FIXES), *N._OLD_TO_NEW, *OCR_WORD_FIXES}), False),
    }


def _cased(words, caseless):
    if not caseless:
        return list(words)
    return sorted({v for w in words for v in (w, w.lower(), w.capitalize(), w.upper())})


def matchers(with_sentences: bool):
    """name -> (function over docs, checker or None). Each returns, per doc, {group: [char starts]}
    with group "digit" holding the starts of digit runs exactly as DIGIT_RUN_RE gives them."""
    from chidao.loaders import patterns as P

    groups = literal_groups()
    if with_sentences:
        groups = {**groups, "sentence": ([".", "!", "?", "\n"], False)}
    out = {}
    digit_run = P.DIGIT_RUN_RE

    # re: one alternation of every literal and a digit-run start, one finditer.
    names = list(groups)
    parts = [r"(?P<digit>(?<!\d)\d)"]
    for g in names:
        words, caseless = groups[g]
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        parts.append(f"(?P<{g}>{'(?i:' + alt + ')' if caseless else alt})")
    one_re = re.compile("|".join(parts))

    def re_one(docs):
        res = []
        for d in docs:
            found = collections.defaultdict(list)
            for m in one_re.finditer(d.text):
                found[m.lastgroup].append(m.start())
            res.append(found)
        return res
    out["re: one alternation (every group)"] = re_one

    def re_digits(docs):
        return [{"digit": [m.start() for m in digit_run.finditer(d.text)]} for d in docs]
    out["re: \\d+ (today)"] = re_digits

    class_first = re.compile(r"\d\d*")  # the same matches; opening with a class lets sre skip to a digit in C

    def re_class_first(docs):
        return [{"digit": [m.start() for m in class_first.finditer(d.text)]} for d in docs]
    out["re: \\d\\d* (same runs, class first)"] = re_class_first

    np, _ = optional("numpy")

    if np is not None:
        # the table is Python's \d for str: the Unicode decimal digits (str.isdecimal)
        is_digit = np.zeros(0x110000, dtype=bool)
        is_digit[[c for c in range(0x110000) if c < 0xD800 or c > 0xDFFF if chr(c).isdecimal()]] = True

        def np_digits(docs):
            res = []
            for d in docs:
                a = np.frombuffer(d.text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
                m = is_digit[a]
                m[1:] &= ~is_digit[a[:-1]]
                res.append({"digit": np.flatnonzero(m).tolist()})
            return res
        out["numpy: digit runs (utf-32 + table)"] = np_digits

    hs, _ = optional("hyperscan")
    if hs is not None:
        utf = hs.HS_FLAG_UTF8 | hs.HS_FLAG_UCP
        exprs, ids, flags, group_of = [rb"\D\d", rb"^\d"], [0, 1], [utf, utf], ["digit", "digit"]
        for g in names:
            words, caseless = groups[g]
            for w in words:
                exprs.append(re.escape(w).replace(r"\ ", r"\s+").encode("utf-8"))
                ids.append(len(ids))
                flags.append(utf | (hs.HS_FLAG_CASELESS if caseless else 0))
                group_of.append(g)
        db_all = hs.Database()
        db_all.compile(expressions=exprs, ids=ids, flags=flags)
        db_dig = hs.Database()
        db_dig.compile(expressions=exprs[:2], ids=ids[:2], flags=flags[:2])

        def to_chars(b: bytes, starts: list[int]) -> list[int]:
            """Byte offsets where matches start (never inside a character) -> character offsets."""
            if b.isascii() or not starts:
                return starts
            if np is not None:
                a = np.frombuffer(b, dtype=np.uint8)
                chars = np.cumsum((a & 0xC0) != 0x80)  # characters begun up to and including each byte
                return (chars[np.asarray(starts)] - 1).tolist()
            res, pos, ch = [], 0, 0  # without numpy: decode the stretch between two starts (in order)
            for s in starts:
                ch += len(b[pos:s].decode("utf-8"))
                pos = s
                res.append(ch)
            return res

        def hs_digits(docs):
            res = []
            for d in docs:
                b = d.text.encode("utf-8")
                ends = []
                db_dig.scan(b, match_event_handler=lambda i, f, t, fl, c: ends.append(t - 1))  # the digit's byte
                res.append({"digit": to_chars(b, ends)})
            return res
        out["hyperscan: digit runs"] = hs_digits

        # A literal's start: hyperscan reports ends; the leftmost start (SOM) is asked for instead of
        # working out each literal's length in bytes (its \s+ has none).
        db_som = hs.Database()
        db_som.compile(expressions=exprs, ids=ids, flags=[f | hs.HS_FLAG_SOM_LEFTMOST for f in flags])

        def hs_one(docs):
            res = []
            for d in docs:
                b = d.text.encode("utf-8")
                hits = []
                db_som.scan(b, match_event_handler=lambda i, f, t, fl, c: hits.append((i, f, t)))
                # a digit run starts at the matched digit (the last byte of \D\d or ^\d), a literal at its SOM
                byte_starts = [t - 1 if i < 2 else f for i, f, t in hits]
                order = sorted(range(len(hits)), key=byte_starts.__getitem__)
                starts = to_chars(b, [byte_starts[k] for k in order])
                found = collections.defaultdict(list)
                for k, s in zip(order, starts):
                    found[group_of[hits[k][0]]].append(s)
                res.append(found)
            return res
        out["hyperscan: one scan (every group, SOM)"] = hs_one

    if hs is not None and hasattr(hs, "CH_MODE_NOGROUPS"):
        # Chimera (hyperscan's prefilter, PCRE's confirmation): today's patterns as they are, one database.
        # CONGRESS_RESOLUTION_RE does not compile in it (PCRE error); the header's are scanned over the whole text.
        ch_names, ch_db = chimera_patterns(hs)

        def chimera_one(docs):
            res = []
            for d in docs:
                b = d.text.encode("utf-8")
                hits = []
                ch_db.scan(b, match_event_handler=lambda i, f, t, fl, *rest: hits.append((i, f, t)))
                found = collections.defaultdict(list)
                if hits:
                    if b.isascii() or np is None:
                        spans = [(f, t) for _, f, t in hits] if b.isascii() else \
                            [(len(b[:f].decode()), len(b[:t].decode())) for _, f, t in hits]
                    else:
                        chars = np.cumsum((np.frombuffer(b, dtype=np.uint8) & 0xC0) != 0x80)
                        fr = chars[np.asarray([h[1] for h in hits])] - 1
                        to = chars[np.asarray([h[2] for h in hits]) - 1]
                        spans = list(zip(fr.tolist(), to.tolist()))
                    for (i, _, _), span in zip(hits, spans):
                        found[ch_names[i]].append(span)
                res.append(found)
            return res
        out["re: the Chimera row's patterns, each finditer over the whole text"] = same_patterns_by_re
        out["hyperscan/Chimera: today's patterns, one database, spans"] = chimera_one

    ac, _ = optional("ahocorasick")
    cased = {g: _cased(*groups[g]) for g in names}
    if ac is not None:
        auto = ac.Automaton()
        for g in names:
            for w in cased[g]:
                auto.add_word(w, (g, len(w)))
        for ch in "0123456789":
            auto.add_word(ch, ("digit", 1))
        auto.make_automaton()

        def pyac_one(docs):
            res = []
            for d in docs:
                found = collections.defaultdict(list)
                digits = found["digit"]
                prev = -2
                for end, (g, n) in auto.iter(d.text):
                    if g == "digit":
                        if end != prev + 1:
                            digits.append(end)
                        prev = end
                    else:
                        found[g].append(end - n + 1)
                res.append(found)
            return res
        out["pyahocorasick: one scan (cased words, ASCII digits)"] = pyac_one

        dig = ac.Automaton()
        for ch in "0123456789":
            dig.add_word(ch, 1)
        dig.make_automaton()

        def pyac_digits(docs):
            res = []
            for d in docs:
                runs, prev = [], -2
                for end, _ in dig.iter(d.text):
                    if end != prev + 1:
                        runs.append(end)
                    prev = end
                res.append({"digit": runs})
            return res
        out["pyahocorasick: digit runs (ASCII)"] = pyac_digits

    rs, _ = optional("ahocorasick_rs")
    if rs is not None:
        words, group_of_rs = [], []
        for g in names:
            for w in cased[g]:
                words.append(w)
                group_of_rs.append(g)
        digit_first = len(words)
        words += list("0123456789")
        group_of_rs += ["digit"] * 10
        rs_all = rs.AhoCorasick(words)
        rs_dig = rs.AhoCorasick(list("0123456789"))

        def rs_one(docs):
            res = []
            for d in docs:
                found = collections.defaultdict(list)
                digits = found["digit"]
                prev = -2
                for i, s, e in rs_all.find_matches_as_indexes(d.text, overlapping=True):
                    if i >= digit_first:
                        if s != prev:
                            digits.append(s)
                        prev = e
                    else:
                        found[group_of_rs[i]].append(s)
                res.append(found)
            return res
        out["ahocorasick-rs: one scan (cased words, ASCII digits)"] = rs_one

        def rs_digits(docs):
            res = []
            for d in docs:
                runs, prev = [], -2
                for _, s, e in rs_dig.find_matches_as_indexes(d.text):
                    if s != prev:
                        runs.append(s)
                    prev = e
                res.append({"digit": runs})
            return res
        out["ahocorasick-rs: digit runs (ASCII)"] = rs_digits

    re2, _ = optional("re2")
    if re2 is not None:
        r2_dig = re2.compile(r"\d+")
        # RE2 has no lookbehind: a digit-run start is a digit after a non-digit (kept in the match) or at 0
        r2_parts = [r"(?P<digit>(?:^|\D)\d)"] + [p for p in parts[1:]]
        r2_one = re2.compile("|".join(r2_parts))

        def re2_digits(docs):
            return [{"digit": [m.start() for m in r2_dig.finditer(d.text)]} for d in docs]
        out["google-re2: \\d+ (ASCII \\d)"] = re2_digits

        def re2_one(docs):
            res = []
            for d in docs:
                found = collections.defaultdict(list)
                for m in r2_one.finditer(d.text):
                    g = m.lastgroup
                    found[g].append(m.end() - 1 if g == "digit" else m.start())
                res.append(found)
            return res
        out["google-re2: one alternation (every group)"] = re2_one
    return out


CHIMERA_PATTERNS = ("DIGIT_RUN_RE", "SENTENCE_BREAK_RE", "NAMED_LAW_RE", "UNNUMBERED_RE", "SITE_NOTICE_RE",
                    "HEADER_SYMBOL_RE", "PLACE_DATE_RE", "TITLE_RE", "VV_RE", "EMBLEM_RE", "KINH_GUI_RE",
                    "NOI_NHAN_RE", "_OLD_TONE_RE")


def _pattern(name):
    from chidao.loaders import normalize as N
    from chidao.loaders import patterns as P

    return getattr(N if name.startswith("_") else P, name)


def chimera_patterns(hs):
    """The patterns of CHIMERA_PATTERNS compiled as they are (Python's flags as PCRE's) into one database."""
    exprs, flags = [], []
    for name in CHIMERA_PATTERNS:
        p = _pattern(name)
        exprs.append((("(?x)" if p.flags & re.VERBOSE else "") + p.pattern).encode("utf-8"))
        f = hs.CH_FLAG_UTF8 | hs.CH_FLAG_UCP
        f |= hs.CH_FLAG_CASELESS if p.flags & re.IGNORECASE else 0
        f |= hs.CH_FLAG_MULTILINE if p.flags & re.MULTILINE else 0
        f |= hs.CH_FLAG_DOTALL if p.flags & re.DOTALL else 0
        flags.append(f)
    db = hs.Database(chimera=True, mode=hs.CH_MODE_NOGROUPS)
    db.compile(expressions=exprs, ids=list(range(len(exprs))), flags=flags)
    return list(CHIMERA_PATTERNS), db


def same_patterns_by_re(docs):
    """The baseline of the Chimera row: each of its patterns' finditer over the whole text, spans kept."""
    pats = [(name, _pattern(name)) for name in CHIMERA_PATTERNS]
    return [{name: [m.span() for m in p.finditer(d.text)] for name, p in pats} for d in docs]


def check_chimera(docs, funcs) -> str:
    for name, f in funcs.items():
        if "Chimera" in name:
            want = same_patterns_by_re(docs)
            got = f(docs)
            bad = {k for g, w in zip(got, want) for k in w if sorted(g.get(k, [])) != w[k]}
            return f"{name}: " + ("identical spans to re for every pattern" if not bad else f"differs for {sorted(bad)}")
    return "Chimera: not available"


def check_digits(docs, funcs) -> dict[str, str]:
    """Each matcher's digit-run starts against DIGIT_RUN_RE's, document by document."""
    from chidao.loaders import patterns as P

    want = [[m.start() for m in P.DIGIT_RUN_RE.finditer(d.text)] for d in docs]
    verdict = {}
    for name, f in funcs.items():
        if "patterns" in name:
            continue  # spans by pattern: check_chimera
        got = f(docs)
        bad = sum(1 for g, w in zip(got, want) if list(g.get("digit", [])) != w)
        verdict[name] = "identical" if not bad else f"differs in {bad} docs"
    return verdict


def check_cues(docs, funcs) -> dict[str, str]:
    """Each one-scan matcher's cue candidates against the starts of CUE_RE over the whole text
    (today CUE_RE runs in windows; a candidate list must hold every start it would find)."""
    from chidao.loaders import patterns as P

    want = [{m.start() for m in P.CUE_RE.finditer(d.text)} for d in docs]
    verdict = {}
    for name, f in funcs.items():
        if "one" not in name or "patterns" in name:
            continue
        got = f(docs)
        missed = sum(len(w - set(g.get("cue", []))) for g, w in zip(got, want))
        verdict[name] = f"misses {missed} of {sum(map(len, want))} cue starts" if missed else "holds every cue start"
    return verdict


# -- the run -----------------------------------------------------------------------------------------

def interleaved(funcs: dict, docs, rounds: int) -> dict[str, list[float]]:
    times = {name: [] for name in funcs}
    for _ in range(rounds):
        for name, f in funcs.items():
            started = perf()
            f(docs)
            times[name].append(perf() - started)
    return times


def cell(seconds: list[float], n_docs: int, mb: float) -> str:
    best, med = min(seconds), statistics.median(seconds)
    return f"{best / n_docs * 1e3:8.4f} ({med / n_docs * 1e3:7.4f}) {mb / best:8.1f}"


def run_corpus(label: str, dirs: list[str], rounds: int, with_sentences: bool) -> dict:
    docs = load(dirs)
    n = len(docs)
    mb = sum(d.size for d in docs) / 1e6
    chars = sum(len(d.text) for d in docs)
    print(f"\n=== {label}: {n} documents, {mb:.2f} MB on disk, {chars / n:,.0f} characters a document "
          f"({', '.join(dirs)}) ===")
    stages = stage_functions()
    passes = today_passes()
    found = matchers(with_sentences)
    found_any = found["re: one alternation (every group)"]
    print("checks: digit runs ->", "; ".join(f"{k}: {v}" for k, v in check_digits(docs, found).items()))
    print("checks: same patterns ->", check_chimera(docs, found))
    print("checks: cue candidates ->", "; ".join(f"{k}: {v}" for k, v in check_cues(docs, found).items()))
    times = interleaved({**stages, **passes, **found}, docs, rounds)
    header = f"{'variant':<80} {'ms/doc best (median)':>22} {'MB/s':>8}"
    print(f"\n{header}\n{'-' * len(header)}")
    for group, names in (("stages", stages), ("today's whole-text passes, replayed", passes),
                         ("one pass of each matcher, positions included", found)):
        print(f"[{group}]")
        for name in names:
            print(f"{name:<80} {cell(times[name], n, mb)}")
    best = {k: min(v) / n * 1e3 for k, v in times.items()}
    extract = best["extract (end to end, text in memory)"]
    book = attribute(docs, max(3, rounds))
    by = collections.defaultdict(float)
    for (module, name, method, kind), (calls, seconds) in book.items():
        by[(module, kind)] += seconds / n * 1e3
    stage_of = {"normalise": "  normalise", "header": "  header", "citations": "  citations"}
    print(f"\n[where extraction goes: each stage alone, and every regex call of a full extraction timed "
          f"(best of {max(3, rounds)}), ms/doc]")
    print(f"{'stage':<12} {'alone':>8} {'scans: whole':>13} {'zone':>8} {'local regex':>12} {'Python rest':>12}")
    for module, stage in stage_of.items():
        w, z, l = (by[(module, k)] for k in ("whole", "zone", "local"))
        rest = best[stage] - w - z - l
        print(f"{module:<12} {best[stage]:8.4f} {w:13.4f} {z:8.4f} {l:12.4f} {rest:12.4f}"
              + ("  <- timed calls exceed the stage alone: a noisy round, run again" if rest < 0 else ""))
    scans = sum(v for (m, k), v in by.items() if k != "local")
    local = sum(v for (m, k), v in by.items() if k == "local")
    print(f"{'all':<12} {extract:8.4f}   whole+zone {scans:.4f} ({scans / extract:.0%}), local regex {local:.4f} "
          f"({local / extract:.0%}), Python rest {extract - scans - local:.4f} ({(extract - scans - local) / extract:.0%})")
    top = sorted(((s / n * 1e3, c / n, k) for k, (c, s) in book.items() if k[3] != "local"), reverse=True)[:12]
    print("largest scans:", "; ".join(f"{k[1]}.{k[2]} ({k[0]}, {k[3]}) {ms * 1e3:.1f} us" for ms, _, k in top))
    sentence_scan = sum(s for k, (c, s) in book.items() if k[1] == "SENTENCE_BREAK_RE" and k[3] != "local") / n * 1e3
    # what the one scan's positions stand in for: every scan but the sentence breaks (unless --sentences) and
    # the header's rewrites of its zone (column gaps, table cells, run-together lines: .sub, already guarded)
    rewrites = sum(s for k, (c, s) in book.items() if k[0] == "header" and k[2] == "sub" and k[3] != "local") / n * 1e3
    replaced = scans - (0 if with_sentences else sentence_scan) - rewrites
    digit_scan = sum(s for k, (c, s) in book.items() if k[1] == "DIGIT_RUN_RE") / n * 1e3
    local_match = [(c, s) for k, (c, s) in book.items() if k[0] == "citations" and k[2] == "match"]
    per_match = sum(s for _, s in local_match) / max(1, sum(c for c, _ in local_match)) * 1e3  # ms a call

    # candidates a one-scan matcher reports, by group: each needs at least one anchored .match to become
    # what today's regex gives (digits: none, the starts are the answer)
    counts = collections.Counter()
    for per_doc in found_any(docs):
        for g, v in per_doc.items():
            counts[g] += len(v)
    # the groups that stand in for whole-text scans (cue, type and code candidates would serve the local
    # windows instead: counted in the last line)
    rechecks = sum(v for g, v in counts.items() if g in ("header", "unnumbered", "normalise", "sentence")) / n
    windows = sum(s for k, (c, s) in book.items() if k[3] == "local" and k[2] in ("search", "finditer")
                  and k[1] in ("TYPE_BEFORE_RE", "TYPE_THEN_NUMBER_RE", "CUE_RE")) / n * 1e3
    window_rechecks = sum(v for g, v in counts.items() if g in ("cue", "type", "code")) / n
    print("\ncandidates a document, by group:", ", ".join(f"{g} {v / n:.1f}" for g, v in sorted(counts.items())),
          f"; a local .match in citations costs {per_match * 1e3:.2f} us on average")
    recheck_ms = rechecks * per_match

    print(f"\n[Amdahl, ms/doc; extraction {extract:.4f}; scans measured in context]")
    print(f"  every whole-text/zone regex scan gone at no cost: {extract - scans:.4f} "
          f"(at best {extract / (extract - scans):.2f}x; {scans / extract:.0%} of the time)")
    print(f"  the scans a one-scan matcher stands in for (not the header's rewrites, {rewrites:.4f} ms"
          f"{'; nor the sentence breaks, ' + format(sentence_scan, '.4f') + ' ms' if not with_sentences else ''}): "
          f"{replaced:.4f} ms; their candidates' re-checks at >= {per_match * 1e3:.2f} us each: "
          f"{rechecks:.0f} a document, >= {recheck_ms:.4f} ms")
    digit_base = min(best["digit runs (\\d+, whole text)"], best["re: \\d+ (today)"])
    chimera_replaced = sum(s for k, (c, s) in book.items() if k[3] != "local" and k[1] in CHIMERA_PATTERNS) / n * 1e3
    for name in found:
        cost = best[name]
        if name.startswith("hyperscan/Chimera"):
            after = extract - chimera_replaced + cost
            print(f"  same patterns: {name:<51} {after:.4f} ({extract / after:.2f}x; it stands in for "
                  f"{chimera_replaced:.4f} ms of scans, exact, no re-checks)")
        elif "patterns" in name:
            continue
        elif "one" in name:
            after = extract - replaced + cost + recheck_ms
            print(f"  one scan: {name:<56} {after:.4f} ({extract / after:.2f}x)")
        elif "today" not in name:
            after = extract - digit_base + cost
            print(f"  digit scan only: {name:<49} {after:.4f} ({extract / after:.2f}x)")
    print(f"  and at most, if the cue/type/code candidates also replaced the window searches before each number "
          f"(TYPE_BEFORE_RE, TYPE_THEN_NUMBER_RE, CUE_RE: {windows:.4f} ms) by a .match at each of "
          f"{window_rechecks:.0f} candidates: {max(0.0, windows - window_rechecks * per_match):.4f} ms more off")
    print(f"  (the digit scan itself, in context: {digit_scan:.4f} ms = {digit_scan / extract:.1%} of extraction)")
    return {"docs": n, "mb": mb, "best_ms": best, "scans_ms": scans}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gen", default="/tmp/mc3k", help="a generated corpus (chidao demo-corpus DIR --docs 3000 --seed 5)")
    ap.add_argument("--real", default=str(REAL_DIR))
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--only", choices=("real", "gen"))
    ap.add_argument("--sentences", action="store_true", help="the one-scan matchers report . ! ? and line breaks too")
    args = ap.parse_args(argv)
    import chidao.loaders

    print(f"python {sys.version.split()[0]}; chidao.loaders from {Path(chidao.loaders.__file__).parent}; "
          f"cpu affinity {sorted(os.sched_getaffinity(0))}; load {os.getloadavg()[0]:.2f}")
    for module, dist in OPTIONAL.items():
        mod, version = optional(module)
        print(f"  {dist:<16} {version if mod else 'missing (pip install ' + dist + ')'}")
    if args.only != "gen":
        run_corpus("real", [args.real], args.rounds, args.sentences)
    if args.only != "real":
        if not Path(args.gen).exists():
            print(f"\n{args.gen} missing: chidao demo-corpus {args.gen} --docs 3000 --seed 5")
        else:
            run_corpus("generated", [args.gen], args.rounds, args.sentences)
    print(f"\nload at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
