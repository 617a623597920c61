"""The Markdown reader renders: CommonMark, plus what notes folders and docs sites use.

Rich's `Markdown` renders CommonMark with tables and strikethrough. Real
folders also hold task lists, definition lists, bare addresses, `==highlights==`,
Obsidian callouts (`> [!tip] Title`) and images in the middle of sentences,
which Rich drew raw, or out of place (an inline image jumped to the start of
its paragraph). markdown-it-py's plugins parse what they can (tasks,
definition lists, linkify); the rest is done here, on the token stream, before
Rich draws it:

- an image becomes a placeholder in its place, in the text;
- a task's check box becomes ☐ or ☑;
- `==text==` becomes a highlight;
- a quote that opens with `[!kind]` becomes a titled, coloured callout (a
  folded one, `[!kind]-`, is shown open: there is nothing to click);
- `<x-…>` tags, which `reader.markdown.notes` writes for what it rewrote
  (unresolved wikilinks, footnote numbers, Liquid and Hugo markers), become
  quiet styles.

Code blocks wrap long lines with a continuation mark and keep their
indentation, instead of cutting identifiers in two with no sign.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, Literal

from rich.console import Group
from rich.markdown import (
    BlockQuote,
    CodeBlock,
    Markdown,
    MarkdownElement,
    TableElement,
    TextElement,
)
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.syntax import Syntax
from rich.text import Text
from rich.theme import Theme

from reader.settings.i18n import t

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.markdown import MarkdownContext

MAX_PARSE_NESTING = 64
"""markdown-it's own nesting limit (20 in CommonMark's preset) silently dropped
everything after a list nested ten deep, paragraphs below it included. Bodies are
kept within `reader.markdown.limits` first, which stays well below this."""

INLINE_TAGS = {"mark", "placeholder", "missing", "footref", "marker"}
"""Inline styles of ours, besides Rich's own (em, strong, code, s)."""

CALLOUT_STYLES = {
    "note": "blue",
    "info": "blue",
    "todo": "blue",
    "abstract": "cyan",
    "summary": "cyan",
    "tldr": "cyan",
    "tip": "green",
    "hint": "green",
    "important": "cyan",
    "success": "green",
    "check": "green",
    "done": "green",
    "question": "yellow",
    "help": "yellow",
    "faq": "yellow",
    "warning": "yellow",
    "caution": "yellow",
    "attention": "yellow",
    "failure": "red",
    "fail": "red",
    "missing": "red",
    "danger": "red",
    "error": "red",
    "bug": "red",
    "example": "magenta",
    "quote": "dim",
    "cite": "dim",
}
"""Obsidian's callout kinds and the colour each is drawn in (unknown kinds: note's)."""

THEME = Theme(
    {
        # Headings in the text's own colour, by weight and slant, never underlined
        # or in a link-like colour (Rich's own: underlined, magenta).
        "markdown.h1": "bold",
        "markdown.h2": "bold",
        "markdown.h3": "bold italic",
        "markdown.h4": "italic",
        "markdown.h5": "italic dim",
        "markdown.h6": "dim",
        "markdown.mark": "black on yellow",
        "markdown.placeholder": "italic dim",
        "markdown.missing": "italic dim underline",
        "markdown.footref": "bold",
        "markdown.marker": "dim",
        "markdown.dt": "bold",
        **{f"markdown.callout.{kind}": colour for kind, colour in CALLOUT_STYLES.items()},
    }
)
"""Styles for what Rich's own theme does not know; pushed only while rendering."""

_CALLOUT = re.compile(r"\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*(.*)")
_MARK = re.compile(r"==(?=\S)(.+?)(?<=\S)==")
_OWN_TAG = re.compile(r"<(/?)x-(missing|footref|marker)>")
_BLOCK_TAG = re.compile(
    r'<x-block id="[A-Za-z0-9-]+"></x-block>|<x-block id="[A-Za-z0-9-]+">|</x-block>'
)


