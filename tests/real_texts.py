"""The real development set as the table tests quote it (tests/data/real: its parts, each text with its source)."""

from __future__ import annotations

from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parent / "data" / "real"


def source(text_id: str) -> str | None:
    """The text of ``<part>/<text_id>.txt``, whichever part holds it; None when none does."""
    for path in sorted(REAL.glob(f"*/{text_id}.txt")):
        return path.read_text(encoding="utf-8")
    return None


def quoted(text_id: str, snippet: str) -> None:
    """A table's example must be quoted from its real text (skipped where the set is absent)."""
    body = source(text_id)
    if body is None:
        pytest.skip(f"{text_id}.txt is not in {REAL}")
    assert snippet in body, f"the snippet is not quoted from {text_id}.txt"
