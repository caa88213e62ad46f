"""Deterministic synthetic corpus of Vietnamese Party and State directives.

``generate_corpus(outdir, n_docs, seed)`` writes ``n_docs`` plain-text documents
(``outdir/<province-slug>/<bucket>/<nnnnnn>.txt``, at most 1,000 files per folder;
central documents go under ``trung-uong``) and ``outdir/truth.jsonl`` with one JSON
object per written document: its identity and every citation the text makes, each
with the truth key of the cited document.

Identity (see ../shared/DOMAIN.md §3): a document's key is
``"<normalised symbol>|<scope>|<year>"`` where scope is ``VN`` for central issuers,
the province (``Lai Châu``) for province issuers, ``Lai Châu/Tam Đường`` for
district issuers and, for commune issuers, ``Lai Châu/Tam Đường/Bình Lư`` (see
``COMMUNE_SCOPE_INCLUDES_COMMUNE``).

How the corpus is built: "campaigns" in rough chronological order. A campaign has
a topic and a sector (party, state, health, union, youth, front) and usually a
central root document (sometimes only a stub that is cited but not written); a
number of provinces implement it, some of each province's districts implement the
province document and some communes implement the district document, each after a
lag. Numbers come from per-(scope, symbol family, year) counters driven by the day
of the year, so the same local symbol recurs in many provinces in the same year
while keys stay unique. Everything is drawn from one ``random.Random(seed)``; the
text banks are fixed module data; output is byte-identical for the same arguments.

The modules: ``model`` (settings, noise rates, truth keys, the document record),
``text_banks`` and ``issuers`` (data), ``citation_forms`` and ``document_text`` (the
renderers), and this driver (campaigns, numbering, files, the truth). It imports
nothing of chidao: the corpus it writes is what the parser is scored against.
"""
from __future__ import annotations

import json
import math
import os
import random
import time
import unicodedata
from datetime import date
from pathlib import Path
from typing import IO, Callable

from .citation_forms import CitationForms
from .document_text import DocumentText, _build_banks
from .issuers import _RATES, _Issuers, _cumulative, _gazetteer
from .model import (_CAP, _ROOT_END, _ROOT_START, MAX_BYTES, MAX_FILES_PER_DIR, MIN_BYTES, P_ARTICLE, P_DRAFT, P_ETH,
                    P_NFD, P_OLD_TONE, PROGRESS_EVERY, _Doc, _iso, normalise_symbol, truth_key)
from .text_banks import _VERB_START, GENERIC, GIVENS, MIDDLES, SECTORS, SURNAMES, TOPICS, TYPE_NAMES

__all__ = ["generate_corpus", "truth_key", "normalise_symbol"]

