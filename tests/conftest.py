"""Shared fixtures. The real documents stay in ../shared/seeds: read from there, never copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def seeds_available() -> bool:
    return (SEEDS / "expected.json").is_file()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not seeds_available():
        pytest.skip(f"the real seed documents are not here ({SEEDS} is absent): they live in ../shared beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def seed_expected(seeds_dir) -> dict:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))["documents"]
