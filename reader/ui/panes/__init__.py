"""The main screen's parts: its left column, and what it hands its panes' work to.

The list column decides what the list shows (it filters and searches, so it
may use the index, which a widget may not); the others are not widgets at all.

Its modules:

- `layout`: How the main screen shares its width: the list grows with the terminal,
  the text never gets squeezed, and the sidebar comes and goes.
- `links`: Where a link leads: another article in reader, or (after a yes) the browser.
- `list_column`: The left column of the main screen: the article list, its filters and
  the search.
- `opening`: Opening an article: its body read and prepared off the UI thread, then shown.
"""
