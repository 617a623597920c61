"""reader's widgets: one module each. They receive data and post messages; they never touch disk.

Its modules:

- `article_list`: The article list: thousands of rows, drawn with the Line API.
- `article_view`: An article drawn lazily: the reading pane's canvas, without its keys.
- `feeds_pane`: The feeds pane: every place articles come from, with its unread count.
- `footer`: The footer: the keys that fit, whole. Textual's own cuts the last one mid-
  word.
- `long_sections`: Sections too long to render while a key waits: rendered on a worker
  thread, once.
- `reading_pane`: The reading pane: an article to read, with the keys and messages of
  reading.
- `search_box`: The search field above the article list.
- `snippets`: Search snippets in the article list: the text around a match, the match in
  view.
- `sources_sidebar`: The sources sidebar: what the current article cites, grouped by
  kind.
- `strips`: Rendered lines made into the reading view's strips: placed in the column,
  padded.
"""
