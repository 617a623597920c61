"""Files to articles: front matter, loading folders, sanitising, the vocabulary of fields.

Content files in, domain objects (`Article`, `Source`, `Problem`) out.
Imports only `reader.settings` (for the words of its problems) and no Textual;
the contracts in pyproject.toml keep it so.

Its modules:

- `article`: Domain objects of the library: articles, the sources they cite, and
  problems.
- `fences`: Fenced code blocks, tracked line by line: what looks like a heading inside
  one is not.
- `fields`: Reading the typed fields of a front matter: text, dates, tags, authors,
  sources.
- `frontmatter`: Bytes to text, and text to front matter (parsed) and body.
- `links`: The links between notes: wikilinks, what they point at, and who links to
  whom.
- `loader`: Folders of Markdown files in, a `Library` out.
- `origins`: Where articles come from, as the feeds pane shows it, and the filter for
  one place.
- `parse`: One content file in, an `Article` (or a `Problem` saying why not) out.
- `processes`: Worker processes for work that holds the interpreter: parsing articles,
  feeds, pages.
- `sanitize`: Make untrusted text harmless for a terminal.
- `short_ids`: Short handles for article ids, as git has for commit hashes.
- `vocabulary`: The values reader knows for `language` and `kind`, and their display
  names.
"""

from reader.library.article import Article, Problem, Severity, Source, SourceKind
from reader.library.loader import Library, load_library

__all__ = ["Article", "Library", "Problem", "Severity", "Source", "SourceKind", "load_library"]
