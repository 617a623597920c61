"""What notes folders and site generators write, rewritten as Markdown reader renders.

Run on a body before it is bounded and cut into sections (`prepare_body`):

- Obsidian: `[[Note]]`, `[[Note|label]]`, `[[Note#Heading]]`, `[[#Heading]]`
  become links to `reader:ID#Heading` (followed in the interface); a name that
  resolves to nothing stays readable, marked as missing. `![[Note]]` embeds
  that note's text as a quote, `![[Note#Heading]]` that section only, nested
  at most `MAX_EMBED_DEPTH` deep and `MAX_EMBED_CHARS` long, and
  `![[Note#^block-id]]` that block alone; `![[image.png]]` (`|100` a size, not
  words; `\\|` in a table) becomes an image placeholder, in place. Block ids
  (`^b15695` at a line's end) are never shown.
- Footnotes (`text[^1]` and `[^1]: note`): each section is rendered alone, so
  markdown-it's footnote plugin would number them per section and draw their
  text where it stands. Here they are numbered once for the whole body, in
  order of first mention, and gathered in a "Notes" section at the end.
- Jekyll: `{% highlight ruby %}…{% endhighlight %}` becomes a fenced code
  block; Liquid tags (`{% include x %}`, `{{ page.title }}`) and Hugo shortcodes
  (`{{< new-in 0.160 >}}`) become quiet markers, and a paired shortcode keeps
  only its inner text.

Nothing in code (fenced, indented or inline) is touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from reader.library.fences import FenceTracker
from reader.library.links import WIKILINK
from reader.library.parse import BodyError
from reader.settings.i18n import t

if TYPE_CHECKING:
    from reader.library.article import Article
    from reader.library.links import NoteNames
    from reader.library.loader import Library

MAX_EMBED_DEPTH = 3
"""Embeds inside embeds stop here (a note that embeds itself stops at once)."""
MAX_EMBED_CHARS = 20_000
"""The most of one embedded note that is shown; the rest is cut, with a mark."""
MAX_EMBEDDED_TOTAL = 200_000
"""The most text all of a body's embeds may add together."""
MEDIA = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".pdf", ".mp3", ".mp4", ".webm")

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_FOOTNOTE_DEF = re.compile(r" {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_HIGHLIGHT = re.compile(r"\s*\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\s*")
_END_HIGHLIGHT = re.compile(r"\s*\{%-?\s*endhighlight\s*-?%\}\s*")
_LIQUID_TAG = re.compile(r"\{%-?\s*(.*?)\s*-?%\}")
_LIQUID_OUTPUT = re.compile(r"\{\{-?\s*([^<%{}][^{}]*?)\s*-?\}\}")
_SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([\w.-]+)((?:(?![%>]\}\}).)*)\s*[>%]\}\}")
_CLOSING_SHORTCODE = re.compile(r"\{\{[<%]\s*/\s*([\w.-]+)")
_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"([^\"]+)\"\s*[>%]\}\}")
"""Hugo's `{{< ref "page.md" >}}` and `relref`: the page's path, which links resolve."""
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_ESCAPE = re.compile(r"([\\`*_\[\]<>!#|~=])")


def _escaped(text: str) -> str:
    """`text` as literal Markdown: no stray emphasis, link or tag from a note's name."""
    return _ESCAPE.sub(r"\\\1", text)


@dataclass
class NoteContext:
    """What wikilinks resolve against: the library's names, and a way to read a body."""

    names: NoteNames
    current: Article | None
    read: Callable[[Article], str]
    """The body of an article (raises `BodyError` for one that cannot be read)."""
    depth: int = 0
    _budget: list[int] = field(default_factory=lambda: [MAX_EMBEDDED_TOTAL])

    @classmethod
    def of(cls, library: Library, article: Article | None) -> NoteContext:
        """Links in `article` resolved against `library`; embedded notes read from disk."""
        from reader.library.parse import read_body

        return cls(library.names, article, lambda other: read_body(other.path))

    def deeper(self, article: Article) -> NoteContext:
        return NoteContext(self.names, article, self.read, self.depth + 1, self._budget)


