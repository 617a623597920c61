"""Finding articles: the catalogue (cached front matter and the FTS5 index), search, filters.

Sits above `reader.state` (filters look at read marks and bookmarks) and the
library; imports no Textual, so the CLI answers from it without a terminal.
"""
