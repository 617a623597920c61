"""Finding articles: the catalogue (cached front matter and the FTS5 index), search, filters.

Sits above `reader.state` (filters look at read marks and bookmarks) and the
library; imports no Textual, so the CLI answers from it without a terminal.

Its modules:

- `catalogue`: The catalogue: parsed articles and their full-text index, cached in one
  SQLite file.
- `catalogue_db`: The catalogue's SQLite file: its schema, and opening it (or starting
  it again).
- `catalogue_index`: Writing bodies into the full-text index: a big job into both of its
  parts at once.
- `catalogue_read`: Reading the catalogue's rows in list order: the cached library, and
  `list --json`'s records.
- `catalogue_rows`: Catalogue rows to domain objects and back: articles (columns SQL
  reads, and packed whole), sources and problems.
- `catalogue_sync`: Bringing the catalogue up to date with the disk: what changed is
  parsed, what left goes.
- `filters`: Which articles the list shows, and in what order. Pure: no Textual, no I/O.
- `listing`: What `reader list --json` prints of each article, encoded once, when the
  article is catalogued.
- `search`: Full-text search: query parsing, ranking and snippets over an FTS5 table.
- `workers`: Parsing and reading many files at once: a process per core for big jobs,
  this thread for small.
"""