def rewrite_notes(body: str, context: NoteContext | None = None) -> str:
    """`body` with the syntaxes of the module docstring rewritten (see there)."""
    if "{%" in body:
        body = _jekyll_highlight(body)
    if "{{" in body:
        body = _code_shortcodes(body)
    paired = set(_CLOSING_SHORTCODE.findall(body)) if "{{" in body else set()
    notes: dict[str, list[str]] = {}
    out: list[str] = []
    fences = FenceTracker()
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if fences.in_code(line) or line.startswith(("    ", "\t")):
            out.append(line)
            continue
        definition = _FOOTNOTE_DEF.match(line) if "[^" in line else None
        if definition:
            label, first = definition.groups()
            text = [first]
            while index < len(lines) and (
                lines[index].startswith(("    ", "\t"))
                or (
                    not lines[index].strip()
                    and index + 1 < len(lines)
                    and lines[index + 1].startswith(("    ", "\t"))
                )
            ):
                text.append(lines[index])
                index += 1
            notes.setdefault(label, text)
            continue
        if "^" in line and _BLOCK_ID.search(line):  # a block's id: its anchor, never shown
            line = _BLOCK_ID.sub(lambda m: f' <x-block id="{m.group(1)}"></x-block>', line)
        whole = line.strip()
        out.append(
            _outside_code(line, partial(_prose, context=context, whole_line=whole, paired=paired))
        )
    result = _footnotes("\n".join(out), notes) if notes else "\n".join(out)
    if "/*" in result and "{{" in result:  # shown as Hugo shows them: the shortcode as written
        result = _ESCAPED_SHORTCODE.sub(
            lambda m: f"{{{{{m.group(1)}{m.group(2)}{m.group(3)}}}}}", result
        )
    return result


_ESCAPED_SHORTCODE = re.compile(r"\{\{([<%])/\*(.*?)\*/([>%])\}\}")
"""`{{</* figure */>}}`: a shortcode written to be shown, not run (Hugo's docs are full of
them, in code blocks and in prose)."""


def _outside_code(line: str, change: Callable[[str], str]) -> str:
    if "`" not in line:
        return change(line)
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(line):
        parts += [change(line[last : span.start()]), span.group(0)]
        last = span.end()
    return "".join([*parts, change(line[last:])])


def _prose(text: str, context: NoteContext | None, whole_line: str, paired: set[str]) -> str:
    if "{" in text:
        text = _REF.sub(lambda match: match.group(1), text)  # a page's path: a link's target
        text = _SHORTCODE.sub(lambda match: _shortcode(match, paired), text)
        text = _LIQUID_TAG.sub(lambda m: _marker(m.group(1)), text)
        text = _LIQUID_OUTPUT.sub(lambda m: _marker(m.group(1)), text)
    if "[[" in text:
        text = WIKILINK.sub(lambda m: _wikilink(m, context, m.group(0) == whole_line), text)
    return text


def _marker(inner: str) -> str:
    if inner.startswith(("raw", "endraw")) and len(inner.split()) == 1:
        return ""
    return f"<x-marker>‹{_escaped(inner.strip())}›</x-marker>"


def _shortcode(match: re.Match[str], paired: set[str]) -> str:
    _kind, closing, name, args = match.groups()
    if closing or name in paired:
        return ""  # a paired shortcode keeps its inner text, and loses its tags
    return _marker(f"{name}{args}".strip())


