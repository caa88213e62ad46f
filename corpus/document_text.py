"""How the synthetic corpus lays out a document: header blocks, paragraphs from the text banks, the
citation blocks and the closing. It imports nothing of chidao (the corpus it writes is what the parser is scored against).

``DocumentText`` is a mixin of the generator (``generate._Generator``), drawing from its random source.
"""
from __future__ import annotations

import random
from datetime import date

from .issuers import _EMBLEMS, _cap_first
from .model import P_DECOY, _iso
from .text_banks import (ACTORS, CLOSINGS, CUES_IMPL, GENERIC, GENERIC_OBJECTS, KH_PURPOSE, LAWS, OFFICES, REQUESTS,
                         TAILS, TOPICS, TYPE_NAMES, TYPE_TITLES, VERBS)

# --------------------------------------------------------------------------- banks
_BANKS: dict | None = None


def _build_banks() -> dict:
    """Paragraph pools per (topic, level): fixed text, built once."""
    global _BANKS
    if _BANKS is not None:
        return _BANKS
    rand = random.Random(20210510)
    pools = {}

    def para(actors, objs, own):
        sents: list = []
        for _ in range(rand.randint(2, 5)):
            for _try in range(6):
                x = rand.random()
                if x < 0.6 or not own:
                    s = f"{rand.choice(actors)} {rand.choice(VERBS)} {rand.choice(objs)}{rand.choice(TAILS)}."
                elif x < 0.8:
                    s = rand.choice(own)
                else:
                    s = rand.choice(GENERIC)
                if s not in sents:
                    sents.append(s)
                    break
        p = " ".join(sents)
        return (p, len(p.encode()))

    for ti, t in enumerate(TOPICS):
        objs = t["objects"] + t["cores"]
        for lvl in range(4):
            pools[(ti, lvl)] = [para(ACTORS[lvl], objs, t["sentences"] + GENERIC) for _ in range(150)]
    for lvl in range(4):
        pools[(-1, lvl)] = [para(ACTORS[lvl], GENERIC_OBJECTS, GENERIC) for _ in range(150)]
    _BANKS = pools
    return pools



