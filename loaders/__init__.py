"""loaders: files -> text -> records.

The stages, each a module: ``files`` (bytes to text, any encoding),
``normalize`` (the matching form and its offset map), ``citations`` and
``header`` (what a document cites and says about itself), ``extract``
(the pipeline). ``vocabulary`` holds every code and cue word.
"""

from .extract import extract_file, extract_text
from .models import Citation, DocHeader, Record, Signer, Unnumbered

__all__ = ["extract_text", "extract_file", "Record", "DocHeader", "Citation", "Unnumbered", "Signer", "extract_paths"]


def extract_paths(paths, *, jobs: int = 1):
    """Yield (path, Record | None, error | None) for every document under paths.

    A file that cannot be read yields its one-line reason instead of a record;
    the batch goes on. ``jobs`` > 1 parses in that many processes.
    """
    from .batch import extract_paths as _extract_paths

    return _extract_paths(paths, jobs=jobs)
