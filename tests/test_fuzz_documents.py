"""A mutation fuzz of the parser: a few thousand documents made from the sample corpus texts.

The mutations are those that found the issue-15 cases: long lines (a document's lines joined into
one), repeated lines, inserted control, combining and RTL characters, byte flips, truncations and
splices of two documents. Each input must parse without an exception, within a time bound that is
proportional to its size: a per-byte rate measured on the unmutated texts in this same run, times a
generous factor, plus a fixed allowance (the bound is a guard against super-linear paths, not a
benchmark). Seeded: the same inputs every run. Bound on the whole: about a minute on 2 cores.
"""

from __future__ import annotations

import random
import time

import pytest

from chidao.corpus import sample_corpus_path
from chidao.loaders.extract import extract_text
from chidao.loaders.files import decode_text_bytes, UndecodableText

N_INPUTS = 2500
FACTOR = 40  # times the baseline seconds per byte
ALLOWANCE = 2.0  # seconds any input may take whatever its size (a loaded machine stalls)
INSERTS = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u0301", "\u0323\u0309", "\u200f", "\u202e", "\u2066", "\ufeff",
           "\u2028", "\r", "\t", "\u00a0", "\ufffd", "Số:", "Căn cứ ", "ngày ", "/", "-", "(", ")"]


def _texts() -> list[str]:
    from chidao.loaders.files import read_document

    return [read_document(p).text for p in sorted(sample_corpus_path().rglob("*.txt"))]


def _mutate(text: str, other: str, rng: random.Random) -> str:
    kind = rng.randrange(7)
    if kind == 0:  # one long line
        return " ".join(text.splitlines()) * rng.randint(1, 6)
    if kind == 1:  # a line repeated
        lines = text.splitlines() or [text]
        i = rng.randrange(len(lines))
        return "\n".join(lines[:i] + [lines[i]] * rng.randint(50, 2000) + lines[i:])
    if kind == 2:  # inserted characters
        chars = list(text)
        for _ in range(rng.randint(1, 200)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(INSERTS))
        return "".join(chars)
    if kind == 3:  # byte flips, decoded as a file would be
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.randint(1, 60)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        try:
            return decode_text_bytes(bytes(data))[0]
        except UndecodableText:
            return bytes(data).decode("utf-8", "replace")
    if kind == 4:  # truncation
        return text[: rng.randrange(len(text) + 1)]
    if kind == 5:  # splice of two documents
        return text[: rng.randrange(len(text) + 1)] + other[rng.randrange(len(other) + 1):]
    # several at once
    out = text
    for _ in range(3):
        out = _mutate(out, other, rng)[:200_000]
    return out


@pytest.fixture(scope="module")
def baseline() -> float:
    """Seconds per byte on the unmutated sample texts (the slowest of three passes' mean)."""
    texts = _texts()
    size = sum(len(t.encode()) for t in texts)
    rates = []
    for _ in range(3):
        started = time.perf_counter()
        for i, t in enumerate(texts):
            extract_text(t, f"base{i}.txt")
        rates.append((time.perf_counter() - started) / size)
    return max(rates)


def test_mutated_documents_parse_without_exception_in_bounded_time(baseline):
    texts = _texts()
    rng = random.Random(15)
    slow = []
    for n in range(N_INPUTS):
        text = _mutate(rng.choice(texts), rng.choice(texts), rng)
        size = len(text.encode("utf-8", "surrogatepass"))
        started = time.perf_counter()
        try:
            extract_text(text, f"fuzz{n}.txt")
        except Exception as e:  # noqa: BLE001 - the assertion: report which input raised
            pytest.fail(f"input {n} ({size} bytes) raised {type(e).__name__}: {e}")
        took = time.perf_counter() - started
        if took > ALLOWANCE + FACTOR * baseline * size:  # timed again: one stall of the machine is not a path
            started = time.perf_counter()
            extract_text(text, f"fuzz{n}.txt")
            took = min(took, time.perf_counter() - started)
        if took > ALLOWANCE + FACTOR * baseline * size:
            slow.append((n, size, round(took, 2)))
    assert not slow, f"over {FACTOR}x the baseline rate ({baseline * 1e6:.2f} us/byte): {slow[:10]}"
