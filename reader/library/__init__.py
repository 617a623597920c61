"""Files to articles: front matter, loading folders, sanitising, the vocabulary of fields.

Content files in, frozen domain objects (`Article`, `Source`, `Problem`) out.
Imports only `reader.settings` (for the words of its problems) and no Textual;
the contracts in pyproject.toml keep it so.
"""

from reader.library.article import Article, Problem, Severity, Source, SourceKind
from reader.library.loader import Library, load_library

__all__ = ["Article", "Library", "Problem", "Severity", "Source", "SourceKind", "load_library"]
