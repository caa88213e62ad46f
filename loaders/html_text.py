"""HTML to text: a portal page's main content, or every text node when that fails.

Portal pages wrap a directive in menus, a breadcrumb, "related articles"
lists, a sidebar and a footer, all of which name other documents and would
turn into false citations. With the optional ``resiliparse`` package
(``pip install 'chidao[html]'``) the article itself is kept, tables included
in reading order; chosen by measurement against trafilatura and
readability-lxml (benchmarks/html_text.py, figures in README "Formats read"):
on the made-up portal pages of the tests it alone kept the header table
readable *and* dropped the page title that repeats the document's own
number (a false citation), in 0.1 ms a page against 2-3 ms.
Without it, or when it finds no article, the stdlib path below keeps every
text node outside scripts and styles, as before.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .patterns import CELL_TAB_RE

__all__ = ["html_main_text", "html_all_text", "main_content_available"]

# Below this many characters of main content the page is taken whole: a bare
# document page (no portal around it) has no "main" part to find.
_MIN_MAIN_CHARS = 200

_BLOCK_TAGS = frozenset(
    "p div br li tr td th h1 h2 h3 h4 h5 h6 ul ol dl dt dd table thead tbody tfoot "
    "caption section article header footer main nav aside blockquote pre hr address "
    "figure figcaption form fieldset legend center body html title".split()
)
_SKIP_TAGS = frozenset({"script", "style", "head", "template", "noscript"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.pre = 0

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.skip.clear()  # an unclosed <head> ends where <body> starts
        if tag in _SKIP_TAGS:
            self.skip.append(tag)
            return
        if self.skip:
            return
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS and not self.skip:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if self.skip:
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        if self.pre:
            self.parts.append(data.replace("\n", "\x00"))  # keep <pre> line breaks
        else:
            self.parts.append(" ".join(data.split()) if not data.isspace() else " ")


def html_all_text(markup: str) -> str:
    p = _TextExtractor()
    p.feed(markup)
    p.close()
    raw = "".join(p.parts)
    lines: list[str] = []
    for line in raw.split("\n"):
        if "\x00" in line:  # from <pre>: keep its spacing and breaks
            line = line.strip("\x00").replace("\x00", "\n").rstrip()
        else:
            line = " ".join(line.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)




def main_content_available() -> bool:
    try:
        import resiliparse.extract.html2text  # noqa: F401
    except ImportError:
        return False
    return True


def _resiliparse_text(markup: str) -> str | None:
    try:
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError:
        return None
    try:
        text = extract_plain_text(markup, main_content=True, preserve_formatting=True, list_bullets=False,
                                  alt_texts=False, links=False, form_fields=False, noscript=False)
    except Exception:  # noqa: BLE001 - the fallback reads the page whole
        return None
    # Table cells come out side by side, tab-separated: one cell a paragraph, as in a .docx.
    return "\n".join(line.rstrip() for line in CELL_TAB_RE.sub("\n\n", text).split("\n")).strip("\n")


def html_main_text(markup: str) -> str:
    """The page's main content as text (see the module note); never raises for bad markup."""
    main = _resiliparse_text(markup)
    if main and len(main.strip()) >= _MIN_MAIN_CHARS:
        return main
    return html_all_text(markup)