def _wikilink(match: re.Match[str], context: NoteContext | None, alone: bool) -> str:
    embed, name, heading, label = match.groups()
    # `\|` is how a table cell writes the pipe of `[[name\|label]]`.
    name, heading = name.strip().removesuffix("\\").strip(), (heading or "")[1:].strip()
    heading = heading.removesuffix("\\").strip()
    if embed and name.lower().endswith(MEDIA):
        if label and _SIZE.fullmatch(label.strip()):  # `|100`, `|100x200`: a size, not words
            label = None
        return f"![{_escaped(label or name)}](<{name.replace('>', '')}>)"
    shown = (label or "").strip() or (
        f"{name} › {heading}" if name and heading else name or heading
    )
    target = None
    if context is not None:
        target = context.names.resolve(name, context.current) if name else context.current
    if target is None:
        return f"<x-missing>{_escaped(shown)}</x-missing>"
    if embed and alone and context is not None:
        return _embed(target, heading, context)
    address = f"reader:{target.id}" + (f"#{heading}" if heading else "")
    if heading.startswith("^") and context is not None and (embed or not label):
        # A block is named by its own words, never by its id: an embed within a line
        # shows them in quotes, a link names the note, then the words.
        words = _block_words(target, heading[1:], context)
        if words and embed:
            shown = f"“{words}”"
        elif words:
            shown = f"{name or target.title} › {_shorter(words, BLOCK_NAME_CHARS)}"
        else:
            shown = name or target.title
    return f"[{_escaped(shown)}](<{address.replace('>', '')}>)"


BLOCK_NAME_CHARS = 40
"""A block's words in the name of a link to it, at most (an embed shows them whole)."""
BLOCK_WORDS_CHARS = 400


def _block_words(article: Article, block_id: str, context: NoteContext) -> str:
    """A block's text as one line of plain words (its id, list and quote marks aside);
    empty if the note or the block cannot be read."""
    try:
        block = _block(context.read(article), block_id)
    except BodyError:
        return ""
    if block is None:
        return ""
    lines = [_BLOCK_ID.sub("", line) for line in block.split("\n")]
    lines = [_LIST_ITEM.sub("", line.lstrip(" \t>"), count=1) for line in lines]
    return _shorter(" ".join(" ".join(lines).split()), BLOCK_WORDS_CHARS)


def _shorter(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _embed(article: Article, heading: str, context: NoteContext) -> str:
    title = _escaped(article.title)
    if context.depth >= MAX_EMBED_DEPTH or context._budget[0] <= 0:
        return "> " + t("markdown.embed_too_deep", name=article.title)
    try:
        body = context.read(article)
    except BodyError:  # gone or unreadable since the library was read: as if missing
        return f"<x-missing>{title}</x-missing>"
    if heading.startswith("^"):
        body = _block(body, heading[1:]) or body
    elif heading:
        body = _section(body, heading)
    body = body[: min(MAX_EMBED_CHARS, context._budget[0])]
    context._budget[0] -= len(body)
    inner = rewrite_notes(body.strip("\n"), context.deeper(article))
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in inner.split("\n"))
    return f"> **[{title}](<reader:{article.id.replace('>', '')}>)**\n>\n{quoted}"


_SIZE = re.compile(r"\d+(?:x\d+)?")
_BLOCK_ID = re.compile(r"(?:^|[ \t])\^((?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9-]+)[ \t]*$")
"""Obsidian's `^block-id` at the end of a line (a letter in it: `x ^2` is arithmetic)."""
_LIST_ITEM = re.compile(r"([ \t]*)(?:[-*+]|\d+[.)])[ \t]")


