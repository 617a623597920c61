"""The pure data layer: article files in, frozen domain objects out.

Nothing below this package imports Textual; a test enforces it.
"""

from reader.library.article import Article, Problem, Severity, Source, SourceKind
from reader.library.loader import Library, load_library

__all__ = ["Article", "Library", "Problem", "Severity", "Source", "SourceKind", "load_library"]