_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_WFLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
# --------------------------------------------------------------------------- generator
class _Gen(CitationForms, DocumentText):
    def __init__(self, outdir: Path, n_docs: int, seed: int):
        self.out = outdir
        self.outs = str(outdir) + os.sep
        self.n = n_docs
        self.rng = random.Random(seed)
        self.rand = self.rng.random
        self.gaz = _gazetteer()
        self.issuer = _Issuers(self.gaz)
        self.banks = _build_banks()
        self.counters: dict = {}
        self.counter_year = 0
        self.last_by_issuer: dict = {}
        self.last_district_doc: dict = {}
        self.written = 0
        self.n_cit = 0
        self.bytes = 0
        self.prov_count: dict = {}
        self.dirs: set = set()
        self.prov_cycle: list = []
        self.truth: IO[str] | None = None  # truth.jsonl, opened by generate_corpus
        self.progress: Callable[[int], None] | None = None
        self.progress_every = PROGRESS_EVERY

    # ---------------------------------------------------------------- helpers
    def pick(self, seq):
        return seq[int(self.rand() * len(seq))]

    def wpick(self, cum):
        x = self.rand()
        for c, v in cum:
            if x <= c:
                return v
        return cum[-1][1]

    def name(self):
        p = self.pick
        return f"{p(SURNAMES)} {p(MIDDLES)} {p(GIVENS)}"

    def alloc(self, issuer, tcode, day, year=None):
        """Allocate a number and symbol for a document of `iss` dated ordinal `od`."""
        d = date.fromordinal(day)
        y = d.year
        rest = self.pick(issuer.sym[tcode])
        fam = rest.split("-")[0] + "-*" if tcode == "CV" and "/UBND-" in rest else rest
        if issuer.level != "central" and y < self.counter_year - 1:
            y_ok = False
        else:
            y_ok = True
        ck = (issuer.cscope, fam, y)
        last = self.counters.get(ck, 0) if y_ok else 0
        rate = _RATES.get((issuer.kind if issuer.kind[:2] not in ("SO", "PH") else issuer.kind[:2], tcode), 0.5)
        doy = d.timetuple().tm_yday
        n = 1 + int(doy * rate) + int(self.rand() * (rate * 6 + 2))
        if n <= last:
            n = last + 1 + int(self.rand() * 3)
        self.counters[ck] = n
        party = "/" in rest and rest.startswith("-")
        num = f"{n:02d}" if party else str(n)
        if "{y}" in rest:
            rest = rest.replace("{y}", str(y))
        sym = num + rest
        return num, sym

    def prune_counters(self, year):
        if year <= self.counter_year:
            return
        self.counter_year = year
        keep = year - 1
        self.counters = {k: v for k, v in self.counters.items() if k[2] >= keep or k[0] == "VN"}

    def make_doc(self, issuer, tcode, day, subject, topic, parent=None, parent2=None, draft=False):
        d = _Doc()
        if parent is not None and parent.day > day:
            day = parent.day
        if parent2 is not None and parent2.day > day:
            day = parent2.day
        d.issuer, d.tcode, d.day, d.subject, d.topic = issuer, tcode, day, subject, topic
        d.parent, d.parent2, d.draft = parent, parent2, draft
        d.year = date.fromordinal(day).year
        d.iso = _iso(day)
        if draft:
            d.number = d.symbol = d.key = None
        else:
            d.number, d.symbol = self.alloc(issuer, tcode, day)
            d.key = f"{d.symbol}|{issuer.scope}|{d.year}"
        return d

    def subject_for(self, topic, year, parent=None):
        t = TOPICS[topic]
        rand = self.rand()
        core = self.pick(t["cores"])
        if rand < 0.55 and core.split(" ", 1)[0] not in _VERB_START:
            pre = self.pick(["tăng cường", "đẩy mạnh", "tiếp tục thực hiện tốt", "nâng cao hiệu quả", "tổ chức thực hiện",
                             "chấn chỉnh, nâng cao chất lượng", "triển khai", "thực hiện"])
            s = f"{pre} {core}"
        else:
            s = core
        x = self.rand()
        if x < 0.15:
            s += f" năm {year}"
        elif x < 0.25:
            s += " trong thời gian tới"
        elif x < 0.35:
            s += " trên địa bàn"
        return s

    # ---------------------------------------------------------------- rendering pieces
    def emit(self, text: str, rec: dict, folder: str, nfd_ok=True):
        if self.written >= self.n:
            return False
        rand = self.rand
        x = rand()
        if x < P_OLD_TONE:
            for a, b in (("Ủy", "Uỷ"), ("ủy", "uỷ"), ("ỦY", "UỶ"), ("hòa", "hoà"), ("Hòa", "Hoà"), ("thủy", "thuỷ"),
                         ("Thủy", "Thuỷ"), ("khóa", "khoá"), ("HÒA", "HOÀ"), ("òa", "oà")):
                text = text.replace(a, b)
        if rand() < P_ETH:
            text = text.replace("Đ", "\u00d0")
        data = text.encode()
        if rand() < P_NFD and len(data) * 1.3 < MAX_BYTES:
            data = unicodedata.normalize("NFD", text).encode()
        if len(data) > MAX_BYTES:  # rare: cut paragraphs from the middle
            cut = len(text) - (MAX_BYTES - 200) // 2
            middle = text.find("\n\n", len(text) // 3)
            text = (text[:middle] + "\n\n" + text[middle + cut:].split("\n\n", 1)[-1] if middle > 0
                    else text[:MAX_BYTES // 3])
            data = text.encode()
        if len(data) < MIN_BYTES:
            data += ("\n\n" + " ".join(self.pick(GENERIC) for _ in range(20)) + "\n").encode()
        k = self.prov_count.get(folder, 0)
        self.prov_count[folder] = k + 1
        sub = f"{folder}/{k // MAX_FILES_PER_DIR:03d}"
        if sub not in self.dirs:
            os.makedirs(self.outs + sub, exist_ok=True)
            self.dirs.add(sub)
        rel = f"{sub}/{k:06d}.txt"
        fd = os.open(self.outs + rel, _WFLAGS, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        rec = {"path": rel, **rec}
        assert self.truth is not None, "generate_corpus opens truth.jsonl before writing documents"
        self.truth.write(_JSON(rec))
        self.truth.write("\n")
        self.written += 1
        self.bytes += len(data)
        self.n_cit += len(rec["citations"])
        if self.progress is not None and self.written % self.progress_every == 0:
            self.progress(self.progress_every)
        return True

    def write_doc(self, doc, extra):
        if self.written >= self.n:
            return False
        text, citations, unnumbered_refs, signer = self.render(doc, extra)
        issuer = doc.issuer
        rec = {"kind": "document", "key": doc.key, "doc_type": TYPE_NAMES[doc.tcode], "number": doc.number,
               "symbol": doc.symbol, "issuer": issuer.name, "level": issuer.level,
               "province": issuer.prov.name if issuer.prov else None, "district": issuer.dist.name if issuer.dist else None,
               "commune": issuer.comm.name if issuer.comm else None,
               "date": doc.iso[:7] if doc.draft else doc.iso, "subject": doc.subject, "signer": signer,
               "citations": citations, "unnumbered": unnumbered_refs}
        ok = self.emit(text, rec, issuer.folder)
        if ok and not doc.draft:
            self.last_by_issuer[id(issuer)] = doc
            if issuer.lvl == 2 and doc.tcode == "CV":
                self.last_district_doc[issuer.prov.idx] = doc
        return ok

    def write_article(self, doc):
        rand = self.rand
        issuer = doc.issuer
        citations: list = []
        cited: set = set()
        who = self.pick(issuer.written)
        tname = TYPE_NAMES[doc.tcode]
        d = date.fromordinal(doc.day)
        first = (f"{who} vừa ban hành {tname} số {self.noisy(doc.symbol)} về {doc.subject}. "
                 f"Theo đó, {self.pick(['đề nghị', 'yêu cầu'])} các địa phương, cơ quan, đơn vị tiếp tục thực hiện một số nhiệm vụ cụ thể sau:")
        citations.append({"doc_type": tname, "number": doc.number, "symbol": doc.symbol, "date": None, "issuer": issuer.name,
                     "cue": None, "target": doc.key, "via": None})
        cited.add(doc.key)
        paras = ["", first]
        target = 2300 + int(rand() * 5000)
        self.paragraphs(doc, target - len(first.encode()), paras, 4 if rand() < 0.5 else 0)
        for k in range(2, len(paras)):
            if rand() < 0.5:
                if k < 7:
                    paras[k] = ["Thứ nhất: ", "Thứ hai: ", "Thứ ba: ", "Thứ tư: ", "Thứ năm: "][k - 2] + paras[k]
        p = doc.parent
        if p is not None and rand() < 0.5:
            paras.append(f"Văn bản được ban hành trong bối cảnh các cấp đang triển khai "
                         f"{self.ref(p, None, None, citations, cited, nest_ok=False)}.")
        paras.append(self.name())
        text = "\n\n".join(paras) + "\n"
        rec = {"kind": "article", "key": None, "doc_type": None, "number": None, "symbol": None, "issuer": None,
               "level": None, "province": issuer.prov.name if issuer.prov else None, "district": None, "commune": None,
               "date": None, "subject": None, "signer": None, "citations": citations, "unnumbered": []}
        return self.emit(text, rec, issuer.folder)

    # ---------------------------------------------------------------- campaign
    def size(self):
        x = math.exp(self.rng.gauss(8.75, 0.55))   # median ~6.3 KB
        return int(min(26000, max(2400, x)))

    def central_doc(self, kind, day, topic, parent=None, materialise=True, tcode=None):
        issuer = self.issuer.central[kind]
        tc = tcode or self.wpick(issuer.types)
        subj = self.subject_for(topic, date.fromordinal(day).year)
        return self.make_doc(issuer, tc, day, subj, topic, parent=parent)

    def run(self):
        gaz = self.gaz
        rand = self.rand
        while self.written < self.n:
            frac = self.written / self.n
            day = _ROOT_START + int(frac * (_ROOT_END - _ROOT_START)) + int(rand() * 40) - 20
            day = max(_ROOT_START, min(_ROOT_END, day))
            year = date.fromordinal(day).year
            self.prune_counters(year)
            topics = [k for k, t in enumerate(TOPICS) if t["years"][0] <= year <= t["years"][1]]
            topic = self.pick(topics)
            sector = self.wpick(_SECTOR_CUM)
            self.campaign(day, topic, sector)

    def campaign(self, day, topic, sector):
        rand = self.rand
        T = TOPICS[topic]
        year = date.fromordinal(day).year
        root = None
        companions = []
        central_written = []
        if rand() < 0.72:
            # central root
            if sector == "party":
                kind = self.wpick(_cumulative(("BCT", 35), ("BBT", 35), ("BCHTW", 5), ("BTGTW", 25)))
            elif sector == "state":
                kind = self.pick(["CP", "TTg", "TTg"] + ([T["ministry"]] if T["ministry"] else []))
            elif sector == "health":
                kind = "BYT"
            else:
                kind = {"union": "TLĐ", "youth": "TWĐ", "front": "MTTW"}[sector]
            tc = self.wpick(self.issuer.central[kind].types)
            # companions: earlier central documents of the same issuer and type (list citations),
            # numbered before the root so that numbers grow with dates
            if kind in ("CP", "BCT", "BBT", "TTg", "BYT") and rand() < 0.6:
                cods = []
                cod = day
                for _ in range(1 + int(rand() * 3)):
                    cod -= 3 + int(rand() * 40)
                    cods.append(cod)
                for cod in reversed(cods):
                    companions.append(self.central_doc(kind, cod, topic, tcode=tc))
            root = self.central_doc(kind, day, topic, tcode=tc)
            if rand() < 0.7:
                central_written.append(root)
            if rand() < 0.3:
                # a second central document implementing the first (e.g. a guideline)
                k2 = {"BCT": "BTGTW", "BBT": "BTGTW", "BCHTW": "BCT", "CP": "TTg", "TTg": "BYT", "BYT": "BYT",
                      "BTGTW": "BTGTW", "BTTTT": "BTTTT", "BNV": "BNV", "TLĐ": "TLĐ", "TWĐ": "TWĐ", "MTTW": "MTTW"}[kind]
                c2 = self.central_doc(k2, day + 3 + int(rand() * 20), topic, parent=root)
                central_written.append(c2)
                root2 = c2
            else:
                root2 = None
            for c in central_written:
                extra = {"size": self.size()}
                if c is root and companions and rand() < 0.5:
                    extra["list"] = companions[:]
                if rand() < 0.15:
                    extra["unn"] = True
                if not self.write_doc(c, extra):
                    return
            k = int(3 + 60 * rand() ** 2.2)
        else:
            root2 = None
            k = 1
        provs = self.next_provinces(k)
        for province in provs:
            if not self.province_part(province, day, topic, sector, root, root2, companions):
                return

    def next_provinces(self, k):
        out = []
        while len(out) < k:
            if not self.prov_cycle:
                self.prov_cycle = list(self.gaz)
                self.rng.shuffle(self.prov_cycle)
            province = self.prov_cycle.pop()
            if province not in out:
                out.append(province)
            elif len(out) >= len(self.gaz):
                break
        return out

    def common_extra(self, doc, root, companions):
        rand = self.rand
        e = {"size": self.size()}
        issuer = doc.issuer
        if companions and rand() < 0.3:
            e["list"] = [c for c in companions if c.day <= doc.day]
        if root is not None and rand() < 0.12 and doc.parent is not root:
            e["narr"] = root
        if rand() < 0.12:
            e["unn"] = True
            if rand() < 0.3:
                e["unn_first"] = True
        prev = self.last_by_issuer.get(id(issuer))
        if prev is not None and prev.day <= doc.day and prev.key != (doc.parent.key if doc.parent else None):
            x = rand()
            if x < 0.08 and doc.tcode == "CV":
                e["tiep_theo"] = prev
            elif x < 0.2 and doc.tcode in ("QĐ", "KH", "CT") and prev.tcode == doc.tcode:
                e["amend"] = (self.pick(["sua_doi", "thay_the", "bai_bo"]), prev)
            elif x < 0.26:
                e["theo"] = [prev]
        if issuer.lvl == 1 and doc.tcode == "CV" and rand() < 0.06:
            lower = self.last_district_doc.get(issuer.prov.idx)
            if lower is not None and lower.day <= doc.day:
                e["tra_loi"] = lower
        if root is not None and doc.parent is not None and doc.parent is not root and root.key and rand() < 0.15:
            e.setdefault("theo", []).append(root)
        return e

    def lag(self, day, lo, hi):
        x = day + lo + int(self.rand() ** 1.7 * (hi - lo))
        return min(x, _CAP)

    def doc_for(self, issuer, parent, day, topic, parent2=None, draft=False, tcode=None):
        tc = tcode or self.wpick(issuer.types)
        subj = self.subject_for(topic, date.fromordinal(day).year)
        return self.make_doc(issuer, tc, day, subj, topic, parent=parent, parent2=parent2, draft=draft)

    def province_part(self, province, first_day, topic, sector, root, root2, companions):
        rand = self.rand
        I = self.issuer
        par = root2 if (root2 is not None and rand() < 0.6) else root
        lead_kind, sec_kinds, dl_kind, ds_kinds, c_kinds = _SECTOR_PLAN[sector]
        lead_iss = I.get(self.wpick(lead_kind), province)
        day = self.lag(par.day, 1, 30) if par is not None else first_day
        lead = self.doc_for(lead_iss, par, day, topic)
        e = self.common_extra(lead, root, companions)
        if par is None and rand() < 0.3:
            e["unn"] = True
        if sector in ("union", "youth", "front") and rand() < 0.3:
            e["respond"] = True
        if not self.write_doc(lead, e):
            return False
        if rand() < P_ARTICLE * 2.5 and not self.write_article(lead):
            return False
        prov_docs = [lead]
        for _ in range(int(rand() ** 1.5 * 3)):
            kind = self.wpick(sec_kinds)
            issuer = I.get(kind, province)
            if issuer is lead_iss:
                continue
            d2 = self.doc_for(issuer, lead, self.lag(lead.day, 0, 12), topic,
                              parent2=par if (par is not None and rand() < 0.3) else None)
            if not self.write_doc(d2, self.common_extra(d2, root, companions)):
                return False
            prov_docs.append(d2)
        # districts
        dists = province.districts
        m = min(len(dists), int(rand() ** 1.3 * 7))
        if m:
            chosen = self.rng.sample(dists, m)
            for district in chosen:
                if not self.district_part(province, district, prov_docs, topic, sector, root, companions):
                    return False
        return True

    def district_part(self, province, district, prov_docs, topic, sector, root, companions):
        rand = self.rand
        I = self.issuer
        _, _, dl_kind, ds_kinds, c_kinds = _SECTOR_PLAN[sector]
        parent = prov_docs[0] if rand() < 0.7 else self.pick(prov_docs)
        kind = self.wpick(dl_kind)
        if kind == "BTGHU" and district.word == "thị xã":
            kind = "HU"
        issuer = I.get(kind, province, district)
        communes = district.communes if c_kinds else []
        nc = min(len(communes), int(rand() ** 1.6 * 5))
        day = self.lag(parent.day, 1, 25)
        draft = nc == 0 and rand() < P_DRAFT
        p2 = prov_docs[1] if (len(prov_docs) > 1 and parent is prov_docs[0] and rand() < 0.3) else None
        lead = self.doc_for(issuer, parent, day, topic, parent2=p2, draft=draft)
        if not self.write_doc(lead, self.common_extra(lead, root, companions)):
            return False
        if not draft and rand() < P_ARTICLE * 1.5 and not self.write_article(lead):
            return False
        ddocs = [lead] if not draft else []
        if not draft and rand() < 0.35:
            k2 = self.wpick(ds_kinds)
            if k2 == "BTGHU" and district.word == "thị xã":
                k2 = "UBH"
            second_issuer = I.get(k2, province, district)
            if second_issuer is not issuer:
                d2 = self.doc_for(second_issuer, lead, self.lag(lead.day, 0, 10), topic,
                                  parent2=parent if rand() < 0.3 else None)
                if not self.write_doc(d2, self.common_extra(d2, root, companions)):
                    return False
                ddocs.append(d2)
        if not ddocs:
            return True
        for commune in (self.rng.sample(communes, nc) if nc else []):
            par = self.pick(ddocs)
            ck = self.wpick(c_kinds)
            cited_issuer = I.get(ck, province, district, commune)
            cd = self.doc_for(cited_issuer, par, self.lag(par.day, 1, 20), topic, draft=rand() < P_DRAFT)
            if not self.write_doc(cd, self.common_extra(cd, root, companions)):
                return False
        return True


_SECTOR_CUM = _cumulative(*SECTORS)
# sector -> (province lead kinds, province secondary kinds, district lead kinds, district secondary kinds, commune kinds)
_SECTOR_PLAN = {
    "party": (_cumulative(("TU", 8), ("BTGTU", 2)), _cumulative(("UBND", 35), ("BTGTU", 20), ("ĐUK", 10), ("LĐ", 10), ("TĐ", 10), ("MT", 15)),
              _cumulative(("HU", 85), ("BTGHU", 15)), _cumulative(("UBH", 50), ("BTGHU", 20), ("MTH", 15), ("LĐH", 15)), _cumulative(("ĐUX", 7), ("UBX", 3))),
    "state": (_cumulative(("UBND", 1),), _cumulative(("SO0", 2), ("SO1", 2), ("SO2", 2), ("SO3", 2), ("TU", 1), ("LĐ", 1), ("MT", 1)),
              _cumulative(("UBH", 1),), _cumulative(("PH0", 3), ("PH1", 2), ("PH2", 2), ("HU", 1)), _cumulative(("UBX", 8), ("ĐUX", 2))),
    "health": (_cumulative(("SO0", 6), ("UBND", 4)), _cumulative(("UBND", 4), ("LĐ", 2), ("TĐ", 2), ("SO2", 2)),
               _cumulative(("UBH", 6), ("PH1", 4)), _cumulative(("PH1", 5), ("PH2", 3), ("UBH", 2)), _cumulative(("UBX", 1),)),
    "union": (_cumulative(("LĐ", 1),), _cumulative(("MT", 1), ("TĐ", 1)), _cumulative(("LĐH", 1),), _cumulative(("MTH", 1),), None),
    "youth": (_cumulative(("TĐ", 1),), _cumulative(("LĐ", 1), ("MT", 1)), _cumulative(("ĐH", 1),), _cumulative(("MTH", 1),), None),
    "front": (_cumulative(("MT", 1),), _cumulative(("LĐ", 1), ("TĐ", 1)), _cumulative(("MTH", 1),), _cumulative(("ĐH", 1), ("LĐH", 1)), None),
}


def generate_corpus(outdir: str | Path, n_docs: int, seed: int = 0, *,
                    progress: Callable[[int], None] | None = None, progress_every: int = PROGRESS_EVERY) -> dict:
    """Write `n_docs` synthetic documents and `truth.jsonl` under `outdir`.

    `progress(k)` is called each time another `k` (= `progress_every`) documents have
    been written, and once at the end with the remainder (so the calls sum to n_docs).
    Returns {"documents", "citations", "bytes", "seconds", "outdir"}.
    """
    t0 = time.perf_counter()
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    g = _Gen(out, int(n_docs), seed)
    g.progress = progress
    g.progress_every = max(1, int(progress_every))
    with open(out / "truth.jsonl", "w", encoding="utf-8", newline="\n", buffering=1 << 20) as tf:
        g.truth = tf
        if n_docs > 0:
            g.run()
    if progress is not None and g.written % g.progress_every:
        progress(g.written % g.progress_every)
    return {"documents": g.written, "citations": g.n_cit, "bytes": g.bytes,
            "seconds": round(time.perf_counter() - t0, 3), "outdir": str(out)}


def _main(argv=None):  # pragma: no cover - convenience entry point
    import argparse
    ap = argparse.ArgumentParser(description="Generate a synthetic chidao corpus")
    ap.add_argument("outdir")
    ap.add_argument("n_docs", type=int)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    s = generate_corpus(a.outdir, a.n_docs, a.seed)
    s["docs_per_s"] = round(s["documents"] / max(s["seconds"], 1e-9))
    s["MB_per_s"] = round(s["bytes"] / 1e6 / max(s["seconds"], 1e-9), 1)
    print(json.dumps(s))


if __name__ == "__main__":  # pragma: no cover
    _main()

