"""Markdown to what a screen shows: sections, lines of Rich segments, the article's header.

Pure rendering with Rich and markdown-it (loaded on first use), so `reader show`
and the reading pane draw the same lines. Imports the library and settings only;
no Textual.
"""