def build_parser() -> MarkdownIt:
    """CommonMark with tables, strikethrough, tasks, definition lists and bare links."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_PARSE_NESTING, "linkify": True})
    parser.enable(["strikethrough", "table", "linkify"])
    return parser.use(tasklists_plugin).use(deflist_plugin)


# -- the token stream ------------------------------------------------------------


def _token(kind: str, tag: str, nesting: Literal[-1, 0, 1], content: str = "") -> Token:
    from markdown_it.token import Token

    return Token(kind, tag, nesting, content=content)


def _inline(tag: str, text: str) -> list[Token]:
    return [
        _token(f"{tag}_open", tag, 1),
        _token("text", "", 0, text),
        _token(f"{tag}_close", tag, -1),
    ]


def _rewrite_child(token: Token) -> list[Token]:
    if token.type == "image":
        alt = token.content or str(token.attrs.get("src", "")).rstrip("/").rsplit("/", 1)[-1]
        return _inline("placeholder", t("markdown.image", alt=alt))
    if token.type == "html_inline":
        if "task-list-item-checkbox" in token.content:
            return [_token("text", "", 0, "☑" if "checked" in token.content else "☐")]
        if _BLOCK_TAG.fullmatch(token.content):
            return []  # a block's anchor (`notes`): found by its place, never drawn
        own = _OWN_TAG.fullmatch(token.content)
        if own:
            closing, tag = own.groups()
            return [_token(f"{tag}_{'close' if closing else 'open'}", tag, -1 if closing else 1)]
        return [token]
    if token.type == "text" and "==" in token.content:
        parts: list[Token] = []
        last = 0
        for match in _MARK.finditer(token.content):
            parts.append(_token("text", "", 0, token.content[last : match.start()]))
            parts += _inline("mark", match.group(1))
            last = match.end()
        parts.append(_token("text", "", 0, token.content[last:]))
        return parts
    return [token]


def _callout(tokens: list[Token], index: int) -> None:
    """Make the quote opening at `index` a callout, if its first line says `[!kind]`."""
    if index + 2 >= len(tokens) or tokens[index + 1].type != "paragraph_open":
        return
    inline = tokens[index + 2]
    children = inline.children or []
    match = (
        _CALLOUT.fullmatch(children[0].content) if children and children[0].type == "text" else None
    )
    if match is None:
        return
    kind, _fold, title = match.groups()
    # The title is the whole first line, its emphasis and code kept (`In _Live Preview_`).
    rest = children[1:]
    end = next((n for n, child in enumerate(rest) if child.type in _BREAKS), len(rest))
    runs = [(title, frozenset[str]()), *_styled_runs(rest[:end])]
    tokens[index].meta["callout"] = (kind.lower(), "".join(text for text, _ in runs).strip())
    tokens[index].meta["callout_runs"] = runs
    rest = rest[end + 1 :]
    inline.children = rest
    if not rest:  # the title was all the paragraph held
        del tokens[index + 1 : index + 4]


_BREAKS = ("softbreak", "hardbreak")
_STYLES = {"em": "italic", "strong": "bold", "s": "strike"}


def _styled_runs(children: list[Token]) -> list[tuple[str, frozenset[str]]]:
    """Inline tokens as (text, styles) runs: emphasis, strong, strikethrough and code kept."""
    runs: list[tuple[str, frozenset[str]]] = []
    open_styles: set[str] = set()
    for child in children:
        name = child.type.rsplit("_", 1)[0]
        if child.type.endswith("_open") and name in _STYLES:
            open_styles.add(_STYLES[name])
        elif child.type.endswith("_close") and name in _STYLES:
            open_styles.discard(_STYLES[name])
        elif child.type == "code_inline":
            runs.append((child.content, frozenset({*open_styles, "code"})))
        elif child.content:
            runs.append((child.content, frozenset(open_styles)))
    return runs


def rewrite(tokens: list[Token]) -> list[Token]:
    """Apply the module's rewrites to a parsed token stream, in place; returns it."""
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token.type == "inline" and token.children:
            token.children = [new for child in token.children for new in _rewrite_child(child)]
        elif token.type == "blockquote_open":
            _callout(tokens, index)
    return tokens


# -- elements Rich has none of -----------------------------------------------------


