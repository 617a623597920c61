"""Markdown to what a screen shows: sections, lines of Rich segments, the article's header.

Pure rendering with Rich and markdown-it (loaded on first use), so `reader show`
and the reading pane draw the same lines. Imports the library and settings only;
no Textual.

Its modules:

- `body_links`: The links in an article's body, for the sources sidebar: what the text
  cites.
- `document`: Cut a Markdown body into sections that can be rendered one at a time.
- `extensions`: The Markdown reader renders: CommonMark, plus what notes folders and
  docs sites use.
- `layout`: Where each section of an article sits on screen at one width, and how to
  measure it.
- `limits`: How much structure reader renders as written, and what it does past that.
- `marks`: What the reading pane adds to rendered lines: search matches and actionable
  links.
- `notes`: What notes folders and site generators write, rewritten as Markdown reader
  renders.
- `plain`: Markdown as the words a reader sees: for search snippets, which are prose,
  not markup.
- `rendering`: Article parts to lines of rich Segments at a given width.
"""