class DocumentText:
    """The document renderers (see the module docstring)."""

    def paragraphs(self, doc, budget, out, prefix_mode):
        """Append body paragraphs of about `budget` bytes to `out`; return bytes added."""
        pool = self.banks[(doc.topic, doc.issuer.lvl)]
        gpool = self.banks[(-1, doc.issuer.lvl)]
        rand = self.rand
        n = len(pool)
        added = 0
        k = 0
        while added < budget:
            para, nb = (pool if rand() < 0.8 else gpool)[int(rand() * n)]
            k += 1
            if prefix_mode == 1:
                para = f"{k}. {para}"
            elif prefix_mode == 2:
                para = "- " + para
            elif prefix_mode == 3 and rand() < 0.5:
                para = f"{'abcdefgh'[min(k - 1, 7)]}) {para}"
            if rand() < 0.012:
                # a page break in the middle of a paragraph (PDF extraction)
                sp = para.find(" ", len(para) // 2)
                if sp > 0:
                    para = para[:sp] + "\n\n" + (f"{1 + int(rand() * 9)}\n\n" if rand() < 0.4 else "") + para[sp + 1:]
            out.append(para)
            added += nb + 2
        return added

    def header(self, doc, title_block, addressee_block):
        """Header lines as text: issuer lines, emblem, Số, place-date, title (or V/v)."""
        issuer = doc.issuer
        rand = self.rand
        left = list(self.pick(issuer.header))
        if issuer.emblem == "party" and rand() < 0.5:
            left.append("*")
        right = _EMBLEMS[issuer.emblem]
        if doc.draft:
            rest = self.pick(issuer.sym[doc.tcode]).replace("{y}", str(doc.year))
            sym = " " * (3 + int(rand() * 5)) + rest
        else:
            sym = self.noisy(doc.symbol)
        soline = ("Số " if (issuer.emblem == "party" and rand() < 0.5) else "Số: ") + sym
        d = date.fromordinal(doc.day)
        mm = f"{d.month:02d}" if d.month < 3 else str(d.month)
        if doc.draft:
            dline = f"{issuer.place}, ngày {' ' * (2 + int(rand() * 5))}tháng {mm} năm {d.year}"
        else:
            dline = f"{issuer.place}, ngày {d.day:02d} tháng {mm} năm {d.year}"
        lay = rand()
        vv = title_block if doc.tcode == "CV" else None
        if lay < 0.35:
            lines = []
            for k in range(max(len(left), len(right))):
                a = left[k] if k < len(left) else ""
                b = right[k] if k < len(right) else ""
                lines.append((a.ljust(44) + b).rstrip())
            lines.append((soline.ljust(44) + dline))
            head = "\n".join(lines)
            return "\n" + head + "\n\n" + title_block + ("\n\n" + addressee_block if addressee_block else "")
        if lay < 0.65:
            blocks = ["\n".join(left), soline, "\n".join(right), dline, title_block, addressee_block]
        elif lay < 0.8:
            blocks = ["\n".join(right), dline, "\n".join(left), soline, title_block, addressee_block]
        elif lay < 0.95 and vv:
            blocks = ["\n".join(left), "*", soline, vv, "\n".join(right), dline, addressee_block]
        elif lay < 0.95:
            blocks = ["\n".join(left), soline, title_block, "\n".join(right), dline, addressee_block]
        else:  # issuer lines lost in extraction
            blocks = [soline, title_block, dline, addressee_block]
        return "\n\n" + "\n\n".join(b for b in blocks if b)

    def render(self, doc, extra):
        """Full text and truth citations of a document."""
        rand = self.rand
        issuer = doc.issuer
        tc = doc.tcode
        citations: list = []
        unnumbered_refs: list = []
        cited: set = set()
        body: list = []
        lvl = issuer.lvl
        actor = self.pick(issuer.actor)
        subj = doc.subject
        # ---- title
        title_cite = None
        p = doc.parent
        if tc == "CV":
            title = "V/v " + subj if rand() < 0.85 else _cap_first(subj)
            if len(title) > 45 and rand() < 0.5:
                sp = title.find(" ", 30)
                if sp > 0:
                    title = title[:sp] + "\n" + title[sp + 1:]
        else:
            t2 = TYPE_TITLES[tc]
            if tc == "KL" and issuer.lvl == 0:
                t2 += "\nCỦA " + issuer.caps
            if p is not None and tc in ("KH", "CTr", "HD") and rand() < 0.25:
                title_cite = True
                tl = self.pick(["Thực hiện", "Triển khai thực hiện"])
                t = self.ref(p, issuer, "thuc_hien", citations, cited, nest_ok=False, subj_ok=True)
                title = f"{t2}\n{tl} {t}"
            elif tc in ("QĐ", "CT", "NQ", "NĐ", "TT"):
                title = f"{t2}\n{self.pick(['Về việc ', 'Về ', ''])}{subj}" if tc != "NĐ" else f"{t2}\nQuy định {subj}"
            else:
                title = f"{t2}\n{_cap_first(subj)}"
        # ---- Kính gửi
        addressee_block = ""
        if tc in ("CV", "CĐ") or (tc == "HD" and rand() < 0.3):
            rec = issuer.recipients
            k = 1 + int(rand() * len(rec))
            sel = rec[:k]
            if rand() < 0.5:
                addressee_block = "Kính gửi: - " + ";\n- ".join(sel) + "."
            else:
                addressee_block = "Kính gửi:\n\n- " + ",\n- ".join(sel) + "."
        head = self.header(doc, title, addressee_block)
        if tc == "CĐ":
            body.append(f"{issuer.caps} điện:" if lvl == 0 else f"{issuer.caps.split(' ỦY BAN')[0]} ỦY BAN NHÂN DÂN điện:")
        # ---- opening with citations
        opening = []
        if tc in ("QĐ", "NĐ", "TT"):
            opening.append(self.pick(["", ""]) + issuer.caps)
            laws = [l for l in LAWS if date(*l[1]).toordinal() <= doc.day]
            for _ in range(1 + int(rand() * 2)):
                ln, ld = self.pick(laws)
                ods = date(*ld).toordinal()
                key = ("law", ln)
                if key in cited:
                    continue
                cited.add(key)
                unnumbered_refs.append({"doc_type": "Luật", "issuer": None, "date": _iso(ods), "cue": "can_cu"})
                dd = date(*ld)
                mm = f"{dd.month:02d}" if dd.month < 3 else str(dd.month)
                opening.append(f"Căn cứ {ln} ngày {dd.day:02d} tháng {mm} năm {dd.year};")
            for d in extra.get("basis", []) + ([p] if p is not None and p.key not in cited else []):
                if d.key in cited:
                    continue
                opening.append("Căn cứ " + self.ref(d, issuer, "can_cu", citations, cited) + ";")
            if doc.parent2 is not None and doc.parent2.key not in cited:
                opening.append("Căn cứ " + self.ref(doc.parent2, issuer, "can_cu", citations, cited) + ";")
            opening.append(self.pick(["Theo đề nghị của Giám đốc Sở Nội vụ.", "Theo đề nghị của Chánh Văn phòng.",
                                      "Theo đề nghị của Trưởng phòng Nội vụ.", "Theo đề nghị của Bộ trưởng Bộ Y tế."]
                                     if lvl else ["Theo đề nghị của Bộ trưởng Bộ Y tế.", "Theo đề nghị của Bộ trưởng Bộ Nội vụ."]))
            opening.append("QUYẾT ĐỊNH:" if tc == "QĐ" else ("Chính phủ ban hành Nghị định." if tc == "NĐ" else "Bộ trưởng ban hành Thông tư."))
        else:
            pieces = []
            tt = extra.get("tiep_theo")
            if tt is not None and tt.key not in cited:
                pieces.append(("Tiếp theo " + self.ref(tt, issuer, "tiep_theo", citations, cited, nest_ok=False) + ", ", None))
            tl = extra.get("tra_loi")
            if tl is not None and tl.key not in cited:
                pieces.append((self.pick(["Trả lời ", "Phúc đáp "]) + self.ref(tl, issuer, "tra_loi", citations, cited, nest_ok=False) + ", ", None))
            if extra.get("unn_first"):
                opening.append(self.unnumbered(doc, unnumbered_refs))
            refs = []
            if p is not None and p.key not in cited:
                refs.append(p)
            if doc.parent2 is not None and doc.parent2.key not in cited:
                refs.append(doc.parent2)
            if refs and not pieces:
                x = rand()
                if extra.get("respond"):
                    cw, cue = "Hưởng ứng", "huong_ung"
                elif x < 0.25:
                    cw, cue = "Căn cứ", "can_cu"
                else:
                    cw, cue = self.pick(CUES_IMPL)
                rendered = []
                for d in refs:
                    if d.key not in cited:   # a nested mention may already have covered it
                        rendered.append(self.ref(d, issuer, cue, citations, cited))
                pieces.append((cw + " " + "; ".join(rendered) + ", ", None))
            elif refs:
                # the primary parent goes later, as a plain reference
                extra.setdefault("theo", []).extend(refs)
            intro = "".join(t for t, _ in pieces)
            if tc in ("KH", "CTr", "HD"):
                tail = self.pick([f"{actor} ban hành {TYPE_NAMES[tc]} triển khai thực hiện như sau:",
                                  f"{actor} xây dựng {TYPE_NAMES[tc]} thực hiện, cụ thể như sau:",
                                  f"{actor} ban hành {TYPE_NAMES[tc]} với những nội dung sau:"])
            elif tc == "KL" and lvl == 0:
                d0 = date.fromordinal(doc.day - 1 - int(rand() * 10))
                tail = f"tại phiên họp ngày {d0.day:02d}/{d0.month}/{d0.year}, sau khi nghe báo cáo, {actor} kết luận như sau:"
            elif tc == "CT":
                tail = f"{actor} yêu cầu:" if rand() < 0.5 else f"{actor} chỉ thị:"
            else:
                tail = f"{actor} {self.pick(REQUESTS)}"
            if intro:
                opening.append(intro + tail)
            else:
                ctx = self.pick(self.banks[(doc.topic, lvl)])[0]
                opening.append(ctx)
                opening.append(_cap_first(tail) if not tail.startswith(actor) else tail)
        # ---- body: plan extra citation blocks
        blocks = []   # list of callables producing text (in order)
        for d in extra.get("theo", []):
            if d.key not in cited:
                blocks.append(("theo", d))
        if extra.get("list"):
            blocks.append(("list", extra["list"]))
        if extra.get("narr") is not None:
            blocks.append(("narr", extra["narr"]))
        if extra.get("unn") and not extra.get("unn_first"):
            blocks.append(("unn", None))
        if extra.get("amend") is not None:
            blocks.append(("amend", extra["amend"]))
        if rand() < P_DECOY:
            blocks.append(("decoy", None))
        # ---- sizes
        target = extra["size"]
        fixed = len(head) + sum(len(x) for x in opening) + 400
        budget = max(200, int((target - fixed * 1.25)))
        prefix_mode = 1 if tc in ("CV", "CT", "KL", "TB", "CĐ") else (2 if rand() < 0.5 else 3)
        paras: list = []
        if tc in ("KH", "CTr", "HD"):
            secs = ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, NHIỆM VỤ TRỌNG TÂM" if rand() < 0.5 else "II. NHIỆM VỤ VÀ GIẢI PHÁP",
                    "III. TỔ CHỨC THỰC HIỆN"]
            paras.append(secs[0])
            paras.append("1. Mục đích")
            paras.append("- " + self.pick(KH_PURPOSE))
            paras.append("2. Yêu cầu")
            paras.append("- " + self.pick(KH_PURPOSE))
            paras.append(secs[1])
            self.paragraphs(doc, budget * 0.7, paras, 1)
            paras.append(secs[2])
            self.paragraphs(doc, budget * 0.3, paras, 1)
        elif tc in ("QĐ", "NĐ", "TT"):
            if tc == "QĐ":
                paras.append(f"Điều 1. Ban hành kèm theo Quyết định này {self.pick(['Kế hoạch', 'Quy chế', 'Phương án'])} {subj}.")
                self.paragraphs(doc, budget * 0.8, paras, 2)
                paras.append("Điều 2. " + self.pick(GENERIC))
                self.paragraphs(doc, budget * 0.2, paras, 3)
            else:
                paras.append("Chương I\n\nQUY ĐỊNH CHUNG")
                paras.append("Điều 1. Phạm vi điều chỉnh")
                self.paragraphs(doc, budget * 0.5, paras, 3)
                paras.append("Điều 2. Đối tượng áp dụng")
                self.paragraphs(doc, budget * 0.5, paras, 3)
        else:
            self.paragraphs(doc, budget, paras, prefix_mode)
        # insert citation blocks at increasing positions
        if blocks:
            npar = len(paras)
            pos = sorted(int(rand() * (npar + 1)) for _ in blocks)
            out_paras = []
            bi = 0
            for k in range(npar + 1):
                while bi < len(blocks) and pos[bi] == k:
                    kind, payload = blocks[bi]
                    out_paras.append(self.block(doc, kind, payload, citations, unnumbered_refs, cited))
                    bi += 1
                if k < npar:
                    out_paras.append(paras[k])
            paras = out_paras
        # ---- closing
        if tc == "QĐ":
            clos = f"Điều 3. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."
        else:
            ck = "CTp" if (tc == "CT" and issuer.emblem == "party" and rand() < 0.6) else tc
            clos = self.pick(CLOSINGS.get(ck, CLOSINGS["X"]))
        copies = list(issuer.copies)
        k = 1 + int(rand() * len(copies))
        nn = "Nơi nhận:\n\n- " + ";\n- ".join(copies[:k]) + ";\n- " + ("Lưu: VT." if rand() < 0.8 else f"Lưu: VT, {self.pick(OFFICES)}.")
        signer = self.pick(issuer.signers)
        sign = self.pick(issuer.sign) + ("\n\n(Đã ký)" if rand() < 0.3 else "") + "\n\n" + signer
        tail = (nn + "\n\n" + sign) if rand() < 0.6 else (sign + "\n\n" + nn)
        text = head + "\n\n" + "\n\n".join(opening) + "\n\n" + "\n\n".join(paras) + "\n\n" + clos + "\n\n" + tail + "\n"
        return text, citations, unnumbered_refs, signer

    def block(self, doc, kind, payload, citations, unnumbered_refs, cited):
        rand = self.rand
        issuer = doc.issuer
        if kind == "theo":
            d = payload
            if d.key in cited:
                return self.pick(GENERIC)
            t = self.ref(d, issuer, "theo", citations, cited)
            return self.pick([f"Các cơ quan, đơn vị thực hiện nghiêm các nội dung theo {t}.",
                              f"Tổ chức triển khai các nhiệm vụ được giao tại {t}, bảo đảm đúng tiến độ.",
                              f"Chủ động bố trí nguồn lực theo {t}; báo cáo kết quả trước ngày 25 hằng tháng.",
                              f"Việc tổ chức thực hiện cần bám sát các yêu cầu đã nêu tại {t}."])
        if kind == "list":
            docs = [d for d in payload if d.key not in cited]
            if not docs:
                return self.pick(GENERIC)
            cw, cue = self.pick([("Triển khai hiệu quả", "thuc_hien"), ("Thực hiện nghiêm", "thuc_hien"),
                                 ("Tổ chức thực hiện tốt", "thuc_hien")])
            if len(docs) == 1:
                return f"{cw} {self.ref(docs[0], issuer, cue, citations, cited, nest_ok=False)}; {self.pick(GENERIC)[0].lower()}{self.pick(GENERIC)[1:]}"
            return f"{cw} {self.ref_list(docs, issuer, cue, citations, cited)}; kịp thời hỗ trợ các đối tượng chịu ảnh hưởng."
        if kind == "narr":
            d = payload
            if d.key in cited:
                return self.pick(GENERIC)
            t = self.ref(d, issuer, None, citations, cited, nest_ok=False)
            return _cap_first(t) + self.pick([" đã xác định rõ mục tiêu, nhiệm vụ và giải pháp trọng tâm.",
                                             " là cơ sở quan trọng để các cấp, các ngành tổ chức thực hiện.",
                                             " đã được quán triệt đến toàn thể cán bộ, đảng viên."])
        if kind == "unn":
            return self.unnumbered(doc, unnumbered_refs)
        if kind == "amend":
            mode, d = payload
            if d.key in cited:
                return self.pick(GENERIC)
            tn = TYPE_NAMES[doc.tcode]
            if mode == "thay_the":
                return f"{tn} này thay thế {self.ref(d, issuer, 'thay_the', citations, cited, nest_ok=False)}."
            if mode == "bai_bo":
                return f"Bãi bỏ {self.ref(d, issuer, 'bai_bo', citations, cited, nest_ok=False)}."
            return f"Sửa đổi, bổ sung một số nội dung tại {self.ref(d, issuer, 'sua_doi', citations, cited, nest_ok=False)} như sau: {self.pick(GENERIC)}"
        return self.decoy(doc.year)

    # ---------------------------------------------------------------- writing