class Callout(BlockQuote):
    """`> [!tip] Title`: a bar in the kind's colour, and a title line."""

    @classmethod
    def create(cls, markdown: Markdown, token: Token) -> MarkdownElement:
        if "callout" not in token.meta:
            return BlockQuote.create(markdown, token)
        kind, title = token.meta["callout"]
        return cls(kind, title, token.meta.get("callout_runs") or [])

    def __init__(
        self, kind: str, title: str, runs: list[tuple[str, frozenset[str]]] | None = None
    ) -> None:
        super().__init__()
        self.kind = kind if kind in CALLOUT_STYLES else "note"
        self.title = title or kind.capitalize()
        self.runs = runs if title else []
        """The title's words with their emphasis (`In _Live Preview_`)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        colour = console.get_style(f"markdown.callout.{self.kind}", default="none")
        bar = Segment("▌ ", colour)
        heading = Text(style=colour + console.get_style("bold"))
        for number, (text, styles) in enumerate(self.runs or [(self.title, frozenset())]):
            words = text.lstrip() if number == 0 else text
            look = console.get_style("markdown.code") if "code" in styles else Style()
            look += Style(italic="italic" in styles or None, strike="strike" in styles or None)
            heading.append(words, style=look)
        heading.rstrip()
        inner = options.update(width=options.max_width - 2)
        for line in console.render_lines(Group(heading, self.elements), inner):
            yield bar
            yield from line
            yield Segment.line()


class DefinitionList(TextElement):
    """`Term` / `: definition`: terms in bold, definitions indented below them."""

    def __init__(self) -> None:
        self.elements: list[MarkdownElement] = []

    def on_child_close(self, context: MarkdownContext, child: MarkdownElement) -> bool:
        self.elements.append(child)
        return False

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Group(*self.elements)


class DefinitionTerm(TextElement):
    style_name = "markdown.dt"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text


class DefinitionBody(DefinitionList):
    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Padding(Group(*self.elements), (0, 0, 1, 4))


MIN_CELL = 12
"""Narrower than this a column cuts every cell to `…`: such a table is shown as records."""


class RecordsTable(TableElement):
    """A table too wide for the pane becomes one record a row: `column: value` lines."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        headers = (
            [cell.content for cell in self.header.row.cells]
            if self.header and self.header.row
            else []
        )
        if not headers or options.max_width // len(headers) >= MIN_CELL:
            yield from super().__rich_console__(console, options)
            return
        label = console.get_style("markdown.dt", default="bold")
        records: list[Text] = []
        for row in self.body.rows if self.body else []:
            record = Text()
            for heading, cell in zip(headers, row.cells, strict=False):
                record.append_text(Text.assemble((heading.plain, label), ": ", cell.content, "\n"))
            records.append(record)
        for record in records:
            record.rstrip()  # in place
        yield Group(*(Padding(record, (0, 0, 1, 0)) for record in records))


class WrappedCode(CodeBlock):
    """A code block whose long lines wrap with `↪` after their own indentation."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        code = str(self.text).rstrip()
        syntax = Syntax(code, self.lexer_name, theme=self.theme)
        background = syntax.get_theme(self.theme).get_background_style()
        width = max(8, options.max_width - 2)
        lines: list[Text] = []
        highlighted = syntax.highlight(code)
        highlighted.rstrip()  # highlight() ends the text with a newline: a blank line more
        for line in highlighted.split("\n", allow_blank=True):
            lines += _wrap_code_line(line, width)
        # A block with a background of its own gets a row of it above and below; on the
        # terminal's own background (the default theme) those rows were only more blank
        # lines on top of the ones between blocks.
        rows = 1 if background.bgcolor is not None else 0
        yield Padding(Group(*lines), (rows, 1), style=background, expand=True)


def _wrap_code_line(line: Text, width: int) -> list[Text]:
    """`line` in pieces of at most `width` cells; a piece ends after a space or a
    comma when one is near, and every piece after the first starts with the line's
    own indentation and `↪`, so Python's indentation still reads right."""
    plain = line.plain
    if line.cell_len <= width:
        return [line]
    indent = min(len(plain) - len(plain.lstrip(" ")), width // 2)
    cuts: list[int] = []
    start, room = 0, width
    while len(plain) - start > room:
        end = start + room
        soft = max(plain.rfind(" ", start, end), plain.rfind(",", start, end))
        cut = soft + 1 if soft > start + room * 2 // 3 else end
        cuts.append(cut)
        start, room = cut, max(4, width - indent - 2)
    pieces = line.divide(cuts)
    mark = Text(" " * indent + "↪ ", style="dim")
    rest = (piece[1:] if piece.plain.startswith(" ") else piece for piece in pieces[1:])
    return [pieces[0], *(Text.assemble(mark, piece) for piece in rest)]


@functools.cache
def markdown_class() -> type[Any]:
    """Rich's Markdown, with the parser and the elements above.

    Built on first use: markdown-it and pygments load only once an article opens.
    """
    parser = build_parser()

    class ReaderMarkdown(Markdown):
        elements = {
            **Markdown.elements,
            "blockquote_open": Callout,
            "fence": WrappedCode,
            "code_block": WrappedCode,
            "dl_open": DefinitionList,
            "dt_open": DefinitionTerm,
            "dd_open": DefinitionBody,
            "table_open": RecordsTable,
        }
        inlines = Markdown.inlines | INLINE_TAGS

        def __init__(self, markup: str, **options: Any) -> None:
            super().__init__("", **options)
            self.markup = markup
            self.parsed = rewrite(parser.parse(markup))

    return ReaderMarkdown