def _block(body: str, block_id: str) -> str | None:
    """The block Obsidian calls `^block_id` (a paragraph, a list item with its children, a
    quote); None if the body has none."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        found = _BLOCK_ID.search(line)
        if not found or found.group(1) != block_id:
            continue
        if not line[: found.start()].strip():  # the id on a line of its own: the block above
            end = index
            while end > 0 and not lines[end - 1].strip():
                end -= 1
            start = end
            while start > 0 and lines[start - 1].strip():
                start -= 1
            return "\n".join(lines[start:end])
        item = _LIST_ITEM.match(line)
        if item:  # a list item, and what is indented under it
            depth, end = len(item.group(1)), index + 1
            while (
                end < len(lines)
                and lines[end].strip()
                and (len(lines[end]) - len(lines[end].lstrip()) > depth)
            ):
                end += 1
            return "\n".join(lines[index:end])
        start, end = index, index + 1
        while start > 0 and lines[start - 1].strip():
            start -= 1
        while end < len(lines) and lines[end].strip():
            end += 1
        return "\n".join(lines[start:end])
    return None


def _section(body: str, heading: str) -> str:
    """The part of `body` under the heading called `heading`, to the next one as high."""
    wanted = heading_key(heading)
    lines, start, level = body.split("\n"), None, 0
    for index, line in enumerate(lines):
        found = re.match(r" {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", line)
        if not found:
            continue
        if start is None and heading_key(found.group(2)) == wanted:
            start, level = index, len(found.group(1))
        elif start is not None and len(found.group(1)) <= level:
            return "\n".join(lines[start:index])
    return "\n".join(lines[start:]) if start is not None else body


def heading_key(text: str) -> str:
    """How headings are matched: `## My Heading!`, `my-heading` and `My heading` are one."""
    return re.sub(r"[\W_]+", "", text.lower())


def _jekyll_highlight(body: str) -> str:
    lines = []
    for line in body.split("\n"):
        opening = _HIGHLIGHT.fullmatch(line)
        if opening:
            lines.append(f"```{opening.group(1)}")
        elif _END_HIGHLIGHT.fullmatch(line):
            lines.append("```")
        else:
            lines.append(line)
    return "\n".join(lines)


_CODE_SHORTCODE = re.compile(
    r"\s*\{\{[<%]\s*(code-toggle|highlight|code)\b((?:(?![%>]\}\}).)*)[>%]\}\}\s*"
)
_CODE_END = re.compile(r"\s*\{\{[<%]\s*/\s*(code-toggle|highlight|code)\s*[>%]\}\}\s*")
_LANG_ARG = re.compile(r"""\blang\s*=\s*["']?([\w+#.-]+)""")


def _code_shortcodes(body: str) -> str:
    """Hugo's code shortcodes (`highlight go`, `code lang=yaml`, `code-toggle`, whose text
    is TOML unless it says otherwise), each on lines of its own, as fenced code blocks."""
    lines, inside = [], False
    for line in body.split("\n"):
        opening = None if inside else _CODE_SHORTCODE.fullmatch(line)
        if opening:
            name, args = opening.groups()
            language = _LANG_ARG.search(args)
            first = args.split()[0].strip("\"'") if args.split() else ""
            if language:
                fence = language.group(1)
            elif name == "highlight" and first and "=" not in first:
                fence = first
            else:
                fence = "toml" if name == "code-toggle" else ""
            lines.append(f"```{fence}")
            inside = True
        elif inside and _CODE_END.fullmatch(line):
            lines.append("```")
            inside = False
        else:
            lines.append(line)
    if inside:
        lines.append("```")
    return "\n".join(lines)


def _footnotes(body: str, notes: dict[str, list[str]]) -> str:
    """Number the footnotes by first mention and gather their text at the end."""
    numbers: dict[str, int] = {}

    def number(match: re.Match[str]) -> str:
        label = match.group(1)
        if label not in notes:
            return match.group(0)
        shown = numbers.setdefault(label, len(numbers) + 1)
        return f"<x-footref>{str(shown).translate(_SUPERSCRIPT)}</x-footref>"

    out, fences = [], FenceTracker()
    for line in body.split("\n"):
        inside = fences.in_code(line) or line.startswith(("    ", "\t"))
        out.append(
            line
            if inside or "[^" not in line
            else _outside_code(line, lambda p: _FOOTNOTE_REF.sub(number, p))
        )
    for label in notes:
        numbers.setdefault(label, len(numbers) + 1)
    items = []
    for label, shown in numbers.items():
        first, *rest = notes[label]
        items.append("\n".join([f"{shown}. {first}", *rest]))
    return (
        "\n".join(out).rstrip("\n") + f"\n\n## {t('markdown.notes')}\n\n" + "\n".join(items) + "\n"
    )
