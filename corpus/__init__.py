"""corpus: the bundled sample corpus and the synthetic corpus generator."""

from pathlib import Path

__all__ = ["sample_corpus_path"]


def sample_corpus_path() -> Path:
    """The directory of the sample corpus shipped with chidao."""
    return Path(__file__).resolve().parent / "sample"
