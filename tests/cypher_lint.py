"""Neo4j's own Cypher parser (npm ``@neo4j-cypher/language-support``) over Cypher text, for tests.

``lint(text, parameters=())`` returns the diagnostics of one text; ``lint_many`` runs many texts in
one Node process (loading the parser costs about a second). Each result also lists the source text of
every string literal token the parser's lexer saw, and the number of statements, so a test can check
that a value stayed inside its literal.

On first use the package is installed into a cache directory (``$CHIDAO_CYPHER_LINT_DIR``, else
``$XDG_CACHE_HOME/chidao-cypher-lint``, else ``~/.cache/chidao-cypher-lint``) with
``npm install --no-audit --no-fund --fetch-retries=1 --fetch-timeout=30000
@neo4j-cypher/language-support@<VERSION>``. When ``node`` or ``npm``
is missing or the install fails (no network), ``LintUnavailable`` is raised; ``require_linter()``
turns that into ``pytest.skip`` with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PACKAGE = "@neo4j-cypher/language-support"
VERSION = "2.0.0-next.38"
SCRIPT = Path(__file__).with_name("cypher_lint.js")
ERROR = 1  # LSP severity: 1 error, 2 warning, 3 information, 4 hint


class LintUnavailable(RuntimeError):
    """node/npm missing or the package could not be installed."""


@dataclass(frozen=True)
class Diagnostic:
    severity: int
    message: str
    line: int       # 0-based
    character: int  # 0-based

    def __str__(self) -> str:
        return f"{self.line + 1}:{self.character + 1}: {self.message}"


@dataclass(frozen=True)
class LintResult:
    diagnostics: list[Diagnostic]
    strings: list[str]  # every string literal token, quotes and escapes as written
    statements: int

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]


def cache_dir() -> Path:
    if os.environ.get("CHIDAO_CYPHER_LINT_DIR"):
        return Path(os.environ["CHIDAO_CYPHER_LINT_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "chidao-cypher-lint"


def _installed_version(directory: Path) -> str | None:
    manifest = directory / "node_modules" / PACKAGE / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=1)
def _install() -> Path | LintUnavailable:
    try:
        return _install_or_raise()
    except LintUnavailable as e:
        return e  # remembered: one failed install per process, not one per test


def ensure_installed() -> Path:
    """The node_modules directory holding the package, installing it on first use."""
    result = _install()
    if isinstance(result, LintUnavailable):
        raise result
    return result


def _install_or_raise() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        raise LintUnavailable(f"Neo4j's Cypher parser needs node and npm on PATH (node={node}, npm={npm})")
    directory = cache_dir()
    if _installed_version(directory) != VERSION:
        directory.mkdir(parents=True, exist_ok=True)
        manifest = directory / "package.json"
        if not manifest.exists():
            manifest.write_text('{"name": "chidao-cypher-lint", "private": true}\n', encoding="utf-8")
        try:
            # Few retries: without a network the install fails in seconds, not minutes.
            done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--fetch-retries=1",
                                   "--fetch-timeout=30000", f"{PACKAGE}@{VERSION}"],
                                  cwd=directory, capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise LintUnavailable(f"npm install {PACKAGE}@{VERSION} failed: {e}") from e
        if done.returncode != 0 or _installed_version(directory) != VERSION:
            tail = " ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
            raise LintUnavailable(f"npm install {PACKAGE}@{VERSION} failed (no network?): {tail}")
    return directory / "node_modules"


def lint_many(items: list[tuple[str, list[str] | tuple[str, ...]]]) -> list[LintResult]:
    """Lint every (text, declared parameter names) in one Node process."""
    modules = ensure_installed()
    payload = json.dumps([{"text": t, "parameters": list(p)} for t, p in items], ensure_ascii=False)
    env = {**os.environ, "NODE_PATH": str(modules)}
    done = subprocess.run(["node", str(SCRIPT)], input=payload.encode("utf-8"), capture_output=True, env=env,
                          timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"cypher_lint.js failed: {done.stderr.decode('utf-8', 'replace')[-2000:]}")
    return [LintResult([Diagnostic(**d) for d in r["diagnostics"]], r["strings"], r["statements"])
            for r in json.loads(done.stdout.decode("utf-8"))]


def lint(text: str, parameters=()) -> LintResult:
    """Diagnostics, string literal tokens and statement count of one Cypher text."""
    return lint_many([(text, list(parameters))])[0]


def require_linter() -> None:
    """Install the parser or skip the calling test with the reason."""
    import pytest

    try:
        ensure_installed()
    except LintUnavailable as e:
        pytest.skip(str(e))


def decode_string_literal(token: str) -> str:
    r"""The value of a Cypher string literal token ('...' or "..."), escapes resolved.

    >>> decode_string_literal(r"'a\'b\\c\n\u00e9'")
    "a'b\\c\né"
    """
    quote, body = token[0], token[1:-1]
    if quote not in "'\"" or token[-1] != quote:
        raise ValueError(f"not a string literal: {token!r}")
    simple = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt in simple:
            out.append(simple[nxt])
            i += 2
        elif nxt == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        else:
            raise ValueError(f"unknown escape \\{nxt} in {token!r}")
    return "".join(out)
