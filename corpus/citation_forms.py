"""How the synthetic corpus writes a citation: every form the parser supports, with the noise of real
archives (dates in three styles, spaced or OCR-damaged symbols, issuer phrases seen from the citing
body, lists, nested citations, unnumbered acts, decoys). It imports nothing of chidao (the corpus it writes is what the parser is scored against).

``CitationForms`` is a mixin of the generator (``generate._Generator``): its methods draw from the
generator's random source in the generator's order, so the output stays byte-identical.
"""
from __future__ import annotations

from datetime import date

from .model import _DATE_FMT_DASH, _DATE_FMT_SLASH, _DATE_FMT_WORDS, P_SYM_DASH, P_SYM_OCR, P_SYM_SPACE, _iso
from .text_banks import DECOYS, STREETS, TOPICS, TYPE_NAMES


class CitationForms:
    """The citation-form renderers (see the module docstring)."""

    def fmt_date(self, day, style=None):
        d = date.fromordinal(day)
        if style is None:
            x = self.rand()
            style = _DATE_FMT_SLASH if x < 0.62 else (_DATE_FMT_DASH if x < 0.75 else _DATE_FMT_WORDS)
        dd = f"{d.day:02d}"
        mm = f"{d.month:02d}" if (d.month < 3 or self.rand() < 0.15) else str(d.month)
        if style == _DATE_FMT_SLASH:
            return f"ngày {dd}/{mm}/{d.year}"
        if style == _DATE_FMT_DASH:
            return f"ngày {dd}-{mm}-{d.year}"
        return f"ngày {dd} tháng {mm} năm {d.year}"

    def noisy(self, sym):
        x = self.rand()
        if x < P_SYM_SPACE:
            if "-" in sym and (self.rand() < 0.6 or "/" not in sym):
                k = sym.index("-")
                sp = self.pick([" -", " - ", "- "])
                return sym[:k] + sp + sym[k + 1:]
            k = sym.index("/")
            return sym[:k] + self.pick([" /", " / ", "/ "]) + sym[k + 1:]
        x -= P_SYM_SPACE
        if x < P_SYM_DASH and "-" in sym:
            return sym.replace("-", "\u2013" if self.rand() < 0.7 else "\u2014", 1)
        x -= P_SYM_DASH
        if x < P_SYM_OCR:
            if "UBND" in sym:
                return sym.replace("UBND", "ƯBND")
            if sym.endswith("/TW"):
                return sym[:-2] + "TƯ"
        return sym

    def issuer_phrase(self, cited_issuer, citing, allow_none=True):
        """(text or None, canonical or None) for the cited issuer `ci` as seen from `citing`."""
        if citing is None:
            same = False
        elif cited_issuer.lvl == 1:
            same = citing.prov is cited_issuer.prov
        elif cited_issuer.lvl == 2:
            same = citing.dist is cited_issuer.dist
        elif cited_issuer.lvl == 3:
            same = citing.comm is cited_issuer.comm
        else:
            same = False
        x = self.rand()
        none_ok = allow_none and (cited_issuer.lvl == 0 or (cited_issuer.lvl == 1 and same))
        if none_ok and x < 0.1:
            return None, None
        if same and x < 0.45 and cited_issuer.noplace:
            return self.pick(cited_issuer.noplace), cited_issuer.name
        if x < 0.7:
            return cited_issuer.name, cited_issuer.name
        return self.pick(cited_issuer.written), cited_issuer.name

    def ref(self, d, citing, cue, citations, cited, via=None, nest_ok=True, tw_mode=0, iss_mode=0, subj_ok=True):
        """Render one citation of document `d`; append its truth (and a nested one's) to `cits`.

        tw_mode 0: type word chosen here; 1: no type word ("số ..."), type shared by a list.
        iss_mode 0: issuer chosen here; 1: no issuer (shared by the list).
        """
        rand = self.rand
        tname = TYPE_NAMES[d.tcode]
        sym_shown = d.symbol
        number_only = False
        parts = []
        if tw_mode == 0:
            x = rand()
            if x < 0.04:
                parts.append("văn bản số ")
            elif x < 0.07:
                parts.append(d.tcode + (" số " if rand() < 0.5 else " "))
            elif x < 0.16:
                parts.append(tname + " ")
            else:
                parts.append(tname + " số ")
            if d.issuer.lvl == 0 and x >= 0.07 and rand() < 0.03:
                number_only = True
        else:
            parts.append("số ")
        if number_only:
            parts.append(d.number)
        else:
            parts.append(self.noisy(sym_shown))
        x = rand()
        date_shown = None
        if x < 0.8:
            parts.append(", " if rand() < 0.3 else " ")
            parts.append(self.fmt_date(d.day))
            date_shown = d.iso
        iss_canon = None
        if iss_mode == 0:
            txt, iss_canon = self.issuer_phrase(d.issuer, citing, allow_none=not number_only)
            if txt:
                parts.append(" của ")
                parts.append(txt)
        else:
            iss_canon = d.issuer.name
        if subj_ok and rand() < 0.75:
            parts.append(" về việc " if rand() < 0.3 else " về ")
            parts.append(d.subject)
        idx = len(citations)
        citations.append({"doc_type": tname, "number": d.number, "symbol": None if number_only else d.symbol,
                     "date": date_shown, "issuer": iss_canon, "cue": cue, "target": d.key, "via": via})
        cited.add(d.key)
        text = "".join(parts)
        p = d.parent
        if nest_ok and p is not None and p.key not in cited and rand() < 0.3:
            w = self.pick(["thực hiện", "triển khai", "triển khai thực hiện", "thực hiện"])
            text += " " + w + " " + self.ref(p, citing, "thuc_hien", citations, cited, via=idx, nest_ok=False, subj_ok=False)
        return text

    def ref_list(self, docs, citing, cue, citations, cited):
        """'các Nghị quyết của Chính phủ: Số 68/NQ-CP ngày ... về ...; số 105/NQ-CP ...'"""
        d0 = docs[0]
        tname = TYPE_NAMES[d0.tcode]
        head = f"các {tname} của {self.pick(d0.issuer.written)}: "
        items = []
        for k, d in enumerate(docs):
            t = self.ref(d, citing, cue, citations, cited, nest_ok=False, tw_mode=1, iss_mode=1)
            if k == 0 and self.rand() < 0.5:
                t = "S" + t[1:]
            items.append(t)
        return head + "; ".join(items)

    # ---------------------------------------------------------------- unnumbered / decoys
    def unnumbered(self, doc, unnumbered_refs):
        rand = self.rand
        x = rand()
        day = doc.day
        topic = TOPICS[doc.topic]
        if x < 0.3:
            unnumbered_refs.append({"doc_type": "Điện", "issuer": "Thường trực Ban Bí thư", "date": None, "cue": "thuc_hien"})
            return f"Thực hiện Điện của Thường trực Ban Bí thư về {self.pick(topic['cores'])}."
        if x < 0.55:
            d = day - 3 - int(rand() * 60)
            unnumbered_refs.append({"doc_type": "Lời kêu gọi", "issuer": "Tổng Bí thư", "date": _iso(d), "cue": "huong_ung"})
            return (f"Hưởng ứng Lời kêu gọi của Tổng Bí thư {self.fmt_date(d)} về {self.pick(topic['cores'])}, "
                    f"{self.pick(doc.issuer.actor)} phát động đợt thi đua cao điểm trong toàn {['quốc', 'tỉnh', 'huyện', 'xã'][doc.issuer.lvl]}.")
        if x < 0.75:
            d = day - 2 - int(rand() * 40)
            unnumbered_refs.append({"doc_type": "Công điện", "issuer": "Thủ tướng Chính phủ", "date": _iso(d), "cue": "thuc_hien"})
            return f"Thực hiện Công điện khẩn {self.fmt_date(d)} của Thủ tướng Chính phủ, yêu cầu các đơn vị khẩn trương triển khai các biện pháp cần thiết."
        d = day - 5 - int(rand() * 90)
        unnumbered_refs.append({"doc_type": "Lời kêu gọi", "issuer": "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "date": _iso(d), "cue": "huong_ung"})
        return (f"Hưởng ứng Lời kêu gọi {self.fmt_date(d)} của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, "
                f"các tầng lớp nhân dân tích cực ủng hộ, chung tay vì cộng đồng.")

    def decoy(self, year):
        rand = self.rand
        t = self.pick(DECOYS)
        return t.format(
            phone=f"0{200 + int(rand() * 99)}.{3800 + int(rand() * 199)}.{100 + int(rand() * 899)}",
            name=self.name(), num=1 + int(rand() * 300), street=self.pick(STREETS),
            money=f"{1 + int(rand() * 19)}.000.000", money2=f"{1 + int(rand() * 9)}.500.000", year=year,
            acct=f"3761.0.{1000000 + int(rand() * 8999999)}", day=f"{1 + int(rand() * 28):02d}", month=1 + int(rand() * 12),
            small=1 + int(rand() * 9), small2=self.pick("ABC"))

    # ---------------------------------------------------------------- document text
