"""The links in an article's body, for the sources sidebar: what the text cites.

Most articles (notes, docs pages, saved web pages) have no `sources:` list,
but their bodies are full of links: those are what they cite. Found by
pattern, not by a full Markdown parse, because this runs each time an article
opens and a parse of a megabyte takes most of a second: inline links
`[text](address)`, reference links `[text][label]`, autolinks `<https://…>`
and bare addresses, never in code, never images. Each address once, with the
first text that named it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.library.links import prose_lines

if TYPE_CHECKING:
    from reader.library import Article, Library

MAX_BODY_LINKS = 500
"""Links listed at most: a link directory must not make a sidebar of thousands."""

_INLINE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+[^)]*)?\)")
_REFERENCE_USE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])+)\](?:\[([^\[\]]*)\])?(?![(:])")
_DEFINITION = re.compile(r" {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]+)>")
_BARE = re.compile(r"(?<![(<\[\w/])(https?://[^\s<>()\[\]]+)")
_MARKUP = re.compile(r"[*_`~]|\\(?=\S)")


@dataclass(frozen=True, slots=True)
class BodyLink:
    """One address the body links to, and the words that link to it."""

    text: str
    url: str
    leads_to: str | None = None
    """The id of the library's article it leads to, once `named_links` has looked."""


def is_internal(url: str | None) -> bool:
    """A link to another article of the library: `reader:ID`, or a relative `.md` path."""
    if not url:
        return False
    address = url.split("#", 1)[0].lower()
    return url.startswith("reader:") or (
        "://" not in address and address.endswith((".md", ".markdown"))
    )


def body_links(body: str) -> list[BodyLink]:
    """The body's links, in order of first appearance (see the module docstring)."""
    if "](" not in body and "://" not in body and "]" not in body:
        return []
    lines = list(prose_lines(body))
    definitions: dict[str, str] = {}
    for line in lines:
        found = _DEFINITION.match(line)
        if found:
            definitions.setdefault(found.group(1).strip().lower(), found.group(2))
    links: dict[str, str] = {}
    for line in lines:
        if _DEFINITION.match(line):
            continue
        for _place, url, text in _links_in(line, definitions):
            links.setdefault(url, _plain(text) or url)
        if len(links) >= MAX_BODY_LINKS:
            break
    return [BodyLink(text, url) for url, text in links.items()][:MAX_BODY_LINKS]


def named_links(article: Article, links: Iterable[BodyLink], library: Library) -> list[BodyLink]:
    """The links an article's reader is shown, in the body's order: the sidebar's groups
    and `reader show`'s list, from this one function so that they never disagree.

    An address the article already cites among its sources is left out (it is
    listed there). A link that leads to another article of the library, by
    `reader:ID`, a note's path or a site's path, becomes `reader:ID` (with its
    heading or block) named by that article's title, as the list names it: the
    link's own words (`command`, `here`) say little out of their sentence.
    """
    cited = {source.url for source in article.sources if source.url}
    named: dict[str, BodyLink] = {}
    for link in links:
        if link.url in cited:
            continue
        target = library.link_target(link.url, article)
        if target is None:
            named.setdefault(link.url, link)
            continue
        fragment = link.url.partition("#")[2]
        address = f"reader:{target.id}" + (f"#{fragment}" if fragment else "")
        title = f"{target.title} › {fragment}" if fragment else target.title
        if fragment.startswith("^"):  # a block: named by the words the body shows, not its id
            title = (
                link.text if link.text.startswith(target.title) else f"{target.title} › {link.text}"
            )
        named.setdefault(address, BodyLink(title, address, target.id))
    return list(named.values())


def _links_in(line: str, definitions: dict[str, str]) -> list[tuple[int, str, str]]:
    """(position, address, text) of every link in a line, in order."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for match in _INLINE.finditer(line):
        taken.append(match.span())
        if not match.group(1):  # an image is no citation
            found.append((match.start(), match.group(3).strip("<>"), match.group(2)))
    if definitions:
        for match in _REFERENCE_USE.finditer(line):
            if match.group(1) or _inside(match.start(), taken):
                continue
            label = (match.group(3) or match.group(2)).strip().lower()
            if label in definitions:
                taken.append(match.span())
                found.append((match.start(), definitions[label], match.group(2)))
    for pattern in (_AUTOLINK, _BARE):
        for match in pattern.finditer(line):
            if not _inside(match.start(), taken):
                url = match.group(1).rstrip(".,;:!?'\"")
                taken.append(match.span())
                found.append((match.start(), url, url))
    return sorted(found)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _plain(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split())
