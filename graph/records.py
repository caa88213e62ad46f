"""Record <-> JSON: ``Record.to_json()`` inverted, so a workspace can keep parsed files."""

from __future__ import annotations

from ..loaders.models import Citation, DocHeader, Record, Signer, Unnumbered

__all__ = ["record_from_json"]


def record_from_json(data: dict) -> Record:
    """Rebuild a Record from ``Record.to_json()`` output (lists become tuples again)."""
    doc = data.get("doc")
    header = None
    if doc is not None:
        signer = doc.get("signer")
        header = DocHeader(**{**doc, "recipients": tuple(doc.get("recipients") or ()),
                              "copied_to": tuple(doc.get("copied_to") or ()),
                              "signer": Signer(**signer) if signer else None})
    return Record(
        path=data["path"], kind=data["kind"], doc=header,
        citations=tuple(Citation(**c) for c in data.get("citations") or ()),
        unnumbered=tuple(Unnumbered(**u) for u in data.get("unnumbered") or ()),
        warnings=tuple(data.get("warnings") or ()), sha256=data.get("sha256"), encoding=data.get("encoding"),
        ocr_confidence=data.get("ocr_confidence"),
    )
