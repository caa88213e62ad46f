"""The one exception type a user can see: ``ChidaoError``.

Every error a user can cause (a file that cannot be read or written, a missing
workspace, a reference that names no document, a server that refuses) is a
subclass; its message is one line that names the file or value and the reason.
``chidao.cli.main`` prints it as ``Error: <message>`` and exits 1.

The lowest module of the package (it imports nothing of chidao), so every layer
can raise it.
"""

from __future__ import annotations

import os
import re

from .patterns import UNPRINTABLE_RE

__all__ = ["ChidaoError", "write_error", "printable"]


class ChidaoError(Exception):
    """An error the user can act on; ``str(error)`` is one line for them."""


def write_error(path: str | os.PathLike, error: OSError) -> ChidaoError:
    """The one-line ``ChidaoError`` for a file that could not be written.

    >>> str(write_error("/nonexistent/x.html", FileNotFoundError(2, "No such file or directory")))
    'cannot write /nonexistent/x.html: No such file or directory'
    """
    reason = error.strerror or str(error) or type(error).__name__
    return ChidaoError(f"cannot write {os.fspath(path)}: {reason}")


# What is escaped: loaders/patterns.py, UNPRINTABLE_RE.


def _escape(m: re.Match) -> str:
    o = ord(m.group())
    if 0xDC80 <= o <= 0xDCFF:  # surrogateescape: the original byte of a name
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def printable(text: str) -> str:
    r"""``text`` with every character that could drive a terminal written as an escape.

    >>> printable("a\x1b[31mb\nc\udcff")
    'a\\x1b[31mb\\x0ac\\xff'
    """
    return text if text.isprintable() else UNPRINTABLE_RE.sub(_escape, text)
